package dev.mayday.faults;

import dev.mayday.sandbox.fake.FakeChannel;
import dev.mayday.sandbox.fake.FakeMessage;
import dev.mayday.sandbox.fake.FakeSlack;
import dev.mayday.sandbox.pagerduty.FakePagerDuty;
import dev.mayday.sandbox.pagerduty.PdNote;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What must hold once the server has been killed and restarted and its outbox has drained: every request that got a
 * 2xx is stored, no side effect in Slack or PagerDuty happened twice, and nothing is left pending. Collects every
 * breach instead of stopping at the first, so one failing run shows the whole picture.
 */
final class CrashChecks {

    static final String ON_CALL_LINE = ":pager: On call in PagerDuty";

    private final StoreReader store;
    private final FakeSlack slack;
    private final FakePagerDuty pagerDuty;
    private final Ledger ledger;
    private final String announceChannel;
    private final String onCallUser;
    private final List<String> failures = new ArrayList<>();

    CrashChecks(StoreReader store, FakeSlack slack, FakePagerDuty pagerDuty, Ledger ledger, String announceChannel,
                String onCallUser) {
        this.store = store;
        this.slack = slack;
        this.pagerDuty = pagerDuty;
        this.ledger = ledger;
        this.announceChannel = announceChannel;
        this.onCallUser = onCallUser;
    }

    List<String> run() {
        outboxFinished();
        acceptedRequestsStored();
        oneChannelPerIncident();
        eachPostOnce();
        pagerDutyOnce();
        if (!store.postgres()) {
            List<Map<String, Object>> integrity = store.rows("PRAGMA integrity_check");
            expect("ok".equals(integrity.get(0).values().iterator().next()), "integrity_check: " + integrity);
        }
        return List.copyOf(failures);
    }

    private void outboxFinished() {
        for (Map<String, Object> row : store.rows(
                "SELECT id, incident_id, type, state, attempts, last_error FROM outbox WHERE state <> 'DONE'")) {
            failures.add("outbox row not delivered: " + row);
        }
    }

    private void acceptedRequestsStored() {
        ledger.declares.forEach(trigger -> expectCount(1, "declare with trigger " + trigger,
                "SELECT count(*) FROM incidents WHERE origin_key = ?", "command:" + trigger));
        ledger.failedDeclares.forEach(trigger -> expectCount(0, "declare with trigger " + trigger + " answered as not saved",
                "SELECT count(*) FROM incidents WHERE origin_key = ?", "command:" + trigger));
        ledger.messages.forEach((text, eventId) -> {
            expectCount(1, "message \"" + text + "\" on the timeline",
                    "SELECT count(*) FROM timeline_events WHERE kind = 'MESSAGE' AND text = ?", text);
            expectCount(1, "event " + eventId + " recorded as processed",
                    "SELECT count(*) FROM processed_events WHERE event_id = ?", eventId);
        });
        ledger.notes.forEach(note -> expectCount(1, "note \"" + note.text() + "\" in " + note.channel(),
                "SELECT count(*) FROM timeline_events t JOIN incidents i ON i.id = t.incident_id "
                        + "WHERE i.channel_id = ? AND t.kind = 'NOTE_ADDED' AND t.text = ?", note.channel(), note.text()));
        ledger.refusedNotes.forEach(note -> expectCount(0, "note \"" + note.text() + "\" answered as not saved",
                "SELECT count(*) FROM timeline_events WHERE text = ?", note.text()));
        ledger.updates.forEach(update -> expectCount(1, "update \"" + update.text() + "\"",
                "SELECT count(*) FROM timeline_events WHERE kind = 'UPDATE_POSTED' AND text = ?", update.text()));
        ledger.statusChanges.forEach((channel, accepted) -> {
            long stored = store.count("SELECT count(*) FROM timeline_events t JOIN incidents i ON i.id = t.incident_id "
                    + "WHERE i.channel_id = ? AND t.kind = 'STATUS_CHANGED' AND t.actor <> 'PagerDuty'", channel);
            expect(stored >= accepted.get(), accepted.get() + " status changes acknowledged in " + channel
                    + " but " + stored + " stored");
        });
        ledger.resolves.forEach(channel -> expect(store.count("SELECT count(*) FROM timeline_events t JOIN incidents i "
                        + "ON i.id = t.incident_id WHERE i.channel_id = ? AND t.kind = 'RESOLVED' AND t.actor <> 'PagerDuty'",
                channel) >= 1, "resolve acknowledged in " + channel + " but not stored"));
        for (Ledger.Webhook webhook : ledger.webhooks) {
            expectCount(1, "PagerDuty event " + webhook.eventId() + " (" + webhook.eventType() + ")",
                    "SELECT count(*) FROM pagerduty_events WHERE event_id = ?", webhook.eventId());
            if (webhook.eventType().equals("incident.triggered")) {
                expectCount(1, "incident for page " + webhook.pagerId(),
                        "SELECT count(*) FROM incidents WHERE pagerduty_id = ?", webhook.pagerId());
            }
            if (webhook.noteContent() != null) {
                expectCount(1, "PagerDuty note \"" + webhook.noteContent() + "\" on the timeline",
                        "SELECT count(*) FROM timeline_events WHERE kind = 'NOTE_ADDED' AND text LIKE ?",
                        "%: " + webhook.noteContent());
            }
        }
    }

