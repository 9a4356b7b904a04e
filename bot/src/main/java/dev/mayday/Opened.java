package dev.mayday;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What a start has opened so far (threads, the store, HTTP clients, the server), closed in the reverse order: by a
 * start that fails midway, and by {@link MaydayApp#close()}. One part failing to close must not keep the others
 * open, and must not pass unnoticed either: it is logged on one line (the stack trace at debug level).
 */
final class Opened implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Opened.class);

    private final Deque<Named> opened = new ArrayDeque<>();

    private record Named(String name, AutoCloseable resource) {
    }

    /** {@code resource}, to be closed before everything added earlier; {@code name} says what it is in the log. */
    synchronized <T extends AutoCloseable> T add(String name, T resource) {
        opened.push(new Named(name, resource));
        return resource;
    }

    @Override
    public synchronized void close() {
        while (!opened.isEmpty()) {
            Named next = opened.pop();
            try {
                next.resource().close();
            } catch (Exception e) {
                log.warn("Could not close {}: {}", next.name(), e.toString());
                log.debug("Closing {} failed", next.name(), e);
            }
        }
    }
}
