package dev.signet.sigma;

import dev.signet.runtime.InvalidParameterException;
import java.util.Optional;

/** Sigma's rule across two parameters, which a declaration cannot state. */
public final class SigmaNames {
  private SigmaNames() {}

  /**
   * Refuses a first name without a last name, or the reverse: Sigma's documentation says each "must
   * be used with" the other.
   *
   * @throws InvalidParameterException naming the one that is missing
   */
  public static void requireBoth(Optional<String> firstName, Optional<String> lastName) {
    if (firstName.isPresent() && lastName.isEmpty()) {
      throw new InvalidParameterException(":last_name", "is required with :first_name");
    }
    if (lastName.isPresent() && firstName.isEmpty()) {
      throw new InvalidParameterException(":first_name", "is required with :last_name");
    }
  }
}
