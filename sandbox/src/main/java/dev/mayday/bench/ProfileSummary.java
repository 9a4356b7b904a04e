package dev.mayday.bench;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Where the server's time went, from a flight recording: of its CPU samples (Java execution samples, and native
 * samples inside SQLite, whose work is C code that execution samples never see) the methods most often on top of a
 * stack (self); among the application's code (Mayday, JDBI, SQLite, Bolt) the methods most often anywhere in a stack
 * (inclusive); for each family of packages, Jetty and Javalin included, the share of samples that pass through it;
 * and where request threads waited (parked or blocked for 10 ms or more, by the innermost Mayday or JDBI frame), since
 * a server that queues its writes spends more time waiting than computing. Enough to see what a change moved; open
 * the file in JMC for the rest.
 */
final class ProfileSummary {

    /** Package families, by the prefix of their classes' names. */
    private static final Map<String, String> FAMILIES = families();
    /** Jetty and Javalin are the base of every request thread's stack: counted by family, not listed by method. */
    private static final List<String> PLUMBING = List.of("org.eclipse.jetty.", "io.javalin.");
    private static final int TOP = 15;

    private final Map<String, Integer> self = new HashMap<>();
    private final Map<String, Integer> inclusive = new HashMap<>();
    private final Map<String, Integer> family = new LinkedHashMap<>();
    private final Map<String, Long> waitedNanos = new HashMap<>();
    private final Map<String, Integer> waits = new HashMap<>();
    private int samples;
    private int sqliteSamples;

    /** Reads the events of the recording's span. */
    static ProfileSummary read(ServerProfile.Span span) throws IOException {
        ProfileSummary summary = new ProfileSummary();
        try (RecordingFile file = new RecordingFile(span.file())) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (!span.contains(event.getStartTime())) {
                    continue;
                }
                switch (event.getEventType().getName()) {
                    case "jdk.ExecutionSample" -> summary.add(event.getStackTrace());
                    case "jdk.NativeMethodSample" -> summary.addNative(event.getStackTrace());
                    case "jdk.ThreadPark", "jdk.JavaMonitorEnter" ->
                            summary.waited(event.getStackTrace(), event.getDuration().toNanos());
                    default -> {
                        // other events say nothing about where CPU time or waiting went
                    }
                }
            }
        }
        return summary;
    }

    int samples() {
        return samples;
    }

    /** A native sample counts when it is inside SQLite; elsewhere it is mostly a thread idling in epoll or accept. */
    void addNative(RecordedStackTrace stack) {
        if (stack != null && stack.getFrames().stream().anyMatch(frame -> name(frame).startsWith("org.sqlite."))) {
            sqliteSamples++;
            add(stack);
        }
    }

    void waited(RecordedStackTrace stack, long nanos) {
        if (stack == null) {
            return;
        }
        stack.getFrames().stream().map(ProfileSummary::name)
                .filter(name -> name.startsWith("dev.mayday.") || name.startsWith("org.jdbi."))
                .findFirst()
                .ifPresent(name -> {
                    waitedNanos.merge(name, nanos, Long::sum);
                    waits.merge(name, 1, Integer::sum);
                });
    }

    void add(RecordedStackTrace stack) {
        if (stack == null || stack.getFrames().isEmpty()) {
            return;
        }
        samples++;
        List<RecordedFrame> frames = stack.getFrames();
        self.merge(name(frames.get(0)), 1, Integer::sum);
        Set<String> seen = new HashSet<>();
        Set<String> families = new HashSet<>();
        for (RecordedFrame frame : frames) {
            String name = name(frame);
            FAMILIES.forEach((prefix, label) -> {
                if (name.startsWith(prefix)) {
                    families.add(label);
                }
            });
            boolean ours = FAMILIES.keySet().stream().anyMatch(name::startsWith) && !name.contains("$$Lambda");
            if (ours && PLUMBING.stream().noneMatch(name::startsWith) && seen.add(name)) {
                inclusive.merge(name, 1, Integer::sum);
            }
        }
        families.forEach(label -> family.merge(label, 1, Integer::sum));
    }

    private static Map<String, String> families() {
        Map<String, String> families = new LinkedHashMap<>();
        families.put("org.eclipse.jetty.", "Jetty");
        families.put("io.javalin.", "Javalin");
        families.put("com.slack.api.", "Bolt");
        families.put("dev.mayday.", "Mayday");
        families.put("org.jdbi.", "JDBI");
        families.put("org.sqlite.", "SQLite");
        return families;
    }

    void print(PrintStream out, String phase, Path recording) {
        out.printf(Locale.ROOT, "%nServer profile of the %s phase: %d CPU samples (%d of them native, in SQLite),"
                + " in%n  %s%n", phase, samples, sqliteSamples, recording.toAbsolutePath());
        StringBuilder shares = new StringBuilder();
        for (String label : FAMILIES.values()) {
            shares.append(shares.length() == 0 ? "" : ", ").append(label).append(' ')
                    .append(percent(family.getOrDefault(label, 0)));
        }
        out.printf(Locale.ROOT, "samples passing through: %s%n", shares);
        top(out, "self (on top of the stack)", self);
        top(out, "inclusive (anywhere in the stack), Mayday/JDBI/SQLite/Bolt", inclusive);
        out.printf(Locale.ROOT, "%nwaiting (parked or blocked ≥ 10 ms), by the innermost Mayday/JDBI frame%n");
        waitedNanos.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP / 3)
                .forEach(e -> out.printf(Locale.ROOT, "  %6d  %7.1f s  %s%n", waits.get(e.getKey()), e.getValue() / 1e9,
                        shorten(e.getKey())));
    }

    private void top(PrintStream out, String title, Map<String, Integer> counts) {
        out.printf(Locale.ROOT, "%n%s%n", title);
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP)
                .forEach(e -> out.printf(Locale.ROOT, "  %6d  %6s  %s%n", e.getValue(), percent(e.getValue()),
                        shorten(e.getKey())));
    }

    private String percent(int count) {
        return String.format(Locale.ROOT, "%.1f%%", samples == 0 ? 0 : 100.0 * count / samples);
    }

    private static String name(RecordedFrame frame) {
        RecordedMethod method = frame.getMethod();
        return method == null ? "?" : method.getType().getName() + "." + method.getName();
    }

    /** Keeps lines readable: a long name keeps its class and method and loses the front of its package. */
    private static String shorten(String name) {
        return name.length() <= 96 ? name : "…" + name.substring(name.length() - 95);
    }
}
