package dev.signet.processor.signedurl;

import java.util.Optional;

/** Expands a declared alphabet such as {@code "0-9A-Za-z"} into the characters it names. */
final class Alphabets {
  private Alphabets() {}

  /**
   * The characters {@code declared} names, each once, in the order given; empty when a range runs
   * backwards or a character repeats.
   */
  static Optional<String> expand(String declared) {
    StringBuilder chars = new StringBuilder();
    for (int i = 0; i < declared.length(); i++) {
      char first = declared.charAt(i);
      boolean isRange = i + 2 < declared.length() && declared.charAt(i + 1) == '-';
      char last = isRange ? declared.charAt(i + 2) : first;
      if (last < first) {
        return Optional.empty();
      }
      for (char c = first; c <= last; c++) {
        if (chars.indexOf(String.valueOf(c)) >= 0) {
          return Optional.empty();
        }
        chars.append(c);
      }
      if (isRange) {
        i += 2;
      }
    }
    return chars.length() == 0 ? Optional.empty() : Optional.of(chars.toString());
  }
}
