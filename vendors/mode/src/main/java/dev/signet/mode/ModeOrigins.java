package dev.signet.mode;

import dev.signet.runtime.Origin;

/** The origins Mode serves embeds from. */
public final class ModeOrigins {
  /** {@code https://app.mode.com}, Mode's host today. */
  public static final Origin APP = Origin.https("app.mode.com");

  /** {@code https://modeanalytics.com}, its former host, which older embeds still use. */
  public static final Origin FORMER = Origin.https("modeanalytics.com");

  private ModeOrigins() {}
}
