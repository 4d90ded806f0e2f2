package dev.signet.annotations;

/** How a parameter's value becomes the text that is signed and sent. */
public enum Encoding {
  /** {@link #JSON} for maps, lists and records; {@link #TEXT} for everything else. */
  AUTO,
  /**
   * The value as text: a {@code String} as it is, a boolean as {@code true} or {@code false}, a
   * number in decimal, an enum constant as its {@link WireValue} or name.
   */
  TEXT,
  /**
   * The value written as compact JSON (no spaces). Supports strings, booleans, numbers, enums,
   * records, {@code Map}s with {@code String} or enum keys, {@code List}s, and types that implement
   * {@code dev.signet.runtime.JsonWritable}.
   */
  JSON,
  /**
   * A {@code String} that is already URL-encoded, such as a dashboard's filter query: it is signed
   * exactly as given (its {@code %} escapes must be well formed) and form-encoded once more in the
   * URL.
   */
  PRE_ENCODED
}
