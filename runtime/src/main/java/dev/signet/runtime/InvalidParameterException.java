package dev.signet.runtime;

/**
 * A request parameter's value breaks one of the rules of the request it belongs to. The message
 * names the parameter and the rule; it never holds a secret.
 */
public final class InvalidParameterException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String parameter;

  /**
   * @param parameter the parameter's wire name; {@code problem} says what rule its value breaks
   */
  public InvalidParameterException(String parameter, String problem) {
    super(parameter + ": " + problem);
    this.parameter = parameter;
  }

  /** The wire name of the parameter whose value was refused. */
  public String parameter() {
    return parameter;
  }
}
