package dev.mayday.sandbox.fake;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Every call the fake received, in arrival order, and the scripted answers (queued, or an outage) it plays. */
final class CallLog {

    private final Object lock;
    private final List<SlackCall> calls = new ArrayList<>();
    private final Map<String, Deque<FakeAnswer>> scripted = new HashMap<>();
    private Function<SlackCall, FakeAnswer> outage;

    /** {@code lock}: the workspace's, so recording waits for a call in progress, as one fake would. */
    CallLog(Object lock) {
        this.lock = lock;
    }

    /** Records the call and hands back the next scripted answer for its method, if any. */
    FakeAnswer record(SlackCall call) {
        synchronized (lock) {
            calls.add(call);
            Deque<FakeAnswer> queue = scripted.get(call.method());
            FakeAnswer next = queue == null ? null : queue.pollFirst();
            boolean apiMethod = !call.method().equals("response_url") && !call.method().equals("file_upload");
            return next == null && apiMethod && outage != null ? outage.apply(call) : next;
        }
    }

    void outage(Function<SlackCall, FakeAnswer> answerFor) {
        synchronized (lock) {
            outage = answerFor;
        }
    }

    void enqueue(String method, FakeAnswer answer) {
        synchronized (lock) {
            scripted.computeIfAbsent(method, m -> new ArrayDeque<>()).addLast(answer);
        }
    }

    List<SlackCall> calls() {
        synchronized (lock) {
            return List.copyOf(calls);
        }
    }

    List<SlackCall> calls(String method) {
        synchronized (lock) {
            return calls.stream().filter(c -> c.method().equals(method)).toList();
        }
    }
}
