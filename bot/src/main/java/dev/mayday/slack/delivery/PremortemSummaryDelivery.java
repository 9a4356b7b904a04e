package dev.mayday.slack.delivery;

import dev.mayday.db.Database;
import dev.mayday.db.premortem.PremortemSummaryRow;
import dev.mayday.outbox.Attempt;
import dev.mayday.outbox.Delivery;
import dev.mayday.outbox.PremortemSummaryRequested;
import dev.mayday.people.People;
import dev.mayday.premortem.Premortem;
import dev.mayday.premortem.PremortemRisks;
import dev.mayday.premortem.PremortemSummary;
import dev.mayday.premortem.Premortems;
import dev.mayday.slack.api.SlackCallFailed;
import dev.mayday.slack.api.SlackGateway;
import dev.mayday.text.UserText;

import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * A closed pre-mortem's summary: written once (version 1, stored before it is uploaded, so a retry uploads the same
 * text) and uploaded to its channel as a Markdown file, as a post-mortem draft is.
 */
public final class PremortemSummaryDelivery implements Delivery<PremortemSummaryRequested> {

    private final SlackGateway slack;
    private final Premortems premortems;
    private final PremortemRisks risks;
    private final PremortemSummary summary;
    private final People people;
    private final Database database;
    private final Clock clock;

    public PremortemSummaryDelivery(SlackGateway slack, Premortems premortems, PremortemRisks risks,
                                    PremortemSummary summary, People people, Database database, Clock clock) {
        this.slack = slack;
        this.premortems = premortems;
        this.risks = risks;
        this.summary = summary;
        this.people = people;
        this.database = database;
        this.clock = clock;
    }

    @Override
    public void deliver(PremortemSummaryRequested request, Attempt attempt) {
        Premortem premortem = premortems.byId(request.premortemId()).orElseThrow();
        String channel = premortem.channelId().orElseThrow(() ->
                new SlackCallFailed("files.getUploadURLExternal", SlackCallFailed.CHANNEL_NOT_READY, null));
        // names may be asked of Slack: before the transaction, never inside it
        String markdown = summary.markdown(premortem, risks.of(premortem.id()), people.names()::name);
        PremortemSummaryRow stored = database.inTransaction(store -> {
            store.premortems().storeSummary(new PremortemSummaryRow(premortem.id(), 1, markdown, clock.millis(), null));
            return store.premortems().latestSummary(premortem.id()).orElseThrow();
        });
        if (stored.fileId() != null) {
            return;
        }
        // an earlier try that uploaded but died before recording the file: record what it uploaded, upload nothing
        if (attempt.result().isPresent()) {
            String uploaded = attempt.result().get();
            database.inTransaction(store -> store.premortems().recordSummaryFile(premortem.id(), stored.version(),
                    uploaded));
            return;
        }
        String fileId = slack.uploadFile(channel, "premortem-" + premortem.id() + "-v" + stored.version() + ".md",
                "Pre-mortem summary v" + stored.version() + ": " + UserText.plain(premortem.change()),
                stored.markdown().getBytes(StandardCharsets.UTF_8), null);
        attempt.recordResult(fileId);
        database.inTransaction(store -> store.premortems().recordSummaryFile(premortem.id(), stored.version(), fileId));
    }
}
