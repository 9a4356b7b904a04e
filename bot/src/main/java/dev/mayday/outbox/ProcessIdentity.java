package dev.mayday.outbox;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Who this process is to the store, for the claims it makes ({@code host-pid-random}): unique among the processes
 * sharing one database, and never the same twice, so a restarted process does not mistake a dead one's claims for its
 * own. Made once at start-up and handed to whatever claims.
 */
public record ProcessIdentity(String id) {

    public ProcessIdentity {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a process identity needs an id");
        }
    }

    /** A new identity for this process: its host name, its pid and a random part. */
    public static ProcessIdentity random() {
        byte[] random = new byte[4];
        new SecureRandom().nextBytes(random);
        return new ProcessIdentity(host() + "-" + ProcessHandle.current().pid() + "-" + HexFormat.of().formatHex(random));
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "host";
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
