package dev.mayday.cli;

import ch.qos.logback.classic.Level;
import dev.mayday.Main;
import dev.mayday.db.Database;
import dev.mayday.db.drill.DrillRow;
import dev.mayday.drill.RestoreDrills;
import dev.mayday.support.CapturedLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The command line, run in-process as {@code java -jar mayday.jar …} runs it: what it prints and its exit status. */
class CommandLineTest {

    @TempDir
    Path dir;

    /** What the demo and the benchmark were asked to do: neither runs for real here. */
    private final List<List<String>> demoRuns = new ArrayList<>();
    private final List<List<String>> benchRuns = new ArrayList<>();
    private final Map<String, String> env = new HashMap<>();

    private record Result(int exit, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    private Result run(String... args) {
        env.putIfAbsent("DATABASE_URL", "jdbc:sqlite:" + dir.resolve("mayday.db"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<Extra> extras = List.of(
                new Extra("demo", "The demo.", false, List.of(new Extra.Flag("--verbose", "Say more.")), rest -> {
                    demoRuns.add(List.of(rest));
                    return 0;
                }),
                new Extra("bench", "The benchmark.", true, rest -> {
                    benchRuns.add(List.of(rest));
                    return 3;
                }));
        int exit = Main.run(args, extras, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void digest_withAMisspelledOption_isRefusedWithExit2AndTheUsageLine_andPrintsNoDigest() {
        Result result = run("digest", "--weak", "2026-W47");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.errLines()).first().asString().startsWith("mayday digest: Unknown option").contains("--weak");
        assertThat(result.err()).contains("Usage: java -jar mayday.jar digest [-h] [--week=<2026-W47>]");
        assertThat(dir.resolve("mayday.db")).doesNotExist();
    }

    @Test
    void digest_withAMalformedWeek_isAUsageError() {
        Result result = run("digest", "--week", "2026-47");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("An ISO week looks like 2026-W47").contains("Usage: ");
    }

    @ParameterizedTest
    @ValueSource(strings = {"serve", "simulate-rotation", "postmortem", "digest", "backup", "restore", "drill", "demo",
            "bench"})
    void everyCommand_hasItsOwnHelp_andHelpRunsNothing(String command) {
        Result result = run(command, "--help");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).startsWith("Usage: java -jar mayday.jar " + command);
        assertThat(result.err()).isEmpty();
        assertThat(demoRuns).isEmpty();
        assertThat(benchRuns).isEmpty();
        assertThat(dir.resolve("mayday.db")).doesNotExist();
    }

    @Test
    void version_isAnsweredAtTheTop_andIsAnUnknownOptionOfACommand() {
        Result top = run("--version");
        assertThat(top.exit()).isZero();
        assertThat(top.out().strip()).matches("Mayday \\d+\\.\\d+\\.\\d+.*");

        assertThat(run("digest", "--version").exit()).isEqualTo(2);
    }

    @Test
    void demo_withAnArgument_isRefused_andItsHelpDoesNotRunIt() {
        assertThat(run("demo", "--help").exit()).isZero();
        Result extra = run("demo", "now");
        assertThat(extra.exit()).isEqualTo(2);
        assertThat(extra.err()).contains("'now'").contains("Usage: java -jar mayday.jar demo [-h]");
        assertThat(demoRuns).isEmpty();

        assertThat(run("demo").exit()).isZero();
        assertThat(demoRuns).containsExactly(List.of());
    }

    @Test
    void demo_getsTheFlagsItNames_andRefusesAnyOther() {
        assertThat(run("demo", "--verbose").exit()).isZero();
        Result other = run("demo", "--loud");

        assertThat(other.exit()).isEqualTo(2);
        assertThat(other.err()).contains("--loud").contains("Usage: java -jar mayday.jar demo [-h] [--verbose]");
        assertThat(demoRuns).containsExactly(List.of("--verbose"));
        assertThat(run("demo", "--help").out()).contains("--verbose").contains("Say more.");
    }

    @Test
    void bench_passesItsOwnOptionsOnUnread_andAnswersItsBodysExitStatus() {
        Result result = run("bench", "--quick", "--tiny", "--profile", "cpu");

        assertThat(result.exit()).isEqualTo(3);
        assertThat(benchRuns).containsExactly(List.of("--quick", "--tiny", "--profile", "cpu"));
    }

    @Test
    void noCommand_orAnUnknownOne_isAUsageError_listingTheCommands() {
        Result none = run();
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("Missing command").contains("serve").contains("demo").contains("bench");

        Result unknown = run("serv");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.errLines()).first().isEqualTo("mayday: Unknown command: 'serv'");
        assertThat(run("help", "digest").out()).startsWith("Usage: java -jar mayday.jar digest");
    }

    @Test
    void postmortem_withoutItsIdOrWithAnExtraArgument_isAUsageError() {
        assertThat(run("postmortem").err()).contains("Missing required parameter: '<incident-id>'");
        assertThat(run("postmortem").exit()).isEqualTo(2);
        assertThat(run("postmortem", "42", "43").exit()).isEqualTo(2);
        assertThat(run("backup").exit()).isEqualTo(2);
        assertThat(run("restore", "a.db", "b.db").exit()).isEqualTo(2);
        assertThat(run("simulate-rotation", "--members", "many").exit()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"postmortem 42", "digest", "digest --week 2026-W47", "restore snapshot.db"})
    void readingCommands_onAMissingStore_sayItInOneLine_exit1_andCreateNothing(String command) throws IOException {
        Files.writeString(dir.resolve("snapshot.db"), "not looked at");
        env.put("DATABASE_URL", "jdbc:sqlite:" + dir.resolve("typo.db"));

        Result result = run(command.split(" "));

        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.errLines()).singleElement().asString()
                .startsWith("mayday " + command.split(" ")[0] + ": There is no store at " + dir.resolve("typo.db"))
                .contains("DATABASE_URL");
        try (var files = Files.list(dir)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("snapshot.db");
        }
    }

    @Test
    void drill_backsUpIntoBackupDir_provesItRestores_andSaysSoInOneLine() throws IOException {
        Database.open("jdbc:sqlite:" + dir.resolve("mayday.db")).close();
        env.put("BACKUP_DIR", dir.resolve("backups").toString());

        Result result = run("drill");

        assertThat(result.exit()).as(result.err()).isZero();
        assertThat(result.out().lines()).singleElement().asString().startsWith("Restore drill ok: mayday-")
                .contains("integrity ok", "rows as in the store");
        try (var files = Files.list(dir.resolve("backups"))) {
            assertThat(files).singleElement().satisfies(f -> assertThat(f.getFileName().toString()).startsWith("mayday-"));
        }
        try (Database store = Database.open("jdbc:sqlite:" + dir.resolve("mayday.db"))) {
            Optional<DrillRow> recorded = store.read(s -> s.drills().lastPassed(Long.MAX_VALUE));
            assertThat(recorded).as("recorded, for /health").isPresent();
        }
    }

    @Test
    void drill_withoutBackupDir_orWhenItFails_saysWhyInOneLine() throws IOException {
        Database.open("jdbc:sqlite:" + dir.resolve("mayday.db")).close();

        Result unset = run("drill");
        assertThat(unset.exit()).isEqualTo(2);
        assertThat(unset.errLines()).singleElement().asString().startsWith("mayday drill: BACKUP_DIR is not set");

        env.put("BACKUP_DIR", Files.writeString(dir.resolve("in-the-way"), "a file").toString());
        Result failed;
        try (CapturedLog log = CapturedLog.of(RestoreDrills.class)) {
            failed = run("drill");
            assertThat(log.messages(Level.ERROR)).as("logged as well as said").hasSize(1);
        }
        assertThat(failed.exit()).isEqualTo(1);
        assertThat(failed.errLines()).singleElement().asString()
                .startsWith("mayday drill: Restore drill FAILED: cannot create the backup directory");

        env.put("BACKUP_KEEP", "none");
        assertThat(run("drill").errLines()).singleElement().asString().contains("BACKUP_KEEP");
    }

    @Test
    void readingCommands_onAUrlOfNeitherKind_areRefusedNamingTheSetting() {
        env.put("DATABASE_URL", "jdbc:mysql://127.0.0.1/mayday");

        Result result = run("postmortem", "42");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString().contains("DATABASE_URL");
    }

    @Test
    void backupRestoreAndDrill_onPostgres_sayInOneLineToUsePostgresTools_andExit1() throws IOException {
        Files.writeString(dir.resolve("snapshot.db"), "not looked at");
        env.put("DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/mayday?user=mayday&password=s3cret-not-shown");

        Result backup = run("backup", dir.resolve("new.db").toString());
        Result restore = run("restore", dir.resolve("snapshot.db").toString());

        assertThat(backup.exit()).isEqualTo(1);
        assertThat(backup.errLines()).singleElement().asString().startsWith("mayday backup: ").contains("pg_dump")
                .doesNotContain("s3cret");
        assertThat(restore.exit()).isEqualTo(1);
        assertThat(restore.errLines()).singleElement().asString().startsWith("mayday restore: ").contains("pg_restore")
                .doesNotContain("s3cret");
        env.put("BACKUP_DIR", dir.resolve("backups").toString());
        Result drill = run("drill");
        assertThat(drill.exit()).isEqualTo(1);
        assertThat(drill.errLines()).singleElement().asString().startsWith("mayday drill: ").contains("pg_dump")
                .doesNotContain("s3cret");
        try (var files = Files.list(dir)) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("snapshot.db");
        }
    }

