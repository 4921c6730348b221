package dev.concurrencybench.python;

/** A Python run that cannot start or did not finish; the message is one line, the status the jar's exit status. */
final class PythonException extends Exception {

    private final int status;

    PythonException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
