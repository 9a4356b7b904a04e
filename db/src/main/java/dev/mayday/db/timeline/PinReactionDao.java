package dev.mayday.db.timeline;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Who holds a 📌 on a message of an incident channel. */
public interface PinReactionDao {

    /** Returns 1 when added, 0 when this user already held it. */
    @SqlUpdate("""
            INSERT INTO pin_reactions (channel_id, message_ts, user_id) VALUES (:channelId, :messageTs, :userId)
            ON CONFLICT (channel_id, message_ts, user_id) DO NOTHING""")
    int add(@Bind("channelId") String channelId, @Bind("messageTs") String messageTs, @Bind("userId") String userId);

    /** Returns 1 when removed, 0 when this user did not hold it. */
    @SqlUpdate("DELETE FROM pin_reactions WHERE channel_id = :channelId AND message_ts = :messageTs AND user_id = :userId")
    int remove(@Bind("channelId") String channelId, @Bind("messageTs") String messageTs, @Bind("userId") String userId);

    @SqlQuery("SELECT count(*) FROM pin_reactions WHERE channel_id = :channelId AND message_ts = :messageTs")
    int holders(@Bind("channelId") String channelId, @Bind("messageTs") String messageTs);
}
