package dev.signet.metabase;

import dev.signet.annotations.WireValue;

/** The themes of a Metabase embed, as {@code #theme=} names them. */
public enum MetabaseTheme {
  @WireValue("night")
  NIGHT,
  @WireValue("transparent")
  TRANSPARENT
}
