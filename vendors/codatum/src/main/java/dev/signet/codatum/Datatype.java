package dev.signet.codatum;

/** The datatype of a Codatum notebook parameter, as Codatum's official mapper names them. */
public enum Datatype {
  /**
   * Taken from the component's type: {@code String} is {@link #STRING}, {@code boolean} is {@link
   * #BOOLEAN}, numbers are {@link #NUMBER}, {@code LocalDate} is {@link #DATE}, {@code
   * List<String>} is {@link #STRING_ARRAY} and {@code DateRange} is {@link #DATE_RANGE}.
   */
  AUTO,
  /** {@code STRING}: text. */
  STRING,
  /** {@code NUMBER}: a finite number (NaN is refused). */
  NUMBER,
  /** {@code BOOLEAN}. */
  BOOLEAN,
  /** {@code DATE}: {@code YYYY-MM-DD}. */
  DATE,
  /** {@code STRING[]}: a list of texts. */
  STRING_ARRAY,
  /** {@code [DATE, DATE]}: a start date and an end date. */
  DATE_RANGE
}
