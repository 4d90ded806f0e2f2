package dev.signet.runtime.internal;

import java.util.Arrays;

/** Replaces credentials in text that is about to be shown, logged or thrown. */
public final class Redaction {
  /** What stands in a text where a credential was. */
  public static final String REDACTED = "[redacted]";

  private Redaction() {}

  /**
   * {@code text} with every occurrence of each non-empty {@code secrets} value replaced by {@link
   * #REDACTED}; null secrets are skipped, and null text stays null. Longer secrets are replaced
   * first, so that one secret inside another cannot leave the rest of the longer one behind.
   */
  public static String redact(String text, String... secrets) {
    if (text == null) {
      return null;
    }
    String[] longestFirst = secrets.clone();
    Arrays.sort(
        longestFirst,
        (a, b) -> Integer.compare(b == null ? 0 : b.length(), a == null ? 0 : a.length()));
    String redacted = text;
    for (String secret : longestFirst) {
      if (secret != null && !secret.isEmpty()) {
        redacted = redacted.replace(secret, REDACTED);
      }
    }
    return redacted;
  }
}
