package dev.signet.runtime;

/**
 * JavaScript's idea of whitespace, which vendors' SDKs trim from signed texts ({@link
 * SignedText.Normalization#JAVASCRIPT_TRIM_LINES}).
 */
public final class TextNormalization {
  private TextNormalization() {}

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
