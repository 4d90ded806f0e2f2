package dev.signet.runtime;

/**
 * Writes text as {@code application/x-www-form-urlencoded}, byte for byte as browsers'
 * {@code URLSearchParams} do: UTF-8; {@code A–Z a–z 0–9 * - . _} kept; space as {@code +};
 * every other byte as {@code %XX} in upper-case hex. An unpaired surrogate is written as U+FFFD,
 * as a browser converts it.
 */
public final class FormEncoding {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
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
    int length = text.length();
    int i = 0;
    while (i < length) {
      // Each run of characters that are kept as they are is appended at once: most of a URL's
      // text is such runs, and one bulk append costs far less than one append per character.
      int run = i;
      while (run < length && isKept(text.charAt(run))) {
        run++;
      }
      if (run > i) {
        out.append(text, i, run);
        i = run;
        if (i == length) {
          return;
        }
      }
      char c = text.charAt(i);
      if (c < 0x80) {
        if (c == ' ') {
          out.append('+');
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
      } else {
        char unit = Character.isSurrogate(c) ? '\uFFFD' : c;
        appendByte(out, 0xE0 | (unit >> 12));
        appendByte(out, 0x80 | ((unit >> 6) & 0x3F));
        appendByte(out, 0x80 | (unit & 0x3F));
      }
      i++;
    }
  }

  private static boolean isKept(char c) {
    return c < 0x80 && KEPT[c];
  }

  private static void appendByte(StringBuilder out, int b) {
    out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xF]);
  }
}
