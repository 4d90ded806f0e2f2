package dev.signet.runtime.internal;

import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.SignedText;
import dev.signet.runtime.TextNormalization;

/**
 * The checks that generated builders run on parameter values. Each returns the value it was given,
 * or throws an {@link InvalidParameterException} naming the parameter and the rule.
 */
public final class ParameterChecks {
  private ParameterChecks() {}

  /**
   * A value that goes on a line of the signed text: it must not hold a line break (CR or LF) or the
   * separator, either of which would be signed as the start of another line and so let the value
   * forge the lines after it, and must be well-formed UTF-16.
   */
  public static String lineValue(String parameter, String value, String separator) {
    // Most values hold no line break and no surrogate: one pass tells, and only the others are
    // searched again for the rule they break.
    boolean plain = true;
    for (int i = 0; i < value.length() && plain; i++) {
      char c = value.charAt(i);
      plain = c != '\n' && c != '\r' && !Character.isSurrogate(c);
    }
    if (!plain && (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0)) {
      throw new InvalidParameterException(
          parameter,
          "must not contain a line break (CR or LF): it would be signed as the boundary between"
              + " two values");
    }
    if (!separator.isEmpty() && value.contains(separator)) {
      throw new InvalidParameterException(
          parameter, "must not contain the separator of the signed text");
    }
    return plain ? value : wellFormed(parameter, value);
  }

  /** A value whose UTF-16 is well formed, so that it has a UTF-8 encoding to sign. */
  public static String wellFormed(String parameter, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < value.length()
          && Character.isLowSurrogate(value.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new InvalidParameterException(
            parameter, "holds an unpaired surrogate at index " + i + ", which UTF-8 cannot encode");
      }
    }
    return value;
  }

  /** A required text value: it must not be empty. */
  public static String notEmpty(String parameter, String value) {
    if (value.isEmpty()) {
      throw new InvalidParameterException(parameter, "is required and must not be empty");
    }
    return value;
  }

  /**
   * A required text value that the vendor's normalization does not remove or change. Under {@link
   * SignedText.Normalization#JAVASCRIPT_TRIM_LINES} a value made only of whitespace would vanish
   * from the signed text with its line, so that the values after it would move up into its place
   * and a URL could be rewritten to shift them from one parameter to another; and a value's leading
   * whitespace is dropped, so that the signature would not cover it. Both are refused, as is the
   * empty value; under {@link SignedText.Normalization#NONE} only the empty value is. (Trailing
   * whitespace is signed, except where the value ends the whole text.)
   */
  public static String notEmpty(
      String parameter, String value, SignedText.Normalization normalization) {
    notEmpty(parameter, value);
    if (normalization != SignedText.Normalization.JAVASCRIPT_TRIM_LINES
        || !TextNormalization.isJavascriptWhitespace(value.charAt(0))) {
      return value;
    }
    boolean onlyWhitespace =
        value.chars().allMatch(c -> TextNormalization.isJavascriptWhitespace((char) c));
    throw new InvalidParameterException(
        parameter,
        onlyWhitespace
            ? "is required and must not be only whitespace: the signed text drops such a value"
                + " with its line, and the values after it would take its place"
            : "must not start with whitespace: the signed text drops leading whitespace, so the"
                + " signature would not cover it");
  }

  /** Text that is already URL-encoded: every {@code %} must start a two-digit hex escape. */
  public static String preEncoded(String parameter, String value) {
    for (int i = value.indexOf('%'); i >= 0; i = value.indexOf('%', i + 1)) {
      if (i + 2 >= value.length() || !isHex(value.charAt(i + 1)) || !isHex(value.charAt(i + 2))) {
        throw new InvalidParameterException(
            parameter,
            "is declared as already URL-encoded, but the % at index "
                + i
                + " does not start a %XX escape; pass the encoded text");
      }
    }
    return value;
  }

  private static boolean isHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  /** A value that must be present. */
  public static <T> T notNull(String parameter, T value) {
    if (value == null) {
      throw new InvalidParameterException(parameter, "must not be null");
    }
    return value;
  }

  /**
   * A value sent in an HTTP header: it must be printable ASCII (space and tab included). A line
   * break would end the header and start another, and the JDK's HTTP client refuses other
   * characters. The exception never holds the value, since headers carry credentials. A null value
   * is refused as {@link #notNull} refuses it.
   */
  public static String headerValue(String parameter, String value) {
    notNull(parameter, value);
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if ((c < 0x20 && c != '\t') || c >= 0x7f) {
        throw new InvalidParameterException(
            parameter,
            "is sent as a header and must be printable ASCII, without line breaks (found U+"
                + String.format("%04X", (int) c)
                + " at index "
                + i
                + ")");
      }
    }
    return value;
  }
}
