package dev.signet.runtime;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * JSON text as JavaScript's {@code JSON.stringify} writes it, so that what Signet signs matches
 * what a vendor's JavaScript SDK signs: strings escaped per RFC 8259 with the shortest escapes,
 * unpaired surrogates as {@code \\uXXXX}, and numbers in JavaScript's notation.
 */
public final class Json {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private Json() {}

  /** Appends {@code text} as a JSON string, quotes included, or {@code null} for null. */
  public static void appendString(StringBuilder out, CharSequence text) {
    if (text == null) {
      out.append("null");
      return;
    }
    out.append('"');
    int length = text.length();
    // Most text needs no escape: it is appended at once, up to the first character that does.
    int plain = 0;
    while (plain < length && needsNoEscape(text.charAt(plain))) {
      plain++;
    }
    if (plain == length && text instanceof String whole) {
      out.append(whole);
    } else {
      out.append(text, 0, plain);
    }
    for (int i = plain; i < length; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"':
          out.append("\\\"");
          break;
        case '\\':
          out.append("\\\\");
          break;
        case '\b':
          out.append("\\b");
          break;
        case '\f':
          out.append("\\f");
          break;
        case '\n':
          out.append("\\n");
          break;
        case '\r':
          out.append("\\r");
          break;
        case '\t':
          out.append("\\t");
          break;
        default:
          if (c < 0x20 || isUnpairedSurrogate(text, i, c)) {
            appendUnicodeEscape(out, c);
          } else {
            out.append(c);
          }
      }
    }
    out.append('"');
  }

  /**
   * Appends an object member's name as a JSON string.
   *
   * @throws IllegalArgumentException for a null name, which JSON cannot write
   */
  public static void appendKey(StringBuilder out, String name) {
    if (name == null) {
      throw new IllegalArgumentException("a JSON object's member name is null");
    }
    appendString(out, name);
  }

  /** Whether {@code c} stands for itself in a JSON string whatever comes before and after it. */
  private static boolean needsNoEscape(char c) {
    return c >= 0x20 && c != '"' && c != '\\' && !Character.isSurrogate(c);
  }

  private static boolean isUnpairedSurrogate(CharSequence text, int i, char c) {
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1));
    }
    return Character.isLowSurrogate(c)
        && (i == 0 || !Character.isHighSurrogate(text.charAt(i - 1)));
  }

  private static void appendUnicodeEscape(StringBuilder out, char c) {
    out.append("\\u")
        .append(HEX[c >> 12])
        .append(HEX[(c >> 8) & 0xF])
        .append(HEX[(c >> 4) & 0xF])
        .append(HEX[c & 0xF]);
  }

  /** Appends an integer. */
  public static void appendNumber(StringBuilder out, long value) {
    out.append(value);
  }

  /**
   * Appends a finite number as JavaScript writes it: {@code 1}, not {@code 1.0}; {@code 1e+21}, not
   * {@code 1.0E21}; {@code 1e-7}; {@code -0} as {@code 0}.
   *
   * @throws IllegalArgumentException for NaN and the infinities, which JSON cannot hold
   */
  public static void appendNumber(StringBuilder out, double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("JSON cannot hold the number " + value);
    }
    if (value == 0) {
      out.append('0');
      return;
    }
    if (value < 0) {
      out.append('-');
    }
    BigDecimal decimal = shortestDecimal(Math.abs(value)).stripTrailingZeros();
    String digits = decimal.unscaledValue().toString();
    int k = digits.length();
    int n = k - decimal.scale();
    if (k <= n && n <= 21) {
      out.append(digits);
      out.append("0".repeat(n - k));
    } else if (0 < n && n <= 21) {
      out.append(digits, 0, n).append('.').append(digits, n, k);
    } else if (-6 < n && n <= 0) {
      out.append("0.").append("0".repeat(-n)).append(digits);
    } else {
      out.append(digits.charAt(0));
      if (k > 1) {
        out.append('.').append(digits, 1, k);
      }
      out.append('e').append(n - 1 >= 0 ? "+" : "-").append(Math.abs(n - 1));
    }
  }

  /**
   * The decimal that JavaScript's Number::toString picks for {@code magnitude} (ECMA-262): the
   * fewest significant digits that still parse back to {@code magnitude}, and of those the closest.
   * Double.toString is no substitute: before Java 19 it is not always the shortest (1.23e22 gives
   * 1.2300000000000001E22), and it never gives fewer than two digits (5e-324 gives 4.9E-324).
   */
  private static BigDecimal shortestDecimal(double magnitude) {
    BigDecimal exact = new BigDecimal(magnitude);
    // 17 significant digits always identify a double, so the loop ends by then.
    for (int precision = 1; ; precision++) {
      BigDecimal below = exact.round(new MathContext(precision, RoundingMode.FLOOR));
      BigDecimal above = exact.round(new MathContext(precision, RoundingMode.CEILING));
      boolean belowParses = Double.parseDouble(below.toString()) == magnitude;
      boolean aboveParses = Double.parseDouble(above.toString()) == magnitude;
      if (belowParses && aboveParses) {
        int closer = exact.subtract(below).compareTo(above.subtract(exact));
        if (closer == 0) {
          // A tie: JavaScript takes the one whose digits end in an even digit.
          return below.unscaledValue().testBit(0) ? above : below;
        }
        return closer < 0 ? below : above;
      } else if (belowParses) {
        return below;
      } else if (aboveParses) {
        return above;
      }
    }
  }

  /**
   * Appends an arbitrary-precision number in plain notation without trailing zeros, or {@code null}
   * for null.
   */
  public static void appendNumber(StringBuilder out, BigDecimal value) {
    if (value == null) {
      out.append("null");
      return;
    }
    out.append(value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString());
  }
}
