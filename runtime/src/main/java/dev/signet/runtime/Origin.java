package dev.signet.runtime;

import java.net.IDN;
import java.util.Locale;

/**
 * The scheme, host and port that a signed request URL starts with, serialized as a WHATWG URL
 * serializes it: {@code https://} and the host in lower case, then {@code :port} unless the port is
 * 443. Vendors sign that text as the first line, so it must match theirs to the byte.
 */
public final class Origin {
  private static final int DEFAULT_PORT = 443;
  private static final String FORBIDDEN_HOST_CHARACTERS = " #%/:<>?@[\\]^|";

  /** ß, ς, zero-width joiner and non-joiner: IDNA2003 maps them away, UTS 46 keeps them. */
  private static final String IDNA_DEVIATIONS = "\u00DF\u03C2\u200D\u200C";

  private final String serialized;

  private Origin(String serialized) {
    this.serialized = serialized;
  }

  /** {@code https://host} on the default port. */
  public static Origin https(String host) {
    return https(host, DEFAULT_PORT);
  }

  /**
   * {@code https://host:port}, where the port is left out when it is 443.
   *
   * @throws InvalidParameterException when the host is empty or holds a character a host cannot
   *     have, or the port is outside 1–65535
   */
  public static Origin https(String host, int port) {
    if (port < 1 || port > 65535) {
      throw new InvalidParameterException("port", "must be between 1 and 65535");
    }
    String ascii = asciiHost(host);
    return new Origin("https://" + ascii + (port == DEFAULT_PORT ? "" : ":" + port));
  }

  private static String asciiHost(String host) {
    if (host.isEmpty()) {
      throw new InvalidParameterException("host", "must not be empty");
    }
    requireHostCharacters(host);
    for (char deviation : IDNA_DEVIATIONS.toCharArray()) {
      if (host.indexOf(deviation) >= 0) {
        // Java's IDN follows IDNA2003, browsers UTS 46: for these the two give different hosts.
        throw new InvalidParameterException(
            "host",
            "holds U+"
                + String.format("%04X", (int) deviation)
                + ", which browsers and Java"
                + " convert to different ASCII hosts; give the host in its ASCII (xn--) form");
      }
    }
    String ascii;
    try {
      ascii = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("host", "is not a valid internationalized host name");
    }
    // Again on the result: IDN's mapping turns some characters into forbidden ones, such as
    // U+FF0F FULLWIDTH SOLIDUS into "/".
    requireHostCharacters(ascii);
    return ascii;
  }

  private static void requireHostCharacters(String host) {
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      if (c <= ' ' || c == 0x7f || FORBIDDEN_HOST_CHARACTERS.indexOf(c) >= 0) {
        throw new InvalidParameterException(
            "host",
            "must be a bare host name such as analytics.example.com, without scheme, port, path"
                + " or spaces (found character U+"
                + String.format("%04X", (int) c)
                + ")");
      }
    }
  }

  /** The origin as it is signed and sent, such as {@code https://acme.example.com:8443}. */
  @Override
  public String toString() {
    return serialized;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Origin && serialized.equals(((Origin) other).serialized);
  }

  @Override
  public int hashCode() {
    return serialized.hashCode();
  }
}
