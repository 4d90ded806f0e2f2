package dev.signet.runtime;

/** What vendors do to a joined signed text before computing its MAC. */
public final class TextNormalization {
  private TextNormalization() {}

  /**
   * JavaScript's {@code text.trim().replace(/\n\s+/g, "\n")}: whitespace as JavaScript's {@code
   * \s} defines it is trimmed from both ends, and a line feed followed by whitespace becomes a
   * single line feed. Returns {@code text} itself when there is nothing to change.
   */
  public static String javascriptTrimLines(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isJavascriptWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && isJavascriptWhitespace(text.charAt(end - 1))) {
      end--;
    }
    int lineBreak = firstLineBreakBeforeWhitespace(text, start, end);
    if (lineBreak < 0) {
      return start == 0 && end == text.length() ? text : text.substring(start, end);
    }
    StringBuilder out = new StringBuilder(end - start).append(text, start, lineBreak + 1);
    int i = lineBreak + 1;
    while (i < end) {
      // The trimmed text ends in non-whitespace, so this skip stops before end.
      while (isJavascriptWhitespace(text.charAt(i))) {
        i++;
      }
      int next = text.indexOf('\n', i);
      int stop = next < 0 || next >= end ? end : next + 1;
      out.append(text, i, stop);
      i = stop;
    }
    return out.toString();
  }

  private static int firstLineBreakBeforeWhitespace(String text, int start, int end) {
    for (int i = text.indexOf('\n', start); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) {
      if (isJavascriptWhitespace(text.charAt(i + 1))) {
        return i;
      }
    }
    return -1;
  }

  /** Whether {@code c} is in JavaScript's {@code \s} (WhiteSpace and LineTerminator). */
  public static boolean isJavascriptWhitespace(char c) {
    if (c <= ' ') {
      return c == ' ' || (c >= '\t' && c <= '\r');
    }
    if (c < 0x00A0) {
      return false;
    }
    return c == 0x00A0
        || c == 0x1680
        || (c >= 0x2000 && c <= 0x200A)
        || c == 0x2028
        || c == 0x2029
        || c == 0x202F
        || c == 0x205F
        || c == 0x3000
        || c == 0xFEFF;
  }
}
