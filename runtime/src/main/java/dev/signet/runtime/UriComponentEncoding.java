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
    byte[] utf8 = new byte[Utf8.MAX_BYTES];
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        if ((c >= 'A' && c <= 'Z')
            || (c >= 'a' && c <= 'z')
            || (c >= '0' && c <= '9')
            || KEPT_MARKS.indexOf(c) >= 0) {
          out.append(c);
        } else {
          appendByte(out, c);
        }
      } else if (Character.isSurrogate(c) && !Utf8.isPairAt(text, i)) {
        throw new IllegalArgumentException(
            "holds an unpaired surrogate at index " + i + ", which cannot be URI-encoded");
      } else {
        int bytes = Utf8.write(text, i, utf8, 0);
        for (int b = 0; b < bytes; b++) {
          appendByte(out, utf8[b] & 0xFF);
        }
        i += Utf8.isPairAt(text, i) ? 1 : 0;
      }
    }
    return out.toString();
  }

  private static void appendByte(StringBuilder out, int b) {
    out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
  }
}
