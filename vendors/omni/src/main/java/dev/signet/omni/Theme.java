package dev.signet.omni;

import dev.signet.annotations.WireValue;

/** One of Omni's built-in themes. */
public enum Theme {
  @WireValue("vibes")
  VIBES,
  @WireValue("dawn")
  DAWN,
  @WireValue("breeze")
  BREEZE,
  @WireValue("blank")
  BLANK
}
