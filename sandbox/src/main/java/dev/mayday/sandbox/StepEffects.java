package dev.mayday.sandbox;

import dev.mayday.sandbox.fake.TranscriptLine;
import dev.mayday.sandbox.fake.TranscriptLine.Surface;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What one step made appear in Slack, printed under it. Mayday delivers to several channels at once, so the order
 * between channels varies from run to run; within a channel it never does. The effects are therefore grouped by where
 * they showed, channels by name, then direct messages, then replies, so two runs print the same lines. App Home
 * refreshes are one line ("Home tab refreshed for 3 people: …") unless {@code verbose}, which also shows the failures
 * the fake Slack answered (an invite of someone already in the channel, say) that Mayday took in its stride.
 */
final class StepEffects {

    private static final Comparator<Place> ORDER = Comparator.comparing(Place::surface).thenComparing(Place::where);

    private final Readable readable;
    private final boolean verbose;

    private record Place(Surface surface, String where) {
    }

    StepEffects(Readable readable, boolean verbose) {
        this.readable = readable;
        this.verbose = verbose;
    }

    void print(List<TranscriptLine> effects, PrintStream out) {
        Map<Place, List<String>> byPlace = new LinkedHashMap<>();
        TreeSet<String> homes = new TreeSet<>();
        for (TranscriptLine effect : effects) {
            if (effect.surface() == Surface.HOME && !verbose) {
                homes.add(readable.name(effect.where()));
            } else if (effect.surface() != Surface.FAILURE || verbose) {
                byPlace.computeIfAbsent(new Place(effect.surface(), effect.where()), place -> new ArrayList<>())
                        .add(readable.text(effect.what()));
            }
        }
        byPlace.entrySet().stream().sorted(Map.Entry.comparingByKey(ORDER))
                .forEach(group -> print(group.getKey(), group.getValue(), out));
        if (!homes.isEmpty()) {
            out.println("  Home tab refreshed for " + homes.size() + (homes.size() == 1 ? " person: " : " people: ")
                    + String.join(", ", homes));
        }
    }

    private void print(Place place, List<String> lines, PrintStream out) {
        out.println("  " + heading(place) + ":");
        lines.forEach(line -> out.println("    " + line.replace("\n", "\n    ")));
    }

    private String heading(Place place) {
        return switch (place.surface()) {
            case CHANNEL -> place.where();
            case DIRECT_MESSAGE -> "direct message to " + readable.name(place.where());
            case HOME -> "Home tab of " + readable.name(place.where());
            case REPLY -> "reply that only the person who asked sees";
            case FILES -> "files";
            case MODAL -> "modal";
            case FAILURE -> "Slack answered with an error (Mayday handles it)";
        };
    }
}
