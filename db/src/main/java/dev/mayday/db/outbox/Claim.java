package dev.mayday.db.outbox;

/**
 * One process's claim on one outbox row: the row, who claimed it ({@code owner}, a process identity) and the attempt
 * the claim counted. Every write that ends the attempt names all three, so it changes nothing once another process has
 * taken the row over (its claim counted a later attempt).
 */
public record Claim(long id, String owner, int attempts) {

    public static Claim of(OutboxRow row, String owner) {
        return new Claim(row.id(), owner, row.attempts());
    }
}
