package dev.signet.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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

    @Override
    byte[] ascii(byte[] mac) {
      return BASE64URL.encode(mac);
    }

    /** Form encoding keeps every character of base64url's alphabet: the text's bytes are it. */
    @Override
    byte[] formEncoded(byte[] mac) {
      return ascii(mac);
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

  /** The signature's text as the bytes of its ASCII characters. */
  byte[] ascii(byte[] mac) {
    return encode(mac).getBytes(StandardCharsets.US_ASCII);
  }

  /** The signature's text, form-encoded for a URL's query, as the bytes of its ASCII characters. */
  byte[] formEncoded(byte[] mac) {
    String signature = encode(mac);
    byte[] encoded = new byte[signature.length() * FormEncoding.MAX_BYTES_PER_CHAR];
    return Arrays.copyOf(encoded, FormEncoding.encode(signature, encoded, 0));
  }
}
