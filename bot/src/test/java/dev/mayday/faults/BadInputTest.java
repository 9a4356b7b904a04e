package dev.mayday.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mayday.incident.Incident;
import dev.mayday.sandbox.SlackSimulator;
import dev.mayday.sandbox.SlackSimulator.SlackReply;
import dev.mayday.sandbox.pagerduty.PdIncident;
import dev.mayday.sandbox.pagerduty.PdUser;
import dev.mayday.sandbox.pagerduty.SignedWebhook;
import dev.mayday.support.Sandbox;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 8, fault suite, "Bad input": at least 1,000 generated and mutated requests against one running server. Never a
 * 5xx, never a stack trace in a response, nothing stored from a rejected request, server healthy after.
 * <p>
 * The generator is seeded; the seed is printed and can be fixed with {@code -Dmayday.badinput.seed=N} to replay a
 * run. Every failing request is written in full under {@code target/bad-input/}.
 */
class BadInputTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String JSON_TYPE = "application/json";
    private static final int MIN_REQUESTS = 1_100;
    private static final long BUDGET_MILLIS = 45_000;
    private static final List<String> STACK_MARKERS = List.of("Exception", "at dev.", "at com.", "\tat ");

    private static final String[] SUBCOMMANDS = {"declare", "sev", "severity", "status", "update", "lead", "note",
            "resolve", "close", "action", "actions", "learned", "learning", "postmortem", "duty", "timeline", "pd",
            "pagerduty", "digest", "help", "", "DECLARE", "Sev", "nonsense", "décl🔥re"};
    private static final String[] DUTY_VERBS = {"join", "leave", "list", "add", "remove", "away", "back", "help", "",
            "JOIN", "away", "add", "remove", "🏖"};

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Tables the outbox writes to while it delivers earlier requests' Slack and PagerDuty work. */
    private static final java.util.Set<String> ASYNC_TABLES = java.util.Set.of("outbox", "postmortems", "postmortem_posts",
            "channel_names", "channel_setup_notices");
    /**
     * The replay guard's record that a signed request was answered (refusals included, so that a refused request sent
     * again after the state changed still changes nothing); it holds a digest, none of the request's content, and expires.
     */
    private static final String REPLAY_BOOKKEEPING = "seen_requests";

    @TempDir
    Path dir;

    private Random rng;
    private Sandbox sandbox;
    private final List<String> incidentChannels = new ArrayList<>();
    private final Map<String, Integer> sentPerCategory = new TreeMap<>();
    private final Map<String, Map<Integer, Integer>> statusesPerCategory = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private final Map<String, Long> millisPerCategory = new TreeMap<>();
    private int sequence;

    @Test
    void generatedBadInput_neverBreaksTheServer() throws Exception {
        long seed = Long.getLong("mayday.badinput.seed", 0x4D41594441594CL);
        System.out.println("BadInputTest seed=" + seed + " (replay with -Dmayday.badinput.seed=" + seed + ")");
        rng = new Random(seed);
        Path failureDir = Path.of("target", "bad-input");
        try (Sandbox s = Sandbox.start(dir)) {
            sandbox = s;
            incidentChannels.add(sandbox.declare("U0ALEX", "sev2 Fuzz target"));
            long started = System.currentTimeMillis();
            int sent = 0;
            while (sent < MIN_REQUESTS && System.currentTimeMillis() - started < BUDGET_MILLIS) {
                sendOne(failureDir);
                sent++;
            }
            long elapsed = System.currentTimeMillis() - started;
            counter.close();
            sandbox.settle();

            // Nothing Mayday posted to Slack carries a stack trace.
            for (String line : sandbox.slack.transcript()) {
                for (String marker : STACK_MARKERS) {
                    if (line.contains(marker)) {
                        failures.add("[slack transcript] a message posted to Slack contains \"" + marker + "\": "
                                + preview(line));
                    }
                }
                if (line.contains(":x: Something went wrong")) {
                    failures.add("[slack transcript] an unexpected internal failure was replied to Slack: "
                            + preview(line));
                }
            }

            HttpResponse<String> health = sandbox.get("/health");
            int before = sandbox.incidents().size();
            SlackReply fine = sandbox.command("U0ALEX", sandbox.generalChannel, "declare sev3 Still fine");
            sandbox.settle();

            System.out.println("BadInputTest seed=" + seed + " sent=" + sent + " in " + elapsed + " ms; per category: "
                    + sentPerCategory + "; ms per category: " + millisPerCategory + "; statuses: " + statusesPerCategory + "; failures: " + failures.size());
            failures.forEach(f -> System.out.println("  FAILURE " + f));

            assertThat(sent).as("requests sent within the time budget").isGreaterThanOrEqualTo(1_000);
            assertThat(health.statusCode()).as("GET /health after the run").isEqualTo(200);
            assertThat(fine.status()).isEqualTo(200);
            List<Incident> after = sandbox.incidents();
            assertThat(after).hasSize(before + 1);
            Incident last = after.get(after.size() - 1);
            assertThat(last.title()).isEqualTo("Still fine");
            assertThat(last.place().channelId()).as("the new incident has its channel").isNotNull();
            assertThat(sandbox.slack.channel(last.place().channelId())).isPresent();
            assertThat(failures).as("bad-input failures (seed " + seed + ", full requests under " + failureDir
                    .toAbsolutePath() + ")").isEmpty();
        }
    }

    // --- one request --------------------------------------------------------------------------------------------

    private record Sent(String category, String target, String contentType, String body, int status, String response) {
    }

    private void sendOne(Path failureDir) throws Exception {
        Map<String, Long> before = rowCounts();
        long t0 = System.nanoTime();
        int pick = rng.nextInt(100);
        Sent sent;
        if (pick < 40) {
            sent = oddSlashCommand();
        } else if (pick < 48) {
            sent = formWithMissingFields();
        } else if (pick < 60) {
            sent = brokenEvent();
        } else if (pick < 74) {
            sent = brokenInteraction();
        } else if (pick < 78) {
            sent = hugeBody();
        } else if (pick < 84) {
            sent = wrongContentType();
        } else {
            sent = mutatedWebhook();
        }
        sentPerCategory.merge(sent.category, 1, Integer::sum);
        millisPerCategory.merge(sent.category, (System.nanoTime() - t0) / 1_000_000, Long::sum);
        statusesPerCategory.computeIfAbsent(sent.category, k -> new TreeMap<>()).merge(sent.status, 1, Integer::sum);

        List<String> problems = new ArrayList<>();
        if (sent.status >= 500) {
            problems.add("status " + sent.status);
        }
        String response = sent.response == null ? "" : sent.response;
        for (String marker : STACK_MARKERS) {
            if (response.contains(marker)) {
                problems.add("response contains \"" + marker + "\"");
            }
        }
        String shown = shownText(response);
        if (shown.startsWith(":x: Something went wrong")) {
            problems.add("an unexpected internal failure answered as an ephemeral :x:");
        }
        boolean rejected = (sent.status >= 400 && sent.status < 500) || shown.startsWith(":warning:")
                || shown.startsWith(":x:");
        Map<String, Long> after = rowCounts();
        if (rejected) {
            // Slack work still running for earlier requests only updates rows; a rejected request adds none.
            Map<String, Long> changed = new TreeMap<>(after);
            changed.keySet().removeIf(table -> ASYNC_TABLES.contains(table) || table.equals(REPLAY_BOOKKEEPING));
            Map<String, Long> was = new TreeMap<>(before);
            was.keySet().removeIf(table -> ASYNC_TABLES.contains(table) || table.equals(REPLAY_BOOKKEEPING));
            if (!changed.equals(was)) {
                problems.add("rejected but stored: rows " + diff(before, after));
            }
        }
        if (!after.get("incidents").equals(before.get("incidents"))) {
            refreshIncidentChannels();
        }
        if (!problems.isEmpty()) {
            int n = failures.size() + 1;
            Files.createDirectories(failureDir);
            Path file = failureDir.resolve("failure-" + n + "-" + sent.category + ".txt");
            Files.write(file, ("POST " + sent.target + "\nContent-Type: " + sent.contentType + "\n\n" + sent.body
                    + "\n\n--- answered " + sent.status + "\n" + response + "\n").getBytes(StandardCharsets.UTF_8));
            failures.add("[" + sent.category + "] " + problems + " POST " + sent.target + " (" + sent.contentType
                    + ", " + sent.body.length() + " chars) body=" + preview(sent.body) + " -> " + sent.status + " "
                    + preview(response) + " (full: " + file + ")");
        }
    }

    private static String shownText(String response) {
        try {
            JsonNode answer = JSON.readTree(response);
            if (answer != null && answer.path("text").isTextual()) {
                return answer.path("text").asText();
            }
        } catch (Exception notJson) {
            // the raw body is what Slack shows
        }
        return response;
    }

    // --- slash commands ----------------------------------------------------------------------------------------

    private Sent oddSlashCommand() {
        String sub = pickOf(SUBCOMMANDS);
        String args = argsFor(sub.toLowerCase());
        String text = (rng.nextInt(10) == 0 ? oddWhitespace() : "") + sub + (args.isEmpty() ? "" : " " + args);
        String channel = rng.nextBoolean() ? sandbox.generalChannel : pickOf(incidentChannels);
        String user = rng.nextInt(8) == 0 ? pickOf(new String[]{"U0ALEX", "UØ", "U" + "9".repeat(40), "W0BOB", ""})
                : pickOf(new String[]{"U0ALEX", "U0BOB", "U0CAROL"});
        Map<String, String> form = commandForm(user, channel, text);
        if (rng.nextInt(6) == 0) {
            // Raw, possibly invalid UTF-8 / broken percent escapes that URLEncoder would never produce.
            String raw = SlackSimulator.formEncode(form).replace("text=", "text=" + pickOf(new String[]{
                    "%ED%A0%80", "%ED%B0%80", "%C0%AF", "%FF%FE", "%F0%9F", "%", "%G1", "%00", "%E2%80%AE", "+%2B+",
                    "%F4%90%80%80"}));
            return post("slash-raw-utf8", FORM, raw);
        }
        return post("slash-odd-text", FORM, SlackSimulator.formEncode(form));
    }

    private String argsFor(String sub) {
        return switch (sub) {
            case "declare" -> (rng.nextBoolean() ? pickOf(new String[]{"sev1", "sev2", "sev3", "sev4", "sev0", "sev5",
                    "sev-1", "sev99999999999999999999", "SEV1", "sev"}) + " " : "") + oddText();
            case "sev", "severity" -> pickOf(new String[]{"1", "2", "sev3", "4", "0", "5", "-1", "99999999999999999999",
                    "", "١", "²", "sev１", oddText()});
            case "status" -> pickOf(new String[]{"investigating", "identified", "monitoring", "resolved", "closed", "",
                    "INVESTIGATING", "ıdentified", oddText()});
            case "lead" -> mention() + (rng.nextBoolean() ? " " + oddText() : "");
            case "duty" -> {
                String verb = pickOf(DUTY_VERBS);
                String more = switch (rng.nextInt(5)) {
                    case 0 -> mention();
                    case 1 -> mention() + " " + pickOf(new String[]{"engineer", "manager", "lead", "", oddText()});
                    case 2 -> mention() + " " + pickOf(new String[]{"2026-03-20 2026-03-25", "2026-02-30 2026-03-01",
                            "2026-03-25 2026-03-20", "tomorrow", "9999-99-99", "2026-03-20", oddText()});
                    case 3 -> pickOf(new String[]{"me", "me engineer", "me manager", ""});
                    default -> oddText();
                };
                yield verb + " " + more;
            }
            case "timeline", "actions", "postmortem", "close", "pd", "pagerduty", "help" ->
                    rng.nextInt(3) == 0 ? oddText() : "";
            case "digest" -> pickOf(new String[]{"", "now", "preview", "last", "week", "2026-03", oddText()});
            default -> oddText();
        };
    }

    private String mention() {
        return pickOf(new String[]{"<@U0BOB>", "<@U0BOB|bob>", "<@", "<@U|", "<@U", "<@>", "<@|>", "<#C123|x>",
                "<!here>", "<!subteam^S1|@team>", "@bob", "@", "<@U0BOB", "<<@U0BOB>>", "<@U0BOB|", "<@W0BOB>",
                "<@u0bob>", "<@U0BOB> <@U0CAROL>", "<@" + "U".repeat(5000) + ">", "<@U0B\u0000OB>", "<@🔥>", "me",
                "<@U0BOB|" + "x".repeat(300) + ">", ""});
    }

    private String oddText() {
        int parts = 1 + rng.nextInt(4);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < parts; i++) {
            if (i > 0) {
                text.append(rng.nextBoolean() ? " " : "");
            }
            text.append(oddFragment());
        }
        return text.toString();
    }

    private String oddFragment() {
        return switch (rng.nextInt(16)) {
            case 0 -> pickOf(new String[]{"🔥", "🚨🚨🚨", "👩‍💻", "🏳️‍🌈", "🇩🇪", "👍🏽", "🧟‍♀️"});
            case 1 -> pickOf(new String[]{"مرحبا بالعالم", "\u202Eevil\u202C", "עברית", "\u200Fرتل\u200E", "\u2067x\u2069"});
            case 2 -> pickOf(new String[]{"\u200B", "\u200C\u200D", "\uFEFF", "\u2060", "\u200Bsev1\u200B", "\u180E"});
            case 3 -> "Z\u0351\u0346\u034B\u0334a\u0336\u0317l\u0338g\u0327o" + "\u0300".repeat(rng.nextInt(200));
            case 4 -> pickOf(new String[]{"\u0000", "a\u0000b", "\u0001\u0002\u0003", "\u001B[31mred", "\u007F",
                    "\u0085", "\u2028", "\u2029", "\r\n", "\t", "\b\f"});
            case 5 -> pickOf(new String[]{"\uD800", "\uDC00", "x\uD83D", "\uDE00y"}); // lone surrogates
            case 6 -> pickOf(new String[]{"x", "🔥", "é", "ab "}).repeat(rng.nextInt(3) == 0 ? 20_000 : 2_000);
            case 7 -> mention();
            case 8 -> pickOf(new String[]{"'; DROP TABLE incidents; --", "\" OR 1=1 --", "%s %n %d", "${jndi:ldap://x}",
                    "{{7*7}}", "<script>alert(1)</script>", "&amp;&lt;&gt;", "\\", "\\u0000", "null", "NaN"});
            case 9 -> pickOf(new String[]{"*bold*", "_it_", "~s~", "```code```", "`x`", "> quote", "<http://x|y>",
                    "<mailto:a@b|c>", ":fire:", "::", "\n\n\n"});
            case 10 -> pickOf(new String[]{"-1", "0", "99999999999999999999", "1e309", "0x10", "١٢٣", "½"});
            case 11 -> pickOf(new String[]{"Database down", "API latency", "Checkout broken", "a", ""});
            case 12 -> pickOf(new String[]{"İ", "ß", "ǅ", "ﬁ", "Ⅻ", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "ｆｕｌｌｗｉｄｔｈ"});
            case 13 -> pickOf(new String[]{"/incident", "/incident declare sev1 x", "declare", "help"});
            case 14 -> randomCodePoints(1 + rng.nextInt(40));
            default -> pickOf(new String[]{"+", "&", "=", "&text=override", "%", "%25", "#", "?"});
        };
    }

    private String randomCodePoints(int n) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int cp = switch (rng.nextInt(4)) {
                case 0 -> rng.nextInt(0x80);
                case 1 -> rng.nextInt(0x800);
                case 2 -> rng.nextInt(0x10000);
                default -> 0x10000 + rng.nextInt(0x100000);
            };
            text.appendCodePoint(cp);
        }
        return text.toString();
    }

    private String oddWhitespace() {
        return pickOf(new String[]{" ", "\t", "\n", "\u00A0", "\u3000", "\u2003", "  \n "});
    }

    private Map<String, String> commandForm(String user, String channel, String text) {
        return sandbox.simulator.commandForm(user, channel, text, "trigger-badinput-" + (++sequence));
    }

    // --- form bodies with missing fields -------------------------------------------------------------------------

    private Sent formWithMissingFields() {
        String text = pickOf(new String[]{"declare sev2 Missing fields", "status identified", "update hi", "help",
                "", "duty list", "note x", "timeline", "resolve done"});
        String channel = rng.nextBoolean() ? sandbox.generalChannel : pickOf(incidentChannels);
        Map<String, String> form = commandForm("U0ALEX", channel, text);
        switch (rng.nextInt(9)) {
            case 0 -> {
                return post("form-missing", FORM, "");
            }
            case 1 -> {
                return post("form-missing", FORM, pickOf(new String[]{"=", "&", "&&&", "command", "command=",
                        "text=declare+sev1+x", "=%2Fincident", "command=%2Fincident", "a=b", "%%%", "command=%2Fother"}));
            }
            case 2 -> form.put("response_url", pickOf(new String[]{"", "not a url", "http://127.0.0.1:1/x",
                    "file:///etc/passwd", "javascript:alert(1)", "http://[::1", "ftp://x/"}));
            case 3 -> form.put("command", pickOf(new String[]{"", "/other", "/INCIDENT", "incident", "/incident ",
                    "/incident\u0000"}));
            default -> {
                List<String> keys = new ArrayList<>(List.of("command", "user_id", "channel_id", "text", "trigger_id",
                        "team_id", "response_url", "user_name", "channel_name", "api_app_id", "token"));
                int drop = 1 + rng.nextInt(4);
                for (int i = 0; i < drop; i++) {
                    String key = keys.remove(rng.nextInt(keys.size()));
                    if (rng.nextInt(3) == 0) {
                        form.put(key, "");
                    } else {
                        form.remove(key);
                    }
                }
            }
        }
        String body = SlackSimulator.formEncode(form);
        if (rng.nextInt(5) == 0) {
            body = body + "&" + pickOf(new String[]{"user_id=U0EVE", "channel_id=C0NOPE", "text=close", "command=/x"});
        }
        return post("form-missing", FORM, body);
    }

    // --- Events API ----------------------------------------------------------------------------------------------

    private Sent brokenEvent() {
        SlackSimulator sim = sandbox.simulator;
        String channel = rng.nextBoolean() ? pickOf(incidentChannels) : sandbox.generalChannel;
        String ts = SlackSimulator.ts(Instant.now().plusNanos(rng.nextInt(1_000_000) * 1000L));
        ObjectNode event = switch (rng.nextInt(7)) {
            case 0, 1 -> sim.message("U0ALEX", channel, ts, oddText());
            case 2 -> sim.reactionAdded("U0ALEX", pickOf(new String[]{"pushpin", "fire", "", "x".repeat(500)}),
                    channel, ts, "U0BOB");
            case 3 -> sim.messageChanged("U0ALEX", channel, ts, "old", oddText(), ts);
            case 4 -> sim.messageDeleted("U0ALEX", channel, ts, "old", ts);
            case 5 -> sim.appHomeOpened("U0ALEX", pickOf(new String[]{"home", "messages", ""}));
            default -> sim.threadReply("U0ALEX", channel, ts, ts, oddText());
        };
        String body;
        int mode = rng.nextInt(10);
        if (mode == 0) {
            body = pickOf(new String[]{"", "null", "[]", "42", "\"str\"", "{}", "{\"type\":\"event_callback\"}",
                    "{\"type\":\"event_callback\",\"event\":null}", "{\"type\":\"event_callback\",\"event\":\"x\"}",
                    "{\"type\":\"event_callback\",\"event\":[]}", "{\"type\":\"url_verification\"}",
                    "{\"type\":\"url_verification\",\"challenge\":{\"a\":1}}", "{\"type\":42}",
                    "{\"type\":\"app_rate_limited\"}", "\u0000\u0001", "{\"a\":1,\"a\":2}", "{{{{", "}",
                    "{\"type\":\"event_callback\",\"event\":{\"type\":\"message\"}}"});
        } else {
            ObjectNode root = (ObjectNode) readTree(sim.eventCallback(event, sim.newEventId()));
            body = mutateJson(root, mode <= 3);
        }
        return post("events-json", rng.nextInt(10) == 0 ? "application/json; charset=utf-8" : JSON_TYPE, body);
    }

    // --- interactive payloads ------------------------------------------------------------------------------------

    private Sent brokenInteraction() {
        String channel = rng.nextBoolean() ? pickOf(incidentChannels) : sandbox.generalChannel;
        ObjectNode payload = interactionPayload(channel);
        int mode = rng.nextInt(12);
        String json;
        switch (mode) {
            case 0 -> json = pickOf(new String[]{"", "{", "{broken", "null", "[]", "42", "\"x\"", "{}",
                    "{\"type\":\"block_actions\"}", "{\"type\":\"view_submission\"}", "{\"type\":\"message_action\"}",
                    "{\"type\":\"shortcut\"}", "{\"type\":\"view_closed\"}", "{\"type\":\"block_suggestion\"}",
                    "{\"type\":\"block_actions\",\"actions\":\"notarray\"}",
                    "{\"type\":\"block_actions\",\"actions\":[1,2,3]}",
                    "{\"type\":\"block_actions\",\"actions\":[{}]}",
                    "{\"type\":\"block_actions\",\"actions\":[{\"action_id\":\"incident_status\"}]}",
                    "{\"type\":\"view_submission\",\"view\":{\"callback_id\":\"declare_incident\"}}",
                    "{\"type\":\"view_submission\",\"view\":{\"callback_id\":\"declare_incident\",\"state\":null}}",
                    "{\"type\":\"view_submission\",\"view\":{\"callback_id\":\"declare_incident\",\"state\":{\"values\":[]}}}",
                    "{\"type\":\"message_action\",\"callback_id\":\"add_to_timeline\"}"});
            case 1 -> {
                if (payload.has("actions")) {
                    payload.put("actions", pickOf(new String[]{"notarray", ""}));
                } else if (payload.has("view")) {
                    ((ObjectNode) payload.get("view")).remove("state");
                } else {
                    payload.remove("message");
                }
                json = payload.toString();
            }
            case 2 -> {
                if (payload.has("view")) {
                    ((ObjectNode) payload.get("view")).remove("state");
                } else if (payload.has("actions")) {
                    ((ArrayNode) payload.get("actions")).removeAll();
                } else {
                    payload.remove("channel");
                }
                json = payload.toString();
            }
            default -> json = mutateJson(payload, mode <= 5);
        }
        String body;
        switch (rng.nextInt(8)) {
            case 0 -> body = "payload=" + json; // not URL-encoded
            case 1 -> body = "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8) + "&payload=%7B%7D";
            case 2 -> body = "payloa=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
            default -> body = "payload=" + URLEncoder.encode(json, StandardCharsets.UTF_8);
        }
        return post("interactive", FORM, body);
    }

    private ObjectNode interactionPayload(String channel) {
        SlackSimulator sim = sandbox.simulator;
        String ts = SlackSimulator.ts(Instant.now());
        return switch (rng.nextInt(6)) {
            case 0 -> blockAction(channel, "incident_status", null,
                    pickOf(new String[]{"investigating", "identified", "monitoring", "resolved", "closed", "", "🔥"}));
            case 1 -> blockAction(channel, pickOf(new String[]{"incident_resolve", "incident_close", "action_item_done",
                    "lead_handoff", "unknown_action", ""}), pickOf(new String[]{"card", "", "1", "-1", "abc",
                    "99999999999999999999", "{\"a\":1}"}), null);
            case 2 -> declareSubmission(channel);
            case 3 -> {
                ObjectNode p = JsonNodeFactory.instance.objectNode();
                p.put("type", "message_action").put("callback_id", "add_to_timeline").put("trigger_id", "t")
                        .put("message_ts", ts).put("response_url", sandbox.slack.responseUrl("it-" + (++sequence)));
                p.putObject("team").put("id", "T0MAYDAY");
                p.putObject("user").put("id", "U0ALEX");
                p.putObject("channel").put("id", channel);
                p.putObject("message").put("type", "message").put("user", "U0BOB").put("ts", ts).put("text", oddText());
                yield p;
            }
            case 4 -> {
                ObjectNode p = JsonNodeFactory.instance.objectNode();
                p.put("type", pickOf(new String[]{"shortcut", "view_closed", "block_suggestion", "dialog_submission",
                        "interactive_message", "workflow_step_edit"})).put("callback_id", "x").put("action_id", "y");
                p.putObject("team").put("id", "T0MAYDAY");
                p.putObject("user").put("id", "U0ALEX");
                yield p;
            }
            default -> blockAction(channel, "incident_status", null, "monitoring");
        };
    }

    private ObjectNode blockAction(String channel, String actionId, String value, String selected) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("type", "block_actions").put("api_app_id", "AMAYDAY").put("trigger_id", "t-" + (++sequence))
                .put("response_url", sandbox.slack.responseUrl("ba-" + sequence));
        p.putObject("team").put("id", "T0MAYDAY");
        p.putObject("user").put("id", "U0ALEX").put("username", "u0alex");
        p.putObject("channel").put("id", channel).put("name", channel);
        p.putObject("container").put("type", "message").put("channel_id", channel);
        ObjectNode action = p.putArray("actions").addObject().put("action_id", actionId).put("block_id",
                "incident_actions").put("action_ts", Instant.now().getEpochSecond() + ".000100");
        if (selected != null) {
            action.put("type", "static_select").putObject("selected_option").put("value", selected);
        } else {
            action.put("type", "button").put("value", value);
        }
        return p;
    }

    private ObjectNode declareSubmission(String channel) {
        ObjectNode p = JsonNodeFactory.instance.objectNode();
        p.put("type", "view_submission").put("api_app_id", "AMAYDAY");
        p.putObject("team").put("id", "T0MAYDAY");
        p.putObject("user").put("id", "U0ALEX");
        ObjectNode view = p.putObject("view").put("id", "V" + (++sequence)).put("type", "modal")
                .put("callback_id", "declare_incident").put("private_metadata", rng.nextBoolean() ? channel : oddText());
        ObjectNode values = view.putObject("state").putObject("values");
        values.putObject("title").putObject("value").put("type", "plain_text_input").put("value", oddText());
        values.putObject("severity").putObject("value").put("type", "static_select").putObject("selected_option")
                .put("value", pickOf(new String[]{"sev1", "sev4", "sev9", "", "x"}));
        values.putObject("summary").putObject("value").put("type", "plain_text_input").put("value", oddText());
        values.putObject("privacy").putObject("value").put("type", "checkboxes").putArray("selected_options");
        return p;
    }

    // --- huge bodies, wrong content types ------------------------------------------------------------------------

    private Sent hugeBody() {
        int size = 900_000 + rng.nextInt(300_000);
        return switch (rng.nextInt(4)) {
            case 0 -> post("huge", FORM, SlackSimulator.formEncode(commandForm("U0ALEX", pickOf(incidentChannels),
                    "note " + "n".repeat(size))));
            case 1 -> post("huge", JSON_TYPE, sandbox.simulator.eventCallback(sandbox.simulator.message("U0ALEX",
                    pickOf(incidentChannels), SlackSimulator.ts(Instant.now()), "m".repeat(size)),
                    sandbox.simulator.newEventId()));
            case 2 -> post("huge", FORM, "payload=" + URLEncoder.encode(declareSubmission(sandbox.generalChannel)
                    .put("pad", "p".repeat(size)).toString(), StandardCharsets.UTF_8));
            default -> webhook("huge", mutateWebhookBase().put("pad", "🔥".repeat(size / 4)).toString());
        };
    }

    private Sent wrongContentType() {
        String type = pickOf(new String[]{JSON_TYPE, "text/plain", "multipart/form-data; boundary=xyz",
                "application/xml", "application/x-www-form-urlencoded; charset=ISO-8859-1", "*/*",
                "application/octet-stream", "text/html; charset=utf-16", "application/x-www-form-urlencoded;;;"});
        String body = switch (rng.nextInt(4)) {
            case 0 -> SlackSimulator.formEncode(commandForm("U0ALEX", pickOf(incidentChannels), pickOf(new String[]{"help",
                    "note wrong type", "timeline", "update " + oddText()})));
            case 1 -> sandbox.simulator.eventCallback(sandbox.simulator.message("U0ALEX", pickOf(incidentChannels),
                    SlackSimulator.ts(Instant.now()), "ct " + oddText()), sandbox.simulator.newEventId());
            case 2 -> "payload=" + URLEncoder.encode(blockAction(pickOf(incidentChannels), "incident_status", null,
                    "identified").toString(), StandardCharsets.UTF_8);
            default -> "<xml><command>/incident</command></xml>";
        };
        return post("wrong-content-type", type, body);
    }

    // --- PagerDuty webhooks --------------------------------------------------------------------------------------

    private Sent mutatedWebhook() {
        ObjectNode root = mutateWebhookBase();
        String body = switch (rng.nextInt(8)) {
            case 0 -> pickOf(new String[]{"", "null", "[]", "{}", "42", "\"x\"", "{\"event\":null}", "{\"event\":[]}",
                    "{\"event\":\"x\"}", "{\"event\":{}}", "{\"event\":{\"id\":1,\"event_type\":2}}",
                    "{\"event\":{\"id\":\"e\",\"event_type\":\"incident.triggered\"}}",
                    "{\"event\":{\"id\":\"e\",\"event_type\":\"incident.triggered\",\"data\":null}}",
                    "{\"event\":{\"id\":\"e\",\"event_type\":\"incident.triggered\",\"data\":[]}}",
                    "{\"event\":{\"id\":\"e\",\"event_type\":\"incident.annotated\",\"data\":{}}}",
                    "{\"event\":{\"id\":\"\",\"event_type\":\"\"}}", "{\"event\":{\"id\":{},\"event_type\":[]}}",
                    "\u0000", "{{"});
            default -> mutateJson(root, rng.nextInt(3) == 0);
        };
        return webhook("pagerduty", body);
    }

    private ObjectNode mutateWebhookBase() {
        PdUser user = new PdUser("PUSER1", "Alex", "alex@example.com");
        PdIncident incident = new PdIncident("PINC" + rng.nextInt(50), 1 + rng.nextInt(1000), oddText(),
                pickOf(new String[]{"triggered", "acknowledged", "resolved"}), "high", rng.nextBoolean() ? "P1" : null,
                "PSVC1", "Checkout", "PEP1", rng.nextBoolean() ? List.of(user) : List.of(), "key-" + rng.nextInt(9),
                Instant.now());
        SignedWebhook base = switch (rng.nextInt(7)) {
            case 0 -> sandbox.webhooks.triggered(incident);
            case 1 -> sandbox.webhooks.acknowledged(incident);
            case 2 -> sandbox.webhooks.resolved(incident);
            case 3 -> sandbox.webhooks.annotated(incident, oddText());
            case 4 -> sandbox.webhooks.reassigned(incident);
            case 5 -> sandbox.webhooks.priorityUpdated(incident);
            default -> sandbox.webhooks.ping();
        };
        return (ObjectNode) readTree(base.body());
    }

    private Sent webhook(String category, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json; charset=utf-8");
        headers.put("X-Webhook-Id", "badinput-" + (++sequence));
        SignedWebhook signed = new SignedWebhook("e", "mutated", body, headers).signedWith(Sandbox.PAGERDUTY_SECRET);
        HttpResponse<String> response = sandbox.deliver(signed);
        return new Sent(category, "/pagerduty/webhook", "application/json; charset=utf-8", body,
                response.statusCode(), response.body());
    }

    // --- JSON mutation -------------------------------------------------------------------------------------------

    /** Mutates the tree: a wrong-typed or missing field somewhere; {@code truncate} also cuts the text short. */
    private String mutateJson(ObjectNode root, boolean truncate) {
        int mutations = 1 + rng.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            List<ObjectNode> objects = new ArrayList<>();
            collectObjects(root, objects);
            ObjectNode target = objects.get(rng.nextInt(objects.size()));
            List<String> names = new ArrayList<>();
            Iterator<String> it = target.fieldNames();
            it.forEachRemaining(names::add);
            if (names.isEmpty()) {
                continue;
            }
            String name = names.get(rng.nextInt(names.size()));
            switch (rng.nextInt(10)) {
                case 0 -> target.remove(name);
                case 1 -> target.putNull(name);
                case 2 -> target.put(name, rng.nextInt());
                case 3 -> target.put(name, rng.nextBoolean());
                case 4 -> target.putArray(name).add(1).add("x");
                case 5 -> target.putObject(name).put("unexpected", true);
                case 6 -> target.put(name, oddText());
                case 7 -> target.put(name, 1e300);
                case 8 -> target.put(name, "");
                default -> target.put(name, Long.MAX_VALUE);
            }
        }
        String text = root.toString();
        if (truncate && text.length() > 1) {
            text = text.substring(0, rng.nextInt(text.length()));
        }
        return text;
    }

    private static void collectObjects(JsonNode node, List<ObjectNode> into) {
        if (node instanceof ObjectNode object) {
            into.add(object);
        }
        node.forEach(child -> collectObjects(child, into));
    }

    private static JsonNode readTree(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    // --- plumbing ------------------------------------------------------------------------------------------------

    private Sent post(String category, String contentType, String body) {
        SlackReply reply = sandbox.simulator.post(contentType, body, Instant.now());
        return new Sent(category, "/slack/events", contentType, body, reply.status(), reply.body());
    }

    private void refreshIncidentChannels() throws Exception {
        try (Connection connection = DriverManager.getConnection(sandbox.app.database().url());
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT channel_id FROM incidents WHERE channel_id IS NOT NULL")) {
            List<String> channels = new ArrayList<>();
            while (rs.next()) {
                channels.add(rs.getString(1));
            }
            if (!channels.isEmpty()) {
                incidentChannels.clear();
                incidentChannels.addAll(channels);
            }
        }
    }

    private Connection counter;
    private String countQuery;
    private List<String> countedTables;

    /** Row counts of every table, in one statement on one connection (it runs twice per request). */
    private Map<String, Long> rowCounts() throws Exception {
        if (counter == null) {
            counter = DriverManager.getConnection(sandbox.app.database().url());
            countedTables = new ArrayList<>();
            try (Statement statement = counter.createStatement(); ResultSet rs = statement.executeQuery(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")) {
                while (rs.next()) {
                    countedTables.add(rs.getString(1));
                }
            }
            countQuery = "SELECT " + countedTables.stream().map(t -> "(SELECT count(*) FROM \"" + t + "\")")
                    .collect(Collectors.joining(", "));
        }
        Map<String, Long> counts = new TreeMap<>();
        try (Statement statement = counter.createStatement(); ResultSet rs = statement.executeQuery(countQuery)) {
            rs.next();
            for (int i = 0; i < countedTables.size(); i++) {
                counts.put(countedTables.get(i), rs.getLong(i + 1));
            }
        }
        return counts;
    }

    private static String diff(Map<String, Long> before, Map<String, Long> after) {
        return after.entrySet().stream().filter(e -> !e.getValue().equals(before.get(e.getKey())))
                .map(e -> e.getKey() + " " + before.get(e.getKey()) + "->" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    private <T> T pickOf(T[] options) {
        return options[rng.nextInt(options.length)];
    }

    private <T> T pickOf(List<T> options) {
        return options.get(rng.nextInt(options.size()));
    }

    private static String preview(String text) {
        String shown = text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + " chars)" : text;
        StringBuilder out = new StringBuilder();
        shown.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7F || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0x202A && cp <= 0x202E)
                    || cp == 0xFEFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString();
    }
}
