package dev.mayday.db.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The backups Mayday took itself in a backup directory ({@code mayday-yyyyMMdd-HHmmss.db}, named by their UTC time so
 * the name orders them), of which the newest {@code keep} are kept. Any other file there is left alone.
 */
public final class KeptBackups {

    private static final Pattern OURS = Pattern.compile("mayday-\\d{8}-\\d{6}(-\\d+)?\\.db");

    private final Path dir;
    private final int keep;

    public KeptBackups(Path dir, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep at least one backup, not " + keep);
        }
        this.dir = dir;
        this.keep = keep;
    }

    /** Mayday's own backups in the directory, oldest first. */
    public List<Path> list() throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> OURS.matcher(f.getFileName().toString()).matches())
                    .filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .sorted(Comparator.comparing((Path f) -> f.getFileName().toString().replace(".db", "")))
                    .toList();
        }
    }

    /** Deletes the oldest of Mayday's backups beyond {@code keep}; returns the ones deleted. */
    public List<Path> prune() throws IOException {
        List<Path> all = list();
        List<Path> deleted = new ArrayList<>();
        for (Path old : all.subList(0, Math.max(0, all.size() - keep))) {
            Files.deleteIfExists(old);
            deleted.add(old);
        }
        return deleted;
    }
}
