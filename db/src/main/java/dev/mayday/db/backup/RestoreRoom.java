package dev.mayday.db.backup;

import dev.mayday.db.PrivateFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Whether a restore fits before anything is written: the snapshot is copied beside the store (a sparse file is written
 * out in full) and the current store is kept as a copy too. A restore that ran out of space half-way would leave the
 * disk full under a store that can no longer take a write.
 */
final class RestoreRoom {

    private static final byte[] SQLITE_MAGIC = "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII);

    private final FreeSpace freeSpace;

    RestoreRoom(FreeSpace freeSpace) {
        this.freeSpace = freeSpace;
    }

    void ensure(Path source, Path store) {
        try {
            long snapshot = snapshotBytes(source);
            long current = Files.exists(store) ? Files.size(store) + companionBytes(store) : 0;
            Path directory = store.getParent();
            long free = freeSpace.usableBytes(directory);
            if (snapshot + current > free) {
                throw new BackupRefused("Restoring " + source + " needs " + bytes(snapshot + current) + " in " + directory
                        + " (the snapshot " + bytes(snapshot) + (current > 0 ? ", a copy of the current store " + bytes(current) : "")
                        + ") but only " + bytes(free) + " is free; nothing was changed.");
            }
        } catch (IOException e) {
            throw new BackupRefused("Cannot tell whether " + source + " fits (" + e.getMessage() + "); nothing was changed.");
        }
    }

    /**
     * The larger of the file's size and the size its header claims (page size × page count): the copy writes the
     * first, SQLite may grow the file to the second. A {@code -wal} or {@code -journal} beside it is copied too.
     */
    private static long snapshotBytes(Path source) throws IOException {
        long file = Files.size(source);
        return Math.max(file, headerBytes(source)) + companionBytes(source);
    }

    private static long headerBytes(Path source) throws IOException {
        byte[] header = new byte[100];
        try (InputStream in = Files.newInputStream(source)) {
            if (in.readNBytes(header, 0, header.length) < header.length) {
                return 0;
            }
        }
        ByteBuffer fields = ByteBuffer.wrap(header);
        for (int i = 0; i < SQLITE_MAGIC.length; i++) {
            if (header[i] != SQLITE_MAGIC[i]) {
                return 0; // not a SQLite file: the check refuses it after a copy of its (file) size
            }
        }
        int pageSize = Short.toUnsignedInt(fields.getShort(16));
        long pageSize64 = pageSize == 1 ? 65_536 : pageSize;
        // the page count in the header is valid only when written by a version that keeps it (SQLite's rule)
        boolean countValid = fields.getInt(24) == fields.getInt(92);
        return countValid ? pageSize64 * Integer.toUnsignedLong(fields.getInt(28)) : 0;
    }

    private static long companionBytes(Path file) throws IOException {
        long total = 0;
        for (String suffix : PrivateFiles.SQLITE_LOGS) {
            Path companion = file.resolveSibling(file.getFileName() + suffix);
            if (Files.isRegularFile(companion)) {
                total += Files.size(companion);
            }
        }
        return total;
    }

    static String bytes(long count) {
        return String.format(Locale.ROOT, "%,d bytes (%.1f MiB)", count, count / (1024.0 * 1024.0));
    }
}
