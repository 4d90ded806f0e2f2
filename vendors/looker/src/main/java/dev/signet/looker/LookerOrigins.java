package dev.signet.looker;

import dev.signet.runtime.Origin;

/** The origins Looker instances are reached at. */
public final class LookerOrigins {
  private LookerOrigins() {}

  /**
   * The origin of {@code host}, as the browser reaches the instance: {@code mycompany.looker.com},
   * or {@code analytics.example.com:9999} with a port.
   *
   * @throws IllegalArgumentException for a host an origin cannot have, or a port out of range
   */
  public static Origin of(String host) {
    int colon = host.lastIndexOf(':');
    if (colon < 0) {
      return Origin.https(host);
    }
    int port;
    try {
      port = Integer.parseInt(host.substring(colon + 1));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("the port after ':' in the host is not a number");
    }
    return Origin.https(host.substring(0, colon), port);
  }
}
