package dev.signet.runtime;

/**
 * Writes text as JavaScript's {@code encodeURIComponent} does: UTF-8; {@code A–Z a–z 0–9 - _ . ! ~
 * * ' ( )} kept; every other byte as {@code %XX} in upper-case hex (a space is {@code %20}, not
 * {@code +}).
 */
public final class UriComponentEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private static final String KEPT_MARKS = "-_.!~*'()";

  private UriComponentEncoding() {}

  /**
   * {@code text}, encoded.
   *
   * @throws IllegalArgumentException for an unpaired surrogate, which {@code encodeURIComponent}
   *     refuses too
   */
  public static String encode(CharSequence text) {
    StringBuilder out = new StringBuilder(text.length() + 16);
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
            || KEPT_MARKS.indexOf(c) >= 0) {
          out.append(c);
        } else {
          appendByte(out, c);
        }
      } else if (c < 0x800) {
        appendByte(out, 0xC0 | (c >> 6));
        appendByte(out, 0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c)
          && i + 1 < length
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        int codePoint = Character.toCodePoint(c, text.charAt(++i));
        appendByte(out, 0xF0 | (codePoint >> 18));
        appendByte(out, 0x80 | ((codePoint >> 12) & 0x3F));
        appendByte(out, 0x80 | ((codePoint >> 6) & 0x3F));
        appendByte(out, 0x80 | (codePoint & 0x3F));
      } else if (Character.isSurrogate(c)) {
        throw new IllegalArgumentException(
            "holds an unpaired surrogate at index " + i + ", which cannot be URI-encoded");
      } else {
        appendByte(out, 0xE0 | (c >> 12));
        appendByte(out, 0x80 | ((c >> 6) & 0x3F));
        appendByte(out, 0x80 | (c & 0x3F));
      }
    }
    return out.toString();
  }

  private static void appendByte(StringBuilder out, int b) {
    out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
  }
}
