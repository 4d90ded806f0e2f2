package dev.signet.processor.model;

/** Jackson's {@code JsonInclude.Include} values that Signet writes the same way. */
public enum Inclusion {
  /** Always written; an absent optional as {@code null}. Also {@code NON_NULL}, for fields. */
  ALWAYS,
  /** Left out when an optional is absent. */
  NON_ABSENT,
  /**
   * Left out when absent, and a required field also when its string, list or map is empty; an
   * Optional that holds an empty value is written, as Jackson writes it.
   */
  NON_EMPTY
}
