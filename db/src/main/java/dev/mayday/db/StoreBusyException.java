package dev.mayday.db;

/**
 * A write refused before it began, so nothing of it was stored: the queue of writers is over its bound, or no turn
 * came within the last-resort wait. Callers answer it as any store failure (a 5xx, or "nothing was changed").
 */
public final class StoreBusyException extends StoreException {

    StoreBusyException(String message) {
        super(message);
    }
}
