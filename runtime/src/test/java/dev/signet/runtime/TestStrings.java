package dev.signet.runtime;

import java.util.Random;

/**
 * Strings for the tests of text handling: random ones that escaping gets wrong, and how to show
 * them.
 */
public final class TestStrings {
  private TestStrings() {}

  /**
   * A random string weighted towards what escaping gets wrong: quotes, backslashes, control
   * characters, surrogates (paired or not), then any code unit.
   */
  public static String randomString(Random random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(24);
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(10)) {
        case 0:
          text.append("\"\\/".charAt(random.nextInt(3)));
          break;
        case 1:
          // Control characters are rarer, so that many strings have none.
          text.append(random.nextInt(4) == 0 ? (char) random.nextInt(0x20) : 'c');
          break;
        case 2:
          text.appendCodePoint(0x10000 + random.nextInt(0x100000));
          break;
        case 3:
          // Rarely a lone surrogate, high or low.
          text.append(random.nextInt(8) == 0 ? (char) (0xD800 + random.nextInt(0x800)) : 's');
          break;
        case 4:
          text.append((char) (0x20 + random.nextInt(0x60)));
          break;
        default:
          char c = (char) (0x80 + random.nextInt(0x10000 - 0x80));
          text.append(Character.isSurrogate(c) ? 'u' : c);
      }
    }
    return text.toString();
  }

  /** {@code text}'s UTF-16 code units in hex, to show a string that does not print. */
  public static String codeUnits(CharSequence text) {
    StringBuilder units = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      units.append(i == 0 ? "" : " ").append(String.format("%04X", (int) text.charAt(i)));
    }
    return "code units [" + units + "]";
  }
}
