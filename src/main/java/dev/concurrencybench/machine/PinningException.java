package dev.concurrencybench.machine;

/** The OS refused to pin a thread, or pinning is impossible here; the message is one line for the user. */
public final class PinningException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public PinningException(String message) {
        super(message);
    }

    public PinningException(String message, Throwable cause) {
        super(message, cause);
    }
}