    private void oneChannelPerIncident() {
        Map<String, FakeChannel> made = slack.channels().stream()
                .filter(c -> c.creator().equals(slack.botUserId()))
                .collect(Collectors.toMap(FakeChannel::id, c -> c));
        Map<String, Object> owners = new HashMap<>();
        for (Map<String, Object> incident : store.rows("SELECT id, channel_id FROM incidents")) {
            Object channel = incident.get("channel_id");
            expect(channel != null && made.containsKey(channel.toString()),
                    "incident #" + incident.get("id") + " has no channel Mayday made (channel_id " + channel + ")");
            owners.put(String.valueOf(channel), incident.get("id"));
        }
        made.values().stream().filter(c -> !owners.containsKey(c.id())).forEach(c ->
                failures.add("channel #" + c.name() + " (" + c.id() + ") was made but no incident owns it: a second channel"));
    }

    private void eachPostOnce() {
        Map<String, List<FakeMessage>> byTag = new TreeMap<>();
        for (FakeChannel channel : slack.channels()) {
            Map<String, Integer> untagged = new TreeMap<>();
            for (FakeMessage message : slack.messages(channel.id())) {
                if (!slack.botUserId().equals(message.user())) {
                    continue;
                }
                Optional<String> tag = DeliveryTags.of(message);
                if (tag.isPresent()) {
                    byTag.computeIfAbsent(tag.get(), t -> new ArrayList<>()).add(message);
                } else {
                    untagged.merge(Objects.toString(message.text(), ""), 1, Integer::sum);
                }
            }
            untagged.forEach((text, times) -> expect(times == 1,
                    "posted " + times + " times in #" + channel.name() + ": " + text));
        }
        byTag.forEach((tag, messages) -> expect(messages.size() == 1, "delivery " + tag + " posted " + messages.size()
                + " times: " + messages.stream().map(m -> m.channel() + "/" + m.ts()).toList()));
        for (Map<String, Object> incident : store.rows(
                "SELECT id, channel_id, card_ts, announcement_ts, is_private FROM incidents")) {
            Object id = incident.get("id");
            expectPost(byTag, "card-" + id, incident.get("channel_id"), incident.get("card_ts"));
            if (((Number) incident.get("is_private")).intValue() == 0) {
                expectPost(byTag, "announcement-" + id, announceChannel, incident.get("announcement_ts"));
            }
        }
        for (Map<String, Object> row : store.rows("SELECT o.id, o.result, i.channel_id FROM outbox o "
                + "JOIN incidents i ON i.id = o.incident_id WHERE o.type = 'ChangePosted'")) {
            expectPost(byTag, "change-" + row.get("id"), row.get("channel_id"), row.get("result"));
        }
        String responders = store.postgres() ? "CAST(o.payload AS json) ->> 'respondersRowId'"
                : "json_extract(o.payload, '$.respondersRowId')";
        for (Map<String, Object> row : store.rows("SELECT " + responders + " AS responders, o.result, i.channel_id "
                + "FROM outbox o JOIN incidents i ON i.id = o.incident_id WHERE o.type = 'OnCallInvited'")) {
            expectPost(byTag, "oncall-" + row.get("responders"), row.get("channel_id"), row.get("result"));
        }
    }

