package dev.mayday.slack.views;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import dev.mayday.incident.Incident;
import dev.mayday.rotation.DutyStanding;
import dev.mayday.rotation.HomeFacts;
import dev.mayday.rotation.Member;
import dev.mayday.text.UserText;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

/** The App Home tab: the viewer's duty status, then the open incidents. */
public final class HomeView {

    private final SlackTimes times;

    public HomeView(SlackTimes times) {
        this.times = times;
    }

    public View build(HomeFacts facts) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("Your duty", true))));
        blocks.addAll(facts.duty().map(this::duty).orElseGet(HomeView::notOnRoster));
        blocks.add(divider());
        blocks.add(header(h -> h.text(plainText("Open incidents (" + facts.openIncidents().size() + ")", true))));
        if (facts.openIncidents().isEmpty()) {
            blocks.add(section(s -> s.text(markdownText(":sunny: No open incidents."))));
        }
        for (Incident incident : facts.openIncidents()) {
            blocks.add(section(s -> s.text(markdownText(incidentLine(incident)))));
        }
        blocks.add(context(c -> c.elements(List.of(markdownText("Updated " + times.format(facts.at())
                + " · `/incident duty list` shows the whole roster")))));
        return View.builder().type("home").blocks(blocks).build();
    }

    private static List<LayoutBlock> notOnRoster() {
        return List.of(section(s -> s.text(markdownText("You are *not on the duty roster*, so the rotation does not "
                + "pick you to lead. Join with `/incident duty join [engineer|manager]`."))));
    }

    private List<LayoutBlock> duty(DutyStanding.Row row) {
        Member member = row.member();
        String status = "You are *on the duty roster* as " + (member.kind().name().startsWith("E") ? "an " : "a ")
                + member.kind().label() + ".";
        return List.of(
                section(s -> s.text(markdownText(status))),
                section(s -> s.fields(List.of(
                        markdownText("*Incidents led*\n" + member.lead().turns()),
                        markdownText("*Fair share so far*\n" + Numbers.oneDecimal(member.lead().share())),
                        markdownText("*In line*\n" + place(row)),
                        markdownText("*Right now*\n" + (row.busy() ? ":fire: busy leading an open incident"
                                : "free for the next incident"))))));
    }

    private String place(DutyStanding.Row row) {
        if (row.isAway()) {
            return ":palm_tree: away until " + day(row.awayUntil()) + ", skipped meanwhile";
        }
        String place = row.placeInLine() == 1 ? "next in line" : Numbers.ordinal(row.placeInLine()) + " in line";
        return row.nextAway() == null ? place : place + " · away from " + day(row.nextAway().from());
    }

    private String day(Instant at) {
        return at.atZone(times.zone()).toLocalDate().toString();
    }

    static String incidentLine(Incident incident) {
        String channel = incident.channel().map(id -> "<#" + id + ">").orElse("_channel being set up_");
        return "*" + UserText.inert(incident.title()) + "*" + (incident.isPrivate() ? " :lock:" : "")
                + (incident.isPractice() ? " :test_tube: practice" : "") + "\n"
                + IncidentCard.severityBadge(incident.severity()) + " · " + incident.status().label()
                + " · lead " + Mentions.of(incident.lead())
                + incident.people().pairedResponder().map(r -> " · responder " + Mentions.of(r)).orElse("")
                + " · " + channel;
    }
}
