package dev.mayday.premortem;

import java.util.List;
import java.util.OptionalInt;

/**
 * What a linked incident's post-mortem says under "Foreseen?": the pre-mortem, its risks, the one that happened (if
 * one did), and whether there was a rollback plan and it was used.
 */
public record PremortemLink(Premortem premortem, List<Risk> risks, OptionalInt happenedRisk, boolean rollbackUsed) {

    public boolean foresaw() {
        return happenedRisk.isPresent();
    }
}
