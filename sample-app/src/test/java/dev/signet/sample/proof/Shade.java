package dev.signet.sample.proof;

import dev.signet.annotations.WireValue;

/** An enum for the proof requests: one constant with a wire value, the others by name. */
public enum Shade {
  @WireValue("light")
  LIGHT,
  DARK,
  /** A wire value with a space and a symbol, so that it is form-encoded in the URL. */
  @WireValue("high contrast+")
  HIGH_CONTRAST
}
