package dev.mayday.postmortem;

/** The sections the team writes together, each opened by questions that lead to systemic answers. */
final class PromptsSection {

    private static final String[][] PROMPTS = {
            {"Summary", "What happened, in two or three sentences a newcomer would understand? "
                    + "What did customers and colleagues notice?"},
            {"Impact", "Who was affected, how, and for how long? How do we know: which numbers or reports?"},
            {"Contributing factors", "What made this possible: which conditions, defaults, tools or pressures lined "
                    + "up? What made sense to the people involved at the time, given what they knew and could see?"},
            {"What went well", "What helped us notice, understand or recover sooner? What should we keep doing?"},
            {"Where we got lucky", "What could have made this worse, and why didn't it happen? Which safeguard was "
                    + "luck rather than design?"},
            {"What was hard", "What was confusing, slow or tiring? Where did alerts, dashboards, runbooks or tools "
                    + "not help?"},
            {"Learnings", "What do we understand now that we did not before? Which change to the system would make "
                    + "this kind of incident less likely, or less harmful?"},
    };

    private PromptsSection() {
    }

    static void write(StringBuilder out) {
        out.append("## To write together\n\n");
        for (String[] prompt : PROMPTS) {
            out.append("### ").append(prompt[0]).append("\n\n_").append(prompt[1]).append("_\n\n");
        }
    }
}
