package dev.mayday.digest;

/**
 * Incident hours this week (declared to resolved, or to the digest's time while unresolved, summed over incidents so
 * two at once count twice) against {@code INCIDENT_BUDGET_HOURS}, and the follow-ups still open.
 */
public record BackPressure(double hours, double budgetHours, int openFollowUps) {

    public boolean overCapacity() {
        return hours > budgetHours;
    }

    public String sentence() {
        String spent = DigestText.hours(hours) + " of incidents against a budget of " + DigestText.hours(budgetHours);
        if (!overCapacity()) {
            return spent + ": within capacity.";
        }
        return "Over capacity: " + spent + ". The team is spending more time on incidents than it can sustain; "
                + "consider trading feature work for the " + openFollowUps + " open follow-up"
                + (openFollowUps == 1 ? "" : "s") + " next week.";
    }
}
