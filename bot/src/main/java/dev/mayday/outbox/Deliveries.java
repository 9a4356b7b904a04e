package dev.mayday.outbox;

import java.util.HashMap;
import java.util.Map;

/** Which {@link Delivery} carries each publication type. Filled once at start-up, before the {@link Outbox} starts. */
public final class Deliveries {

    private final Map<Class<? extends Publication>, Delivery<?>> byType = new HashMap<>();

    public <T extends Publication> Deliveries on(Class<T> type, Delivery<? super T> delivery) {
        if (byType.putIfAbsent(type, delivery) != null) {
            throw new IllegalStateException("two deliveries for " + type.getSimpleName());
        }
        return this;
    }

    void deliver(Publication publication, Attempt attempt) {
        of(publication).deliver(publication, attempt);
    }

    void failed(Publication publication, Attempt attempt, DeliveryError failure, boolean willRetry) {
        of(publication).failed(publication, attempt, failure, willRetry);
    }

    @SuppressWarnings("unchecked") // registered by on(), which ties each class to a delivery of that class
    private Delivery<Publication> of(Publication publication) {
        Delivery<?> delivery = byType.get(publication.getClass());
        if (delivery == null) {
            throw new IllegalStateException("no delivery for " + publication.getClass().getSimpleName());
        }
        return (Delivery<Publication>) delivery;
    }
}
