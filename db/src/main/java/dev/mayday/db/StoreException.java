package dev.mayday.db;

/**
 * The store failed, so nothing of the unit of work that raised this was stored: the one exception the store raises,
 * whatever went wrong underneath (the cause says what). Callers answer it as a store failure: a 5xx, or "nothing was
 * changed, try again".
 */
public class StoreException extends RuntimeException {

    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
