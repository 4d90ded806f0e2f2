package dev.signet.sigma;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.signet.runtime.InvalidParameterException;
import java.util.Optional;

/**
 * The version of a Sigma JWT's claims, {@code ver}, and its audience, {@code aud}: two claims with
 * a rule across them, so one value whose constructor holds it. {@link SigmaJwtEmbed} unwraps it
 * among the claims ({@code @JsonUnwrapped}), so that each is a claim of its own, and the verifier
 * reads them back through this constructor too.
 *
 * <p>Sigma's claims reference: {@code ver} is {@code "1.0"} or {@code "1.1"} ("The only accepted
 * values"), and version 1.1 requires {@code aud}, which is {@code "sigmacomputing"}.
 *
 * @param ver {@code "1.0"} or {@code "1.1"}, or empty to send no version
 * @param aud {@code "sigmacomputing"}, or empty to send no audience (not with version 1.1)
 */
public record SigmaVersion(
    @JsonProperty("ver") Optional<String> ver, @JsonProperty("aud") Optional<String> aud) {
  /** The audience of Sigma's tokens. */
  public static final String AUDIENCE = "sigmacomputing";

  /** The version that requires the audience. */
  public static final String V1_1 = "1.1";

  /**
   * @throws InvalidParameterException naming {@code ver} or {@code aud} and the rule it breaks
   */
  public SigmaVersion {
    ver = ver == null ? Optional.empty() : ver;
    aud = aud == null ? Optional.empty() : aud;
    if (ver.isEmpty() && aud.isEmpty()) {
      throw new InvalidParameterException(
          "ver", "a version gives ver, aud or both; send none by giving no version");
    }
    if (ver.isPresent() && !ver.get().equals("1.0") && !ver.get().equals(V1_1)) {
      throw new InvalidParameterException(
          "ver", "must be \"1.0\" or \"1.1\", the only values Sigma accepts");
    }
    if (aud.isPresent() && !aud.get().equals(AUDIENCE)) {
      throw new InvalidParameterException("aud", "must be \"" + AUDIENCE + "\"");
    }
    if (ver.equals(Optional.of(V1_1)) && aud.isEmpty()) {
      throw new InvalidParameterException(
          "aud", "is required with ver \"1.1\": give \"" + AUDIENCE + "\"");
    }
  }

  /** Version 1.1 and its audience. */
  public static SigmaVersion v1_1() {
    return new SigmaVersion(Optional.of(V1_1), Optional.of(AUDIENCE));
  }

  /**
   * The version that {@code ver} and {@code aud} give, or empty when neither is given.
   *
   * @throws InvalidParameterException naming {@code ver} or {@code aud} and the rule it breaks
   */
  public static Optional<SigmaVersion> of(Optional<String> ver, Optional<String> aud) {
    return ver.isEmpty() && aud.isEmpty()
        ? Optional.empty()
        : Optional.of(new SigmaVersion(ver, aud));
  }
}
