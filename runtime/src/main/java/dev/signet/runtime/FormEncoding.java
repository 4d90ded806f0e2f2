package dev.signet.runtime;

import java.nio.charset.StandardCharsets;

/**
 * Writes text as {@code application/x-www-form-urlencoded}, byte for byte as browsers'
 * {@code URLSearchParams} do: UTF-8; {@code A–Z a–z 0–9 * - . _} kept; space as {@code +};
 * every other byte as {@code %XX} in upper-case hex. An unpaired surrogate is written as U+FFFD,
 * as a browser converts it.
 */
public final class FormEncoding {
  /** A character below U+0800 takes two %XX, one above three, a surrogate pair four for two. */
  static final int MAX_BYTES_PER_CHAR = 9;

  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
  private static final boolean[] KEPT = new boolean[128];

  static {
    for (char c = 'A'; c <= 'Z'; c++) {
      KEPT[c] = true;
      KEPT[Character.toLowerCase(c)] = true;
    }
    for (char c = '0'; c <= '9'; c++) {
      KEPT[c] = true;
    }
    for (char c : "*-._".toCharArray()) {
      KEPT[c] = true;
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
    out.append(new String(encoded, 0, encode(text.toString(), encoded, 0), StandardCharsets.ISO_8859_1));
  }

  /**
   * Writes {@code text} encoded into {@code out} from {@code at}, which has room for {@link
   * #MAX_BYTES_PER_CHAR} bytes per character; returns where it ends.
   */
  static int encode(String text, byte[] out, int at) {
    int length = text.length();
    int i = 0;
    while (i < length) {
      // Characters kept as they are, most of a URL, in a loop of their own.
      int kept = i;
      for (; kept < length; kept++) {
        char c = text.charAt(kept);
        if (c >= 0x80 || !KEPT[c]) {
          break;
        }
        out[at++] = (byte) c;
      }
      if (kept == length) {
        break;
      }
      char c = text.charAt(kept);
      if (c == ' ') {
        out[at++] = '+';
        i = kept + 1;
      } else if (c < 0x80) {
        at = writeByte(c, out, at);
        i = kept + 1;
      } else {
        byte[] utf8 = new byte[Utf8.MAX_BYTES];
        int bytes = Utf8.write(text, kept, utf8, 0);
        for (int b = 0; b < bytes; b++) {
          at = writeByte(utf8[b] & 0xFF, out, at);
        }
        i = kept + (Utf8.isPairAt(text, kept) ? 2 : 1);
      }
    }
    return at;
  }

  private static int writeByte(int b, byte[] out, int at) {
    out[at] = '%';
    out[at + 1] = HEX[b >> 4];
    out[at + 2] = HEX[b & 0xF];
    return at + 3;
  }
}
