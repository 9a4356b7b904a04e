package dev.mayday.digest;

/** A week's digest is claimed (INTENT) before it is posted, and POSTED once Slack's answer is recorded. */
public enum DigestState {
    INTENT, POSTED
}
