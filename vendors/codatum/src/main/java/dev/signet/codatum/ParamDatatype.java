package dev.signet.codatum;

/** The datatypes of Codatum notebook parameters, with the names Codatum's official mapper uses. */
public enum ParamDatatype {
  /** Text. */
  STRING("STRING"),
  /** A number that is not NaN. */
  NUMBER("NUMBER"),
  /** {@code true} or {@code false}. */
  BOOLEAN("BOOLEAN"),
  /** Text of the form {@code YYYY-MM-DD}. */
  DATE("DATE"),
  /** A list of texts. */
  STRING_ARRAY("STRING[]"),
  /** A list of two {@link #DATE}s: start and end. */
  DATE_RANGE("[DATE, DATE]");

  private final String officialName;

  ParamDatatype(String officialName) {
    this.officialName = officialName;
  }

  /** The name in Codatum's own definitions, such as {@code STRING[]} or {@code [DATE, DATE]}. */
  public String officialName() {
    return officialName;
  }

  /**
   * The datatype whose {@linkplain #officialName() official name} is {@code name}.
   *
   * @throws IllegalArgumentException for a name Codatum's mapper does not know
   */
  public static ParamDatatype ofOfficialName(String name) {
    for (ParamDatatype datatype : values()) {
      if (datatype.officialName.equals(name)) {
        return datatype;
      }
    }
    throw new IllegalArgumentException("no notebook param datatype is called " + name);
  }
}
