package dev.concurrencybench.ab;

import java.util.Locale;

/** The two builds compared. */
public enum Side {
    BASE, NEW;

    /** {@code base} or {@code new}, as in file names and messages. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
