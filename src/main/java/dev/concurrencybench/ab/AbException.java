package dev.concurrencybench.ab;

/** Bad input to {@code ab}: the message is one line, fit to print as is; the exit status is 2. */
public final class AbException extends RuntimeException {

    public AbException(String message) {
        super(message);
    }
}
