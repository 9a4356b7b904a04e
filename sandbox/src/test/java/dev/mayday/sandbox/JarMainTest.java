package dev.mayday.sandbox;

import dev.mayday.Main;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The jar's own commands answer {@code --help} without running, as every product command does. */
class JarMainTest {

    @ParameterizedTest
    @ValueSource(strings = {"demo", "bench"})
    void help_describesTheCommand_andDoesNotRunIt(String command) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int exit = Main.run(new String[] {command, "--help"}, JarMain.extras(), Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: java -jar mayday.jar " + command + " [-h]");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }
}
