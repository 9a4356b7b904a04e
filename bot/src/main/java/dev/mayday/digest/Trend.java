package dev.mayday.digest;

/** Which way a number moved since last week; neither good nor bad by itself. */
public enum Trend {
    UP("↑"), DOWN("↓"), SAME("→");

    private final String arrow;

    Trend(String arrow) {
        this.arrow = arrow;
    }

    public String arrow() {
        return arrow;
    }

    public static Trend of(long now, long before) {
        return now > before ? UP : now < before ? DOWN : SAME;
    }
}
