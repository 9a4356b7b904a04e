package dev.mayday.bench;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PairedRoundsTest {

    @Test
    void alternatesWhichSideGoesFirstAndSettlesAfterEveryMaydayRun() throws Exception {
        List<String> calls = new ArrayList<>();
        PairedRounds.run(3,
                round -> {
                    calls.add("bare" + round);
                    return result(10);
                },
                round -> {
                    calls.add("mayday" + round);
                    return result(20);
                },
                () -> calls.add("settle"));

        assertThat(calls).containsExactly("bare0", "mayday0", "settle", "mayday1", "settle", "bare1",
                "bare2", "mayday2", "settle");
    }

    @Test
    void judgesTheMedianRoundAndShowsEveryRound() throws Exception {
        long[] bareP99 = {10, 10, 10};
        long[] maydayP99 = {15, 40, 18};
        PairedRounds.Rounds rounds = PairedRounds.run(3, round -> result(bareP99[round]),
                round -> result(maydayP99[round]), () -> { });

        List<Double> ratios = rounds.ratios(LoadResult::p99);

        assertThat(ratios).containsExactly(1.5, 4.0, 1.8);
        assertThat(PairedRounds.median(ratios)).isEqualTo(1.8);
        assertThat(PairedRounds.Rounds.describe(ratios)).isEqualTo("1.80× (1.50 4.00 1.80)");
        assertThat(PairedRounds.median(List.of(1.0, 3.0))).isEqualTo(2.0);
    }

    @Test
    void poolsEachSidesRoundsIntoOneResult() throws Exception {
        PairedRounds.Rounds rounds = PairedRounds.run(2, round -> result(5 + round), round -> result(7), () -> { });

        LoadResult bare = rounds.bare();

        assertThat(bare.count()).isEqualTo(4);
        assertThat(bare.sortedNanos()).containsExactly(1_000_000, 1_000_000, 5_000_000, 6_000_000);
        assertThat(bare.elapsedNanos()).isEqualTo(2_000_000_000L);
    }

    /** Two answers in a second: one at 1 ms, one at {@code p99Millis} (the higher one is the p99 of two). */
    private static LoadResult result(long p99Millis) {
        return new LoadResult(2, 0, 1_000_000_000L, new long[] {1_000_000, p99Millis * 1_000_000}, 0, "");
    }
}
