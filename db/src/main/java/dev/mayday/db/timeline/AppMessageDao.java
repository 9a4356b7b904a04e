package dev.mayday.db.timeline;

import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

import java.util.Optional;

/** Apps' and alert bots' messages in incident channels, kept so that a 📌 on one can record its text. */
@RegisterConstructorMapper(AppMessageRow.class)
public interface AppMessageDao {

    /** Keeps the message, or its new text after an edit. */
    @SqlUpdate("""
            INSERT INTO app_messages (channel_id, message_ts, author, text, posted_at)
            VALUES (:channelId, :messageTs, :author, :text, :postedAt)
            ON CONFLICT (channel_id, message_ts) DO UPDATE SET text = excluded.text""")
    int remember(@Bind("channelId") String channelId, @Bind("messageTs") String messageTs,
                 @Bind("author") String author, @Bind("text") String text, @Bind("postedAt") long postedAt);

    @SqlQuery("SELECT author, text FROM app_messages WHERE channel_id = :channelId AND message_ts = :messageTs")
    Optional<AppMessageRow> find(@Bind("channelId") String channelId, @Bind("messageTs") String messageTs);
}