    @Test
    void postmortemAndDigest_onAnExistingStore_answerFromIt() {
        Database.open("jdbc:sqlite:" + dir.resolve("mayday.db")).close();

        Result postmortem = run("postmortem", "42");
        assertThat(postmortem.exit()).isEqualTo(1);
        assertThat(postmortem.errLines()).containsExactly("mayday postmortem: There is no incident #42 in this store.");

        Result digest = run("digest", "--week", "2026-W47");
        assertThat(digest.exit()).isZero();
        assertThat(digest.out()).startsWith("# Weekly learnings digest: 2026-W47");
    }

    @Test
    void digest_withABadTeamTimezone_namesTheSetting() {
        Database.open("jdbc:sqlite:" + dir.resolve("mayday.db")).close();
        env.put("TEAM_TIMEZONE", "Mars/Olympus");

        Result result = run("digest");

        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.errLines()).singleElement().asString().startsWith("mayday digest: TEAM_TIMEZONE");
    }

    @Test
    void simulateRotation_printsTheComparison() {
        Result result = run("simulate-rotation", "--members", "4", "--incidents", "40", "--seed", "7");

        assertThat(result.exit()).isZero();
        assertThat(result.out()).isNotBlank();
        assertThat(run("simulate-rotation", "--members", "0").errLines()).singleElement().asString()
                .startsWith("mayday simulate-rotation: ");
    }
}
