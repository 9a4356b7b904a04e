package dev.mayday;

import sun.misc.Signal;

import java.util.concurrent.CountDownLatch;

/**
 * SIGTERM (and SIGINT, Ctrl-C) ask {@code serve} to stop. Taken over from the JVM, whose own handling runs shutdown
 * hooks and ends the process with status 143 whatever the stop did: here the signal only wakes the main thread,
 * which closes the server in order and returns 0.
 */
final class StopSignals {

    private final CountDownLatch received = new CountDownLatch(1);
    private volatile String name = "";

    /** Handles both signals from now on. */
    static StopSignals install() {
        StopSignals signals = new StopSignals();
        for (String signal : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(signal), s -> signals.receive("SIG" + s.getName()));
        }
        return signals;
    }

    private void receive(String signal) {
        name = signal;
        received.countDown();
    }

    /** Blocks until a stop signal arrives; answers its name ("SIGTERM"). */
    String await() throws InterruptedException {
        received.await();
        return name;
    }
}
