package dev.signet.sigma;

import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.Json;
import dev.signet.runtime.JsonWritable;
import dev.signet.runtime.TextNormalization;

/**
 * The embed user's email address, a Sigma JWT's {@code sub}, as Sigma admits it: its claims
 * reference says the address "must be RFC-1035 compliant, and not include white space or
 * unsupported characters, such as underscores". So it holds no white space (JavaScript's {@code
 * \s}, which Sigma's servers test, not Java's {@link Character#isWhitespace}), no underscore, and
 * an {@code @} with something before it; its domain, after the last {@code @}, is an RFC 1035 name
 * (§2.3.1): two labels or more, each of ASCII letters, digits and hyphens, starting with a letter,
 * ending with a letter or digit, at most 63 characters. Which other characters Sigma refuses it
 * does not say, so no other is refused here.
 */
public final class SigmaEmail implements JsonWritable {
  private static final String CLAIM = "sub";
  private static final int LONGEST_LABEL = 63;

  private final String address;

  private SigmaEmail(String address) {
    this.address = address;
  }

  /**
   * The address {@code address}.
   *
   * @throws InvalidParameterException naming {@code sub} and the rule it breaks
   */
  public static SigmaEmail of(String address) {
    if (address == null || address.isEmpty()) {
      throw new InvalidParameterException(CLAIM, "is required and must not be empty");
    }
    for (int i = 0; i < address.length(); i++) {
      char c = address.charAt(i);
      if (TextNormalization.isJavascriptWhitespace(c)) {
        throw new InvalidParameterException(
            CLAIM,
            String.format(
                "must not include white space (U+%04X at index %d): Sigma refuses it", (int) c, i));
      }
      if (c == '_') {
        throw new InvalidParameterException(
            CLAIM, "must not include an underscore (index " + i + "): Sigma refuses it");
      }
    }
    int at = address.lastIndexOf('@');
    if (at < 1) {
      throw new InvalidParameterException(
          CLAIM, "must be an email address, a name, @ and a domain, such as ann@example.com");
    }
    checkDomain(address.substring(at + 1));
    return new SigmaEmail(address);
  }

  private static void checkDomain(String domain) {
    String[] labels = domain.split("\\.", -1);
    if (labels.length < 2) {
      throw new InvalidParameterException(
          CLAIM,
          "the domain after @ must be an RFC 1035 name of two labels or more, such as"
              + " example.com");
    }
    for (String label : labels) {
      String fault = labelFault(label);
      if (fault != null) {
        throw new InvalidParameterException(
            CLAIM, "the domain after @ must be an RFC 1035 name, and its label " + fault);
      }
    }
  }

  /** What makes {@code label} no label of an RFC 1035 name, or null when it is one. */
  private static String labelFault(String label) {
    if (label.isEmpty()) {
      return "between two dots, or at an end, is empty";
    }
    String quoted = "\"" + label + "\"";
    if (label.length() > LONGEST_LABEL) {
      return quoted + " is longer than " + LONGEST_LABEL + " characters";
    }
    if (!letter(label.charAt(0))) {
      return quoted + " must start with a letter";
    }
    if (!letter(label.charAt(label.length() - 1)) && !digit(label.charAt(label.length() - 1))) {
      return quoted + " must end with a letter or a digit";
    }
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (!letter(c) && !digit(c) && c != '-') {
        return quoted + " may hold ASCII letters, digits and hyphens only";
      }
    }
    return null;
  }

  private static boolean letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * Reads an address back from a verified token.
   *
   * @throws InvalidParameterException naming {@code sub} unless it is a string Sigma admits
   */
  public static SigmaEmail fromJson(Object json) {
    if (json instanceof String address) {
      return of(address);
    }
    throw new InvalidParameterException(CLAIM, "must be a JSON string, an email address");
  }

  /** The address as given. */
  public String address() {
    return address;
  }

  @Override
  public void writeJson(StringBuilder out) {
    Json.appendString(out, address);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SigmaEmail && address.equals(((SigmaEmail) other).address);
  }

  @Override
  public int hashCode() {
    return address.hashCode();
  }

  /** The address. */
  @Override
  public String toString() {
    return address;
  }
}
