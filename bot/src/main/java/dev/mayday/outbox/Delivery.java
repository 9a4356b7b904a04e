package dev.mayday.outbox;

/**
 * Makes one type of publication happen outside. Adapters implement it in their own package and register it in
 * {@link Deliveries}. A delivery may run again after a failure or a crash: it must be idempotent, with the help of
 * {@link Attempt#result()} and {@link Attempt#isRetry()}.
 */
public interface Delivery<T extends Publication> {

    /** Delivers; throws a {@link DeliveryError} exception when the service refused or did not answer. */
    void deliver(T publication, Attempt attempt);

    /** Told after a failure, so the people involved can hear of it; {@code willRetry} says whether it goes on. */
    default void failed(T publication, Attempt attempt, DeliveryError failure, boolean willRetry) {
    }
}