    private void expectPost(Map<String, List<FakeMessage>> byTag, String tag, Object channel, Object recordedTs) {
        List<FakeMessage> posts = byTag.getOrDefault(tag, List.of());
        expect(!posts.isEmpty(), "delivery " + tag + " never posted");
        posts.stream().findFirst().ifPresent(post -> {
            expect(post.channel().equals(String.valueOf(channel)), tag + " posted in " + post.channel()
                    + " instead of " + channel);
            expect(post.ts().equals(String.valueOf(recordedTs)), tag + " posted as " + post.ts()
                    + " but recorded as " + recordedTs);
        });
    }

    private void pagerDutyOnce() {
        Map<String, String> pagerIdByChannel = new HashMap<>();
        for (Map<String, Object> row : store.rows(
                "SELECT channel_id, pagerduty_id FROM incidents WHERE pagerduty_id IS NOT NULL")) {
            pagerIdByChannel.put(String.valueOf(row.get("channel_id")), row.get("pagerduty_id").toString());
        }
        for (String pagerId : pagerIdByChannel.values()) {
            Map<String, Long> contents = pagerDuty.notes(pagerId).stream()
                    .collect(Collectors.groupingBy(PdNote::content, TreeMap::new, Collectors.counting()));
            contents.forEach((content, times) -> expect(times == 1,
                    "PagerDuty note added " + times + " times to " + pagerId + ": " + content));
        }
        for (Ledger.ChannelText note : ledger.notes) {
            String pagerId = pagerIdByChannel.get(note.channel());
            if (pagerId != null) {
                long copies = pagerDuty.notes(pagerId).stream()
                        .filter(n -> n.content().startsWith(note.text() + " (")).count();
                expect(copies == 1, "Slack note \"" + note.text() + "\" reached PagerDuty " + pagerId + " "
                        + copies + " times");
            }
        }
        for (Map<String, Object> row : store.rows("SELECT o.id, o.result, i.pagerduty_id FROM outbox o "
                + "JOIN incidents i ON i.id = o.incident_id WHERE o.type = 'PagerNote'")) {
            String pagerId = String.valueOf(row.get("pagerduty_id"));
            expect(pagerDuty.notes(pagerId).stream().anyMatch(n -> n.id().equals(row.get("result"))),
                    "outbox PagerNote row " + row.get("id") + " recorded note " + row.get("result")
                            + ", which PagerDuty does not have");
        }
        for (String channel : ledger.resolves) {
            Optional.ofNullable(pagerIdByChannel.get(channel)).ifPresent(pagerId -> expect(pagerDuty.incident(pagerId)
                    .map(i -> i.status().equals("resolved")).orElse(false),
                    "resolved in Slack but PagerDuty " + pagerId + " is not resolved"));
        }
        pagerIdByChannel.forEach((channel, pagerId) -> {
            expect(slack.channel(channel).map(c -> c.members().contains(onCallUser)).orElse(false),
                    "the on-call of " + pagerId + " was not invited to " + channel);
            long lines = slack.messages(channel).stream()
                    .filter(m -> Objects.toString(m.text(), "").startsWith(ON_CALL_LINE)).count();
            expect(lines == 1, "the on-call line was posted " + lines + " times in " + channel);
        });
    }

    private void expectCount(long expected, String what, String sql, Object... args) {
        long actual = store.count(sql, args);
        expect(actual == expected, what + ": " + actual + " stored, expected " + expected);
    }

    private void expect(boolean holds, String failure) {
        if (!holds) {
            failures.add(failure);
        }
    }
}
