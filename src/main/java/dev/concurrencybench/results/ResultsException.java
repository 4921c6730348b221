package dev.concurrencybench.results;

/**
 * A results or sidecar file that cannot be used: missing, unreadable, malformed, not JMH output,
 * or empty. The message is one line that names the file and says what is wrong, fit to print as
 * is to a user.
 */
public class ResultsException extends RuntimeException {

    public ResultsException(String message) {
        super(message);
    }

    public ResultsException(String message, Throwable cause) {
        super(message, cause);
    }
}
