package dev.signet.runtime;

import java.util.Base64;
import java.util.HexFormat;

/** How a MAC's bytes are written as a signature's text. */
public enum SignatureFormat {
  /** RFC 4648 §5 base64url without padding. */
  BASE64URL_UNPADDED {
    @Override
    public String encode(byte[] mac) {
      return BASE64URL.encodeToString(mac);
    }
  },
  /** RFC 4648 §4 base64 with padding. */
  BASE64 {
    @Override
    public String encode(byte[] mac) {
      return Base64.getEncoder().encodeToString(mac);
    }
  },
  /** Lower-case hexadecimal. */
  HEX {
    @Override
    public String encode(byte[] mac) {
      return HexFormat.of().formatHex(mac);
    }
  };

  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  /** The signature's text. */
  public abstract String encode(byte[] mac);
}
