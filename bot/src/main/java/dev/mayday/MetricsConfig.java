package dev.mayday;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code GET /metrics}: open to anyone who can reach the port, or (with {@code token}) only to a scrape that sends it
 * as a bearer token.
 */
public record MetricsConfig(Optional<String> token) {

    public MetricsConfig {
        Objects.requireNonNull(token, "token");
        if (token.isPresent() && token.get().chars().anyMatch(Character::isWhitespace)) {
            throw new ConfigException("METRICS_TOKEN must not contain spaces: it is sent as "
                    + "Authorization: Bearer <token>");
        }
    }

    public static MetricsConfig open() {
        return new MetricsConfig(Optional.empty());
    }

    @Override
    public String toString() {
        return "MetricsConfig[token=" + (token.isPresent() ? "***" : "(none)") + "]";
    }
}
