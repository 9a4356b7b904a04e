package dev.mayday.slack.delivery;

import dev.mayday.incident.Incident;
import dev.mayday.incident.IncidentDirectory;
import dev.mayday.outbox.Attempt;
import dev.mayday.outbox.Delivery;
import dev.mayday.outbox.PostmortemRequested;
import dev.mayday.people.People;
import dev.mayday.postmortem.GeneratedPostmortem;
import dev.mayday.postmortem.PostedDrafts;
import dev.mayday.postmortem.PostedDrafts.PostedDraft;
import dev.mayday.postmortem.Postmortems;
import dev.mayday.slack.api.SlackCallFailed;
import dev.mayday.slack.api.SlackGateway;
import dev.mayday.text.UserText;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;

/**
 * Puts the post-mortem draft in the incident channel: a new version is generated and stored, uploaded as a
 * Markdown file, and the previous version's file is deleted, so the channel always holds one current draft. A short
 * summary with the key durations is posted once and updated for each later version. Nothing is archived.
 */
public final class PostmortemPublisher implements Delivery<PostmortemRequested> {

    private final Postmortems postmortems;
    private final SlackGateway slack;
    private final IncidentDirectory directory;
    private final PostedDrafts posted;
    private final Clock clock;
    private final People people;

    /** {@code people} names people in the draft by their Slack display names, as plain text. */
    public PostmortemPublisher(Postmortems postmortems, SlackGateway slack, IncidentDirectory directory,
                               PostedDrafts posted, Clock clock, People people) {
        this.postmortems = postmortems;
        this.slack = slack;
        this.directory = directory;
        this.posted = posted;
        this.clock = clock;
        this.people = people;
    }

    @Override
    public void deliver(PostmortemRequested request, Attempt attempt) {
        Incident incident = directory.byId(request.incidentId()).orElseThrow();
        String channel = incident.channel().orElseThrow(() ->
                new SlackCallFailed("files.getUploadURLExternal", SlackCallFailed.CHANNEL_NOT_READY, null));
        GeneratedPostmortem draft = postmortems.generate(incident.id(), slack::permalink, people.names(),
                clock.instant());
        Optional<PostedDraft> previous = posted.of(incident.id());

        String fileId = slack.uploadFile(channel, "postmortem-incident-" + incident.id() + "-v" + draft.version() + ".md",
                (incident.isPractice() ? "PRACTICE post-mortem draft v" : "Post-mortem draft v") + draft.version() + ": "
                        + UserText.plain(incident.title()),
                draft.markdown().getBytes(StandardCharsets.UTF_8), null);
        String summary = summary(incident, draft);
        String summaryTs = previous.map(PostedDraft::summaryTs).orElse(null);
        if (summaryTs == null) {
            summaryTs = slack.postMessage(channel, summary, null);
        } else {
            slack.updateMessage(channel, summaryTs, summary, null);
        }
        posted.record(incident.id(), draft.version(), new PostedDraft(fileId, summaryTs));
        previous.map(PostedDraft::fileId).filter(old -> !old.equals(fileId)).ifPresent(slack::deleteFile);
    }

    private static String summary(Incident incident, GeneratedPostmortem draft) {
        return (incident.isPractice() ? ":test_tube: *PRACTICE* · " : "")
                + ":page_facing_up: *Post-mortem draft v" + draft.version() + "* for incident #" + incident.id()
                + " is in the file above: " + draft.durations().summaryLine() + "."
                + (draft.reviewFindings() == 0 ? "" : " The draft suggests neutral wording for " + draft.reviewFindings()
                + (draft.reviewFindings() == 1 ? " phrase." : " phrases."))
                + " Fill in the sections together; `/incident postmortem` makes a new version.";
    }
}
