package dev.mayday.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Files that hold incidents, private ones included, are readable by their owner only, whatever the umask. SQLite
 * gives a database's {@code -wal}, {@code -shm} and {@code -journal} the permissions of the database file itself,
 * so creating that file owner-only before SQLite first opens it covers them too.
 */
public final class PrivateFiles {

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

    /** What SQLite keeps beside a database file while it is in use. */
    public static final List<String> SQLITE_COMPANIONS = List.of("-wal", "-shm", "-journal");

    /** The companions that hold data of the database (the {@code -shm} is only an index into the {@code -wal}). */
    public static final List<String> SQLITE_LOGS = List.of("-wal", "-journal");

    private PrivateFiles() {
    }

    /** The owner-only attribute for creating {@code file}; none where the file system has no POSIX modes. */
    public static FileAttribute<?>[] ownerOnly(Path file) {
        return posix(file) ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)} : new FileAttribute<?>[0];
    }

    private static boolean posix(Path file) {
        return file.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    private static void setOwnerOnly(Path file) throws IOException {
        if (posix(file)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    /**
     * Creates an empty owner-only file; fails when anything is at {@code file} already, a symbolic link included,
     * even one that points nowhere (the create is exclusive and does not follow links).
     */
    public static void createNew(Path file) throws IOException {
        Files.newByteChannel(file, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly(file)).close();
        // the umask can only take bits away; setting them again makes the mode exact even under an odd umask
        setOwnerOnly(file);
    }

    /** Makes {@code file} owner-only when it is there: stores and lock files written by older versions were 0644. */
    public static void tighten(Path file) throws IOException {
        if (posix(file) && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                && !Files.getPosixFilePermissions(file, LinkOption.NOFOLLOW_LINKS).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    /**
     * Prepares the store file before SQLite opens it: creates it empty and owner-only when it is new (an empty file
     * is a valid new SQLite database), and tightens it and its companions when an older version left them open.
     */
    public static void prepareStore(Path store) {
        try {
            if (!Files.exists(store, LinkOption.NOFOLLOW_LINKS)) {
                try {
                    createNew(store);
                } catch (FileAlreadyExistsException createdMeanwhile) {
                    // another process opened the store first: tightened below like any existing store
                }
            }
            tighten(store);
            for (String companion : SQLITE_COMPANIONS) {
                tighten(store.resolveSibling(store.getFileName() + companion));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the store file " + store + " (owner-only): " + e.getMessage(), e);
        }
    }

    /** A new owner-only directory in {@code parent}, for work files nobody else may read even for a moment. */
    public static Path createDirectory(Path parent, String prefix) throws IOException {
        return posix(parent)
                ? Files.createTempDirectory(parent, prefix, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY))
                : Files.createTempDirectory(parent, prefix);
    }

    /** Copies {@code from} into a new owner-only file {@code to}: the copy is never readable by others, not even while written. */
    public static void copyNew(Path from, Path to) throws IOException {
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(to, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly(to))) {
            long size = in.size();
            long copied = 0;
            while (copied < size) {
                long moved = out.transferFrom(in, copied, size - copied);
                if (moved <= 0) {
                    break; // the source shrank under us: what the check reads next is what was copied
                }
                copied += moved;
            }
        }
        setOwnerOnly(to);
    }
}
