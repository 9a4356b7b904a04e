package dev.mayday.postmortem;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares a generated draft with its golden file under src/test/resources/postmortem. Run the tests with
 * {@code -Dpostmortem.updateGoldens=true} to rewrite the files after an intended change, then review the diff.
 */
final class Goldens {

    private static final Path DIR = Path.of("src", "test", "resources", "postmortem");

    private Goldens() {
    }

    static void assertMatches(String name, String actual) throws IOException {
        Path file = DIR.resolve(name);
        if (Boolean.getBoolean("postmortem.updateGoldens")) {
            Files.createDirectories(DIR);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(file).as("golden file %s (run with -Dpostmortem.updateGoldens=true to create it)", file).exists();
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
