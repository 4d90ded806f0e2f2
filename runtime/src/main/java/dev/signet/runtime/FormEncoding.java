package dev.signet.runtime;

import java.nio.charset.StandardCharsets;

/**
 * Writes text as {@code application/x-www-form-urlencoded}, byte for byte as browsers' {@code
 * URLSearchParams} do: UTF-8; {@code A–Z a–z 0–9 * - . _} kept; space as {@code +}; every other
 * byte as {@code %XX} in upper-case hex. An unpaired surrogate is written as U+FFFD, as a browser
 * converts it.
 */
public final class FormEncoding {
  /** A character below U+0800 takes two %XX, one above three, a surrogate pair four for two. */
  static final int MAX_BYTES_PER_CHAR = 9;

  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  /**
   * Each byte's encoding, up to three bytes packed from the lowest, with their count in the highest
   * byte, so that a byte is written without a branch: URLs mix kept and escaped characters too
   * irregularly for a branch to be predicted well.
   */
  private static final int[] BYTE_ENCODED = new int[256];

  static {
    String kept = "*-._0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    for (int b = 0; b < 256; b++) {
      if (kept.indexOf(b) >= 0) {
        BYTE_ENCODED[b] = 1 << 24 | b;
      } else if (b == ' ') {
        BYTE_ENCODED[b] = 1 << 24 | '+';
      } else {
        BYTE_ENCODED[b] = 3 << 24 | HEX[b & 0xF] << 16 | HEX[b >> 4] << 8 | '%';
      }
    }
  }

  private FormEncoding() {}

  /** Appends {@code name=value}, both encoded. */
  public static void appendParameter(StringBuilder out, String name, CharSequence value) {
    append(out, name);
    out.append('=');
    append(out, value);
  }

  /** Appends {@code text}, encoded. */
  public static void append(StringBuilder out, CharSequence text) {
    byte[] encoded = new byte[text.length() * MAX_BYTES_PER_CHAR];
    out.append(
        new String(encoded, 0, encode(text.toString(), encoded, 0), StandardCharsets.ISO_8859_1));
  }

  /**
   * Writes {@code text} encoded into {@code out} from {@code at}, which has room for {@link
   * #MAX_BYTES_PER_CHAR} bytes per character; returns where it ends.
   */
  static int encode(String text, byte[] out, int at) {
    byte[] utf8 = new byte[Utf8.MAX_BYTES];
    int length = text.length();
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        at = encodeByte(c, out, at);
      } else {
        int bytes = Utf8.write(text, i, utf8, 0);
        for (int b = 0; b < bytes; b++) {
          at = encodeByte(utf8[b] & 0xFF, out, at);
        }
        i += Utf8.isPairAt(text, i) ? 1 : 0;
      }
    }
    return at;
  }

  /** Whether form encoding writes the byte {@code b} as it is. */
  static boolean keeps(int b) {
    return BYTE_ENCODED[b & 0xFF] == (1 << 24 | (b & 0xFF));
  }

  /**
   * Writes the byte {@code b} (an ASCII character is its own byte) encoded into {@code out} from
   * {@code at}, which has room for three bytes whatever it takes; returns where it ends.
   */
  static int encodeByte(int b, byte[] out, int at) {
    int encoded = BYTE_ENCODED[b];
    out[at] = (byte) encoded;
    out[at + 1] = (byte) (encoded >> 8);
    out[at + 2] = (byte) (encoded >> 16);
    return at + (encoded >>> 24);
  }
}
