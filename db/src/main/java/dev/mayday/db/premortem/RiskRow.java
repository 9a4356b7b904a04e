package dev.mayday.db.premortem;

/** One risk of a pre-mortem: its number, what could go wrong, who owns it and how it is mitigated (either may be null). */
public record RiskRow(long premortemId, int number, String riskText, String owner, String mitigation, String addedBy,
                      long addedAt, String sourceTs) {
}
