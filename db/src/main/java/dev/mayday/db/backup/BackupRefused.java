package dev.mayday.db.backup;

/** A backup or restore that did not happen; the message says why and that nothing was changed. */
public final class BackupRefused extends RuntimeException {

    public BackupRefused(String message) {
        super(message);
    }
}
