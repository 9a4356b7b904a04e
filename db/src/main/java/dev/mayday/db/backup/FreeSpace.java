package dev.mayday.db.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** How many bytes can still be written in a directory; tests stand in for a nearly full disk. */
@FunctionalInterface
public interface FreeSpace {

    long usableBytes(Path directory) throws IOException;

    static FreeSpace ofFileSystem() {
        return directory -> Files.getFileStore(directory).getUsableSpace();
    }
}
