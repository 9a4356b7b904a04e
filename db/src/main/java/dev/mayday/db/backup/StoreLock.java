package dev.mayday.db.backup;

import dev.mayday.db.PrivateFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.Optional;

/**
 * An exclusive lock on {@code <store>.lock}, held by a running server for as long as it runs, so that a restore
 * can refuse to replace a store in use. The operating system releases it when the process dies, even by kill -9.
 */
public final class StoreLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or empty when another holder has it. */
    public static Optional<StoreLock> tryAcquire(Path store) {
        Path lockFile = store.resolveSibling(store.getFileName() + ".lock");
        try {
            FileChannel channel = FileChannel.open(lockFile,
                    EnumSet.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE), PrivateFiles.ownerOnly(lockFile));
            PrivateFiles.tighten(lockFile);
            try {
                FileLock lock = channel.tryLock();
                if (lock == null) {
                    channel.close();
                    return Optional.empty();
                }
                return Optional.of(new StoreLock(channel, lock));
            } catch (OverlappingFileLockException heldInThisProcess) {
                channel.close();
                return Optional.empty();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the store's lock file " + lockFile, e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // released with the process anyway
        }
    }
}
