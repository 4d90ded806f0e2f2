package dev.signet.annotations;

/** What each parameter's line of the signed text holds. */
public enum SignedLines {
  /**
   * The value alone, as vendors such as Omni sign it. Names are not signed, so a value that fits
   * another parameter can be moved there without breaking the signature; the processor warns where
   * a declaration allows that.
   */
  VALUES,
  /**
   * {@code name=value}, both form-encoded as in the URL: no value can hold a separator or a line
   * break, and no two different requests have the same signed text. Choose this when you design
   * your own signed URLs.
   */
  NAMES_AND_VALUES
}
