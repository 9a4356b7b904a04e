package dev.mayday.cli;

import picocli.CommandLine.IVersionProvider;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** The version Maven stamped into {@code version.txt} at build time. */
public final class MaydayVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"Mayday " + current()};
    }

    public static String current() {
        try (InputStream in = MaydayVersion.class.getResourceAsStream("version.txt")) {
            return in == null ? "(unknown version)" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "(unknown version)";
        }
    }
}
