package dev.mayday.premortem;

import dev.mayday.db.premortem.RiskRow;

import java.util.Optional;

/** One way the change could fail, numbered within its pre-mortem; an owner and a mitigation are what it still lacks. */
public record Risk(int number, String text, Optional<String> owner, Optional<String> mitigation) {

    static Risk of(RiskRow row) {
        return new Risk(row.number(), row.riskText(), Optional.ofNullable(row.owner()),
                Optional.ofNullable(row.mitigation()));
    }

    /** Neither an owner nor a mitigation is missing. */
    public boolean isCovered() {
        return owner.isPresent() && mitigation.isPresent();
    }
}
