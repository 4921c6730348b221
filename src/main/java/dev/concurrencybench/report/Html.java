package dev.concurrencybench.report;

/**
 * What every HTML page this jar writes shares (the report's and the history dashboard's): one inline
 * style sheet, so that a page loads nothing from anywhere else, and escaping.
 */
public final class Html {

    /** The shared rules, to go inside a page's {@code <style>} element. */
    public static final String STYLE = "body{font-family:sans-serif;max-width:1060px;margin:2em auto;padding:0 1em;color:#222;"
            + "line-height:1.45}\n"
            + "img{max-width:100%;height:auto;border:1px solid #ddd}\n"
            + "table{border-collapse:collapse;margin:.6em 0;font-size:.92em}\n"
            + "th,td{border:1px solid #ccc;padding:.25em .6em;text-align:right}\n"
            + "th:first-child,td:first-child{text-align:left}\n"
            + "th{background:#f3f3f3}\n.note{color:#555;font-size:.92em}\n";

    private Html() {
    }

    /** Text made safe for an element's content or a quoted attribute. */
    public static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
