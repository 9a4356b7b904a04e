package dev.mayday.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The slash commands that write, as a plan's requests: on each connection {@code note}, {@code update} and
 * {@code status} in turn, in the incident channels; optionally every tenth a declare. A status command must change
 * the status (the same status again is refused), so connection {@code c} alone moves channel {@code c}'s status, one
 * step further each time, starting from what the store says it is now.
 */
final class CommandMix {

    private static final List<String> STATUSES = List.of("investigating", "identified", "monitoring");

    private final List<String> channels;

    CommandMix(List<String> channels) {
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("no incident channel to send commands in");
        }
        this.channels = List.copyOf(channels);
    }

    /**
     * {@code total} commands for {@code connections} connections; {@code statuses} maps each incident channel to its
     * status now; {@code declareChannel}, when not null, is where every tenth command declares a new incident.
     */
    List<byte[]> requests(SlackRequests slack, int connections, int total, Map<String, String> statuses,
                          String tag, String declareChannel) {
        int used = Math.min(connections, total);
        if (used > channels.size()) {
            throw new IllegalArgumentException(used + " connections need as many incident channels, there are "
                    + channels.size());
        }
        String[] current = new String[used];
        for (int c = 0; c < used; c++) {
            current[c] = statuses.getOrDefault(channels.get(c), "investigating").toLowerCase(Locale.ROOT);
        }
        List<byte[]> requests = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            int c = i % used;
            int k = i / used;
            String trigger = "bench-" + tag + "-" + i;
            if (declareChannel != null && k % 10 == 9) {
                requests.add(slack.command("U0BENCH", declareChannel, "declare sev3 " + tag + " load " + i, trigger));
                continue;
            }
            String spread = channels.get((c + k) % channels.size());
            String text = switch (k % 3) {
                case 0 -> "note bench note " + tag + " " + i;
                case 1 -> "update bench update " + tag + " " + i;
                default -> {
                    current[c] = STATUSES.get((STATUSES.indexOf(current[c]) + 1) % STATUSES.size());
                    yield "status " + current[c];
                }
            };
            requests.add(slack.command("U0BENCH", k % 3 == 2 ? channels.get(c) : spread, text, trigger));
        }
        return requests;
    }

    /** A command ack that tells the person it failed ({@code :x:} …) is a failure even though Slack sees a 200. */
    static Plan.Verdict acked() {
        return (status, body) -> status == 200 && !new String(body, StandardCharsets.UTF_8).contains(":x:");
    }
}
