package dev.mayday.slack;

import dev.mayday.incident.Incident;
import dev.mayday.support.Sandbox;
import dev.mayday.support.SandboxExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class AppHomeTest {

    @RegisterExtension
    final SandboxExtension sandboxes = new SandboxExtension();
    Sandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = sandboxes.start(Sandbox::start);
    }

    @Test
    void openingHomeTab_publishesStatusAndOpenIncidents() {
        sandbox.command("U0AMY", sandbox.generalChannel, "duty join manager");
        String channel = sandbox.declare("U0DEC", "sev2 Checkout is down");
        Incident incident = sandbox.incidentIn(channel);

        sandbox.simulator.deliver(sandbox.simulator.appHomeOpened("U0OUT", "home"));
        String outsider = awaitHome("U0OUT", home -> home.contains("Checkout is down"));
        assertThat(outsider).contains("not on the duty roster").contains("SEV2").contains("Investigating")
                .contains("lead <@" + incident.lead() + ">").contains("<#" + channel + ">");

        sandbox.simulator.deliver(sandbox.simulator.appHomeOpened("U0AMY", "home"));
        String member = awaitHome("U0AMY", home -> home.contains("Checkout is down"));
        assertThat(member).contains("on the duty roster as a manager").contains("Incidents led · 1")
                .contains("Fair share so far · 1.0").contains("busy leading an open incident");
    }

    @Test
    void messagesTab_publishesNothing() {
        sandbox.simulator.deliver(sandbox.simulator.appHomeOpened("U0OUT", "messages"));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(sandbox.slack.home("U0OUT")).isEmpty());
    }

    @Test
    void declare_republishesTheLeadsHome() {
        sandbox.command("U0AMY", sandbox.generalChannel, "duty join engineer");
        awaitHome("U0AMY", home -> home.contains("No open incidents"));

        String channel = sandbox.declare("U0DEC", "Search is slow");

        String home = awaitHome("U0AMY", h -> h.contains("Search is slow") && h.contains("<#" + channel + ">"));
        assertThat(home).contains("Incidents led · 1").contains("busy leading an open incident");
        awaitHome("U0DEC", h -> h.contains("Search is slow"));
    }

    @Test
    void dutyAway_republishesTheMembersHome() {
        sandbox.command("U0AMY", sandbox.generalChannel, "duty join engineer");
        awaitHome("U0BEN", h -> true, false);
        sandbox.command("U0AMY", sandbox.generalChannel, "duty add <@U0BEN> manager");
        awaitHome("U0BEN", h -> h.contains("on the duty roster as a manager"));

        sandbox.command("U0AMY", sandbox.generalChannel, "duty away <@U0BEN> 2026-03-14 2026-03-20");

        awaitHome("U0BEN", h -> h.contains("away until 2026-03-21"));
    }

    private String awaitHome(String user, Predicate<String> shows) {
        return awaitHome(user, shows, true);
    }

    static String awaitHome(Sandbox sandbox, String user, Predicate<String> shows) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            String home = sandbox.slack.home(user).orElse(null);
            if (home != null && shows.test(home)) {
                return home;
            }
            sleep();
        }
        throw new AssertionError("the Home of " + user + " never showed what was expected; last: "
                + sandbox.slack.home(user).orElse("(none)"));
    }

    private String awaitHome(String user, Predicate<String> shows, boolean required) {
        if (!required) {
            return sandbox.slack.home(user).orElse("");
        }
        return awaitHome(sandbox, user, shows);
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
