package dev.mayday.incident;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

import static dev.mayday.incident.Status.CLOSED;
import static dev.mayday.incident.Status.IDENTIFIED;
import static dev.mayday.incident.Status.INVESTIGATING;
import static dev.mayday.incident.Status.MONITORING;
import static dev.mayday.incident.Status.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;

class StatusTest {

    private static final Set<Status> ACTIVE = EnumSet.of(INVESTIGATING, IDENTIFIED, MONITORING);

    /** The lifecycle as the spec states it, written independently of Status's own table. */
    private static boolean allowedBySpec(Status from, Status to) {
        if (from == to) {
            return false;
        }
        if (ACTIVE.contains(from)) {
            return ACTIVE.contains(to) || to == RESOLVED;
        }
        if (from == RESOLVED) {
            return ACTIVE.contains(to) || to == CLOSED;
        }
        return false;
    }

    static Stream<Arguments> everyPair() {
        return Stream.of(Status.values())
                .flatMap(from -> Stream.of(Status.values()).map(to -> Arguments.of(from, to, allowedBySpec(from, to))));
    }

    @ParameterizedTest(name = "{0} → {1}: {2}")
    @MethodSource("everyPair")
    void canMoveTo_followsTheLifecycle(Status from, Status to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
    }

    @Test
    void canMoveTo_closedGoesNowhere() {
        assertThat(Status.values()).noneMatch(CLOSED::canMoveTo);
    }

    @Test
    void canMoveTo_noStatusMovesToItself() {
        assertThat(Status.values()).noneMatch(s -> s.canMoveTo(s));
    }

    @Test
    void canMoveTo_resolvedCanReopenToEveryActiveStatusOrClose() {
        assertThat(Status.values()).filteredOn(RESOLVED::canMoveTo)
                .containsExactlyInAnyOrder(INVESTIGATING, IDENTIFIED, MONITORING, CLOSED);
    }

    @Test
    void isActive_onlyForInvestigatingIdentifiedMonitoring() {
        assertThat(Status.values()).filteredOn(Status::isActive)
                .containsExactlyInAnyOrder(INVESTIGATING, IDENTIFIED, MONITORING);
        assertThat(Status.active()).containsExactlyInAnyOrder(INVESTIGATING, IDENTIFIED, MONITORING);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"investigating", "INVESTIGATING", "Investigating", " investigating "})
    void parseActive_acceptsInvestigatingInAnyCase(String text) {
        assertThat(Status.parseActive(text)).contains(INVESTIGATING);
    }

    @Test
    void parseActive_acceptsEachActiveStatusCaseInsensitively() {
        assertThat(Status.parseActive("identified")).contains(IDENTIFIED);
        assertThat(Status.parseActive("IdEnTiFiEd")).contains(IDENTIFIED);
        assertThat(Status.parseActive("monitoring")).contains(MONITORING);
        assertThat(Status.parseActive("MONITORING")).contains(MONITORING);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"resolved", "RESOLVED", "closed", "Closed", "", "invest", "monitor", "active"})
    void parseActive_rejectsResolvedClosedAndUnknownWords(String text) {
        assertThat(Status.parseActive(text)).isEmpty();
    }

    @Test
    void label_isCapitalisedName() {
        assertThat(INVESTIGATING.label()).isEqualTo("Investigating");
        assertThat(CLOSED.label()).isEqualTo("Closed");
    }
}
