package dev.signet.runtime;

/**
 * UTF-8 of one character outside ASCII, as browsers write it: a surrogate pair as one four-byte
 * sequence, an unpaired surrogate as U+FFFD. The one place the runtime's writers (signed text, form
 * encoding, URI components) turn UTF-16 into UTF-8.
 */
final class Utf8 {
  /** At most this many bytes for what {@link #write} reads, one character or a pair. */
  static final int MAX_BYTES = 4;

  private Utf8() {}

  /** Whether {@code text} holds a surrogate pair at {@code i}, which {@link #write} reads whole. */
  static boolean isPairAt(CharSequence text, int i) {
    return Character.isHighSurrogate(text.charAt(i))
        && i + 1 < text.length()
        && Character.isLowSurrogate(text.charAt(i + 1));
  }

  /**
   * Writes the character at {@code i} of {@code text}, or the pair that starts there, as UTF-8 into
   * {@code out} from {@code at}; returns where it ends.
   */
  static int write(CharSequence text, int i, byte[] out, int at) {
    char c = text.charAt(i);
    if (c < 0x80) {
      out[at] = (byte) c;
      return at + 1;
    }
    if (c < 0x800) {
      out[at] = (byte) (0xC0 | (c >> 6));
      out[at + 1] = (byte) (0x80 | (c & 0x3F));
      return at + 2;
    }
    if (isPairAt(text, i)) {
      int codePoint = Character.toCodePoint(c, text.charAt(i + 1));
      out[at] = (byte) (0xF0 | (codePoint >> 18));
      out[at + 1] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
      out[at + 2] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
      out[at + 3] = (byte) (0x80 | (codePoint & 0x3F));
      return at + 4;
    }
    char unit = Character.isSurrogate(c) ? '\uFFFD' : c;
    out[at] = (byte) (0xE0 | (unit >> 12));
    out[at + 1] = (byte) (0x80 | ((unit >> 6) & 0x3F));
    out[at + 2] = (byte) (0x80 | (unit & 0x3F));
    return at + 3;
  }
}
