package dev.concurrencybench.history;

/** Bad input to {@code history}: a missing or foreign folder, a corrupt store line, a bad option. One line. */
final class HistoryException extends RuntimeException {
    HistoryException(String message) {
        super(message);
    }
}
