package dev.signet.omni;

import dev.signet.annotations.WireValue;

/** Whether the embed is drawn dark. */
public enum PrefersDark {
  @WireValue("true")
  TRUE,
  @WireValue("false")
  FALSE,
  /** As the user's system prefers. */
  @WireValue("system")
  SYSTEM
}
