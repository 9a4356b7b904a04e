package dev.mayday.incident;

import java.util.Objects;

/**
 * Who leads a new incident, who responds beside them ({@code responder}, null when nobody is paired), and one line
 * saying why the lead was picked ({@code reason}, null when there is nothing to explain: the declarer leads).
 */
public record Assignment(String lead, String responder, String reason) {

    public Assignment {
        Objects.requireNonNull(lead, "lead");
        if (lead.equals(responder)) {
            throw new IllegalArgumentException("the lead cannot also be the paired responder: " + lead);
        }
    }

    public static Assignment declarer(String declarer) {
        return new Assignment(declarer, null, null);
    }
}
