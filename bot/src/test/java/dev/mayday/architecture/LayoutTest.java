package dev.mayday.architecture;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout a reader relies on, checked on the product's sources (this module's and the store's): no package depends
 * on itself through others, no file is too long to read in one sitting, the product ships no fakes, and the domain
 * knows nothing of Slack, HTTP or the outbox's adapters.
 */
class LayoutTest {

    private static final int MAX_LINES = 300;
    private static final List<String> DOMAIN = List.of("dev.mayday.incident", "dev.mayday.rotation",
            "dev.mayday.timeline", "dev.mayday.postmortem", "dev.mayday.digest", "dev.mayday.drill",
            "dev.mayday.reminder");
    private static final List<String> ADAPTER_TYPES = List.of("com.slack.", "io.javalin.", "okhttp3.",
            "dev.mayday.slack.", "dev.mayday.http.", "dev.mayday.pagerduty.", "io.micrometer.", "dev.mayday.metrics.");

    private final SourceTree product = SourceTree.of(Path.of("src/main/java"), Path.of("../db/src/main/java"));

    @Test
    void noPackageCycles() {
        assertThat(PackageCycles.in(product.packageGraph())).isEmpty();
    }

    @Test
    void theCycleFinderFindsACycle() {
        Map<String, Set<String>> graph = Map.of("a", Set.of("b"), "b", Set.of("c"), "c", Set.of("a"), "d", Set.of("a"));
        assertThat(PackageCycles.in(graph)).containsExactly(Set.of("a", "b", "c"));
    }

    @Test
    void noProductFileOverThreeHundredLines() {
        assertThat(product.files())
                .filteredOn(file -> file.lines().size() > MAX_LINES)
                .extracting(file -> file.path() + " (" + file.lines().size() + " lines)")
                .isEmpty();
    }

    @Test
    void theProductShipsNoFakesNorBenchmark() {
        assertThat(product.files())
                .extracting(file -> file.packageName() + "." + file.path().getFileName())
                .filteredOn(name -> name.contains("Fake") || name.startsWith("dev.mayday.sandbox")
                        || name.startsWith("dev.mayday.bench"))
                .isEmpty();
    }

    @Test
    void theDomainImportsNoAdapter() {
        assertThat(product.files())
                .filteredOn(file -> DOMAIN.stream().anyMatch(domain -> file.packageName().startsWith(domain)))
                .filteredOn(file -> ADAPTER_TYPES.stream().anyMatch(adapter -> file.text().contains("import " + adapter)))
                .extracting(SourceTree.SourceFile::path)
                .isEmpty();
    }

    @Test
    void theOutboxImportsNoAdapterAndNoFeature() {
        assertThat(product.files())
                .filteredOn(file -> file.packageName().startsWith("dev.mayday.outbox"))
                .filteredOn(file -> file.referencedPackages().stream().anyMatch(used -> used.startsWith("dev.mayday.slack")
                        || used.startsWith("dev.mayday.pagerduty") || used.startsWith("dev.mayday.incident")
                        || used.startsWith("dev.mayday.http")))
                .extracting(SourceTree.SourceFile::path)
                .isEmpty();
    }
}
