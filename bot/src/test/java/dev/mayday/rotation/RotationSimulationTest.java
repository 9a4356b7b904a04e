package dev.mayday.rotation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RotationSimulationTest {

    private final RotationSimulation simulation = new RotationSimulation();

    @Test
    void theFairRule_spreadsLoadNoWorseThanRoundRobinOrRandom_onAFixedSeed() {
        List<SimulationResult> results = simulation.compare(12, 1000, 42);

        assertThat(results).extracting(SimulationResult::strategy).containsExactly("fair", "round robin", "random");
        SimulationResult fair = results.get(0);
        for (SimulationResult other : results.subList(1, 3)) {
            assertThat(fair.deficitSpread()).as("deficit spread vs " + other.strategy())
                    .isLessThanOrEqualTo(other.deficitSpread());
            assertThat(fair.leadSpread()).as("lead spread vs " + other.strategy())
                    .isLessThanOrEqualTo(other.leadSpread());
            assertThat(fair.longestStreak()).isLessThanOrEqualTo(other.longestStreak());
        }
        assertThat(fair.deficitSpread()).as("everyone within about one incident of their fair share").isLessThan(1.5);
        assertThat(fair.leads().values().stream().mapToInt(Integer::intValue).sum() + fair.unassigned()).isEqualTo(1000);
    }

    @Test
    void run_printsPerPersonLoadAndEachStrategysSpread_andIsDeterministicForASeed() {
        String table = simulation.run(12, 1000, 42);

        assertThat(table).contains("12 members (8 engineers, 4 managers), 1000 incidents")
                .contains("fair").contains("round robin").contains("random")
                .contains("eng01").contains("mgr04")
                .contains("leads spread (max - min)").contains("deficit spread (max - min)")
                .contains("engineers' share").contains("managers' share").contains("longest streak");
        assertThat(simulation.run(12, 1000, 42)).isEqualTo(table);
        assertThat(simulation.run(12, 1000, 43)).isNotEqualTo(table);
    }

    @Test
    void run_withNoMembers_isRefused() {
        assertThatThrownBy(() -> simulation.run(0, 10, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
