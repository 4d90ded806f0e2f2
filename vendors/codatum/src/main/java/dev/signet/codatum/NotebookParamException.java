package dev.signet.codatum;

/**
 * Notebook parameters break a rule of their definitions, with the error kinds of Codatum's official
 * mapper. The message names the parameter by its key (the field of the declared type).
 */
public final class NotebookParamException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The official mapper's error kinds. */
  public enum Kind {
    /** A required parameter has no value, or (when decoding) is reset to its default. */
    MISSING_REQUIRED_PARAM,
    /** A value does not fit the parameter's datatype. */
    INVALID_PARAM_VALUE
  }

  private final Kind kind;
  private final String param;
  private final String paramId;

  /**
   * @param param the parameter's key
   * @param paramId the parameter's id in the notebook
   * @param problem what is wrong, to follow the key in the message
   */
  public NotebookParamException(Kind kind, String param, String paramId, String problem) {
    super(param + ": " + problem);
    this.kind = kind;
    this.param = param;
    this.paramId = paramId;
  }

  /** Which of the official mapper's errors this is. */
  public Kind kind() {
    return kind;
  }

  /** The key of the parameter at fault: the field name of a declared type. */
  public String param() {
    return param;
  }

  /** The notebook's id of the parameter at fault. */
  public String paramId() {
    return paramId;
  }
}
