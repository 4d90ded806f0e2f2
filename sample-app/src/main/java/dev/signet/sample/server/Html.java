package dev.signet.sample.server;

/**
 * Escaping for HTML, and the bare page the servers wrap their content in. Every value that is not
 * the page's own markup goes through {@link #escape}, in element content and in quoted attribute
 * values alike.
 */
public final class Html {
  private Html() {}

  /** {@code text} with {@code & < > " '} replaced by character references; null as empty. */
  public static String escape(Object text) {
    if (text == null) {
      return "";
    }
    String string = text.toString();
    StringBuilder out = new StringBuilder(string.length() + 16);
    for (int i = 0; i < string.length(); i++) {
      char c = string.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A whole page: {@code title} (escaped here) and {@code body}, markup already escaped. */
  public static String page(String title, String body) {
    return page(title, "", body);
  }

  /** A whole page with extra markup for its head, such as a stylesheet link. */
  public static String page(String title, String head, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>"
        + escape(title)
        + "</title>"
        + STYLE
        + head
        + "</head>\n<body>"
        + body
        + "</body></html>\n";
  }

  private static final String STYLE =
      "<style>"
          + "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;"
          + "margin:0;color:#1d2330;background:#f6f7fb;line-height:1.45}"
          + "main{padding:1rem 1.5rem;max-width:1200px}"
          + "h1{font-size:1.5rem;margin:.4rem 0 .8rem}h2{font-size:1.15rem;margin:1.2rem 0 .5rem}"
          + "pre,code,textarea{font-family:'DejaVu Sans Mono',Menlo,Consolas,monospace;font-size:.85rem}"
          + "pre{background:#fff;border:1px solid #d8dce6;padding:.6rem;overflow:auto;white-space:pre-wrap;"
          + "word-break:break-all}"
          + "table{border-collapse:collapse;background:#fff}td,th{border:1px solid #d8dce6;padding:.25rem .5rem;"
          + "text-align:left;vertical-align:top}th{background:#eef0f6}"
          + ".ok{color:#146c2e;font-weight:600}.bad{color:#b42318;font-weight:600}"
          + ".note{color:#5b6475;font-size:.9rem}"
          + "tr.differs td{background:#fde8e6}"
          + "</style>";
}
