package dev.mayday.digest;

import java.util.Optional;

/**
 * The PagerDuty service a PagerDuty incident belongs to. The store does not keep it, so the digest asks this port; when
 * it is unknown the per-service warning is left out.
 */
@FunctionalInterface
public interface PagerServices {

    Optional<String> serviceOf(String pagerDutyIncidentId);

    static PagerServices unknown() {
        return id -> Optional.empty();
    }
}
