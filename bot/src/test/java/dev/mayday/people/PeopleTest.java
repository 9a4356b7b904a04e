package dev.mayday.people;

import dev.mayday.db.Database;
import dev.mayday.postmortem.PersonNames;
import dev.mayday.support.FastClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Display names asked of Slack once a day per person and kept in the store; never a mention. */
class PeopleTest {

    @TempDir
    Path dir;
    Database database;
    final List<String> asked = new ArrayList<>();
    boolean slackDown;
    Instant now = Instant.parse("2026-03-14T09:30:00Z");

    final UserLookup slack = userId -> {
        asked.add(userId);
        if (slackDown) {
            throw new IllegalStateException("Slack is down");
        }
        return switch (userId) {
            case "U0DANA" -> Optional.of(new Person("U0DANA", "Dana DBA", Optional.of("dana@example.com")));
            case "U0EVE" -> Optional.of(new Person("U0EVE", "<!channel> Eve <@U0BOSS>", Optional.empty()));
            default -> Optional.empty();
        };
    };

    @BeforeEach
    void open() {
        database = Database.open("jdbc:sqlite:" + dir.resolve("mayday.db"));
    }

    @AfterEach
    void close() {
        database.close();
    }

    private People people() {
        return new People(database, slack, Clock.fixed(now, ZoneOffset.UTC));
    }

    @Test
    void lookUp_asksSlackOnceADay_andKeepsTheAnswerInTheStore() {
        assertThat(people().lookUp("U0DANA")).map(Person::email).contains(Optional.of("dana@example.com"));
        assertThat(people().lookUp("U0DANA")).map(Person::displayName).contains("Dana DBA");
        assertThat(asked).containsExactly("U0DANA");

        now = now.plus(Duration.ofDays(1));
        people().lookUp("U0DANA");
        assertThat(asked).containsExactly("U0DANA", "U0DANA");
    }

    @Test
    void lookUp_whileSlackIsDown_answersFromTheStore_however_old_orFails_forSomeoneNeverSeen() {
        people().lookUp("U0DANA");
        now = now.plus(Duration.ofDays(30));
        slackDown = true;

        assertThat(people().lookUp("U0DANA")).map(Person::displayName).contains("Dana DBA");
        assertThatThrownBy(() -> people().lookUp("U0NEW")).hasMessageContaining("Slack is down");
    }

    @Test
    void names_arePlainText_andSomeoneSlackDoesNotKnow_keepsTheirUserId() {
        PersonNames names = people().names();

        assertThat(names.name("U0DANA")).isEqualTo("Dana DBA");
        assertThat(names.name("U0GHOST")).isEqualTo("@U0GHOST");
        assertThat(names.name("U0EVE")).doesNotContain("<").doesNotContain(">").contains("Eve");
        names.name("U0DANA");
        assertThat(asked).as("once per use").containsExactly("U0DANA", "U0GHOST", "U0EVE");
    }

    @Test
    void storedNames_neverAskSlack() {
        people().lookUp("U0DANA");
        asked.clear();

        PersonNames stored = People.storedNames(database);

        assertThat(stored.name("U0DANA")).isEqualTo("Dana DBA");
        assertThat(stored.name("U0KIM")).isEqualTo("@U0KIM");
        assertThat(asked).isEmpty();
    }
}
