package dev.mayday.faults;

import dev.mayday.sandbox.fake.FakeChannel;
import dev.mayday.sandbox.fake.FakeMessage;
import dev.mayday.sandbox.fake.FakeSlack;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the timers of several processes must have done once between them: the weekly digest queued, recorded and
 * posted once, and each lead stint that was due a hand-off offered it once (one offer in the store, one post in
 * Slack). The checks every process shares with the crash test are {@link CrashChecks}.
 */
final class ReplicaChecks {

    private final StoreReader store;
    private final FakeSlack slack;
    private final List<String> failures = new ArrayList<>();

    ReplicaChecks(StoreReader store, FakeSlack slack) {
        this.store = store;
        this.slack = slack;
    }

    /** {@code dueStints}: the lead stints made older than the hand-off limit, each owed exactly one offer. */
    List<String> run(String digestChannel, List<Long> dueStints) {
        oneDigest(digestChannel);
        oneOfferPerStint(dueStints);
        return List.copyOf(failures);
    }

    private void oneDigest(String digestChannel) {
        long queued = store.count("SELECT count(*) FROM outbox WHERE type = 'WeeklyDigest'");
        expect(queued == 1, "the weekly digest was queued " + queued + " times (one week is due)");
        List<Map<String, Object>> recorded = store.rows("SELECT * FROM digests");
        expect(recorded.size() == 1, "digests recorded: " + recorded + ", expected one");
        List<FakeMessage> posts = tagged("mayday-digest-");
        expect(posts.size() == 1, "the weekly digest was posted " + posts.size() + " times: " + where(posts));
        posts.stream().findFirst().ifPresent(post -> expect(post.channel().equals(digestChannel),
                "the digest was posted in " + post.channel() + " instead of " + digestChannel));
    }

    private void oneOfferPerStint(List<Long> dueStints) {
        expect(!dueStints.isEmpty(), "no lead stint was made due for a hand-off: the test exercised nothing");
        for (long stint : dueStints) {
            long offers = store.count("SELECT count(*) FROM handoff_offers WHERE assignment_id = ?", stint);
            expect(offers == 1, "lead stint " + stint + " has " + offers + " hand-off offers, expected one");
            List<FakeMessage> posts = tagged("handoff:" + stint);
            expect(posts.size() == 1, "the hand-off offer of stint " + stint + " was posted " + posts.size()
                    + " times: " + where(posts));
        }
        for (Map<String, Object> offer : store.rows("SELECT assignment_id FROM handoff_offers")) {
            long stint = ((Number) offer.get("assignment_id")).longValue();
            expect(dueStints.contains(stint), "stint " + stint + " was offered a hand-off but was not due one");
        }
    }

    /** The bot's posts whose delivery tag is {@code tag} or, for a tag ending in '-', starts with it. */
    private List<FakeMessage> tagged(String tag) {
        List<FakeMessage> found = new ArrayList<>();
        for (FakeChannel channel : slack.channels()) {
            for (FakeMessage message : slack.messages(channel.id())) {
                Optional<String> of = DeliveryTags.of(message);
                if (of.isPresent() && (tag.endsWith("-") ? of.get().startsWith(tag) : of.get().equals(tag))) {
                    found.add(message);
                }
            }
        }
        return found;
    }

    private static String where(List<FakeMessage> posts) {
        return posts.stream().map(m -> m.channel() + "/" + m.ts()).toList().toString();
    }

    private void expect(boolean holds, String failure) {
        if (!holds) {
            failures.add(failure);
        }
    }
}
