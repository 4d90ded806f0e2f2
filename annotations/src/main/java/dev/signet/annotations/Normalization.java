package dev.signet.annotations;

/** What the vendor does to the joined signed text before computing the MAC. */
public enum Normalization {
  /** The text is signed as it is joined. */
  NONE,
  /**
   * JavaScript whitespace ({@code \s}: tab, LF, VT, FF, CR, space, U+00A0, U+1680, U+2000–U+200A,
   * U+2028, U+2029, U+202F, U+205F, U+3000, U+FEFF) is trimmed from both ends of the text, and
   * every line feed followed by such whitespace becomes a single line feed: {@code
   * text.trim().replace(/\n\s+/g, "\n")}. Omni's SDK does this, so leading whitespace of a value is
   * not signed and a value made of whitespace vanishes with its line.
   */
  JAVASCRIPT_TRIM_LINES
}
