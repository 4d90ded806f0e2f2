package dev.signet.omni;

import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.Origin;

/** Where an Omni organization's embeds are served: its own embed host, or a vanity host. */
public final class OmniOrigins {
  private static final String EMBED_DOMAIN = ".embed-omniapp.co";

  private OmniOrigins() {}

  /** {@code https://ORGANIZATION.embed-omniapp.co}. */
  public static Origin organization(String organizationName) {
    return organization(organizationName, 443);
  }

  /** {@code https://ORGANIZATION.embed-omniapp.co:PORT}, the port left out when it is 443. */
  public static Origin organization(String organizationName, int port) {
    if (organizationName.isEmpty()
        || !organizationName.matches("[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?")) {
      throw new InvalidParameterException(
          "organizationName",
          "must be the organization's name as in its Omni URL: letters, digits and inner hyphens,"
              + " such as acme");
    }
    return Origin.https(organizationName + EMBED_DOMAIN, port);
  }

  /**
   * The origin from either a vanity host or an organization name, exactly one of which must be
   * given (non-null and non-empty), as Omni's SDK takes them.
   *
   * @param port null for the default port
   */
  public static Origin of(String host, String organizationName, Integer port) {
    boolean hasHost = host != null && !host.isEmpty();
    boolean hasOrganization = organizationName != null && !organizationName.isEmpty();
    if (hasHost == hasOrganization) {
      throw new InvalidParameterException(
          "host",
          hasHost
              ? "give either host or organizationName, not both"
              : "give either host (a vanity host) or organizationName");
    }
    int effectivePort = port == null ? 443 : port;
    return hasHost
        ? Origin.https(host, effectivePort)
        : organization(organizationName, effectivePort);
  }
}
