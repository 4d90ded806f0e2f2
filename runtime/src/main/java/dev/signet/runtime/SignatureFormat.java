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

    @Override
    int maxFormEncodedLength(MacAlgorithm algorithm) {
      return base64UrlLength(algorithm.macLength());
    }

    @Override
    int writeFormEncoded(byte[] mac, byte[] out, int at) {
      return writeBase64Url(mac, out, at);
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

  private static final byte[] BASE64URL_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
          .getBytes(StandardCharsets.US_ASCII);

  /** The length of {@code length} bytes in unpadded base64url. */
  static int base64UrlLength(int length) {
    return (4 * length + 2) / 3;
  }

  /**
   * Writes {@code bytes} in unpadded base64url, which form encoding keeps as it is, into {@code
   * out} from {@code at}; returns where it ends. Straight into the URL, without the encoder's
   * array.
   */
  static int writeBase64Url(byte[] bytes, byte[] out, int at) {
    int i = 0;
    for (; i + 3 <= bytes.length; i += 3) {
      int bits = (bytes[i] & 0xFF) << 16 | (bytes[i + 1] & 0xFF) << 8 | (bytes[i + 2] & 0xFF);
      out[at] = BASE64URL_ALPHABET[bits >>> 18];
      out[at + 1] = BASE64URL_ALPHABET[(bits >>> 12) & 0x3F];
      out[at + 2] = BASE64URL_ALPHABET[(bits >>> 6) & 0x3F];
      out[at + 3] = BASE64URL_ALPHABET[bits & 0x3F];
      at += 4;
    }
    int left = bytes.length - i;
    if (left > 0) {
      int bits = (bytes[i] & 0xFF) << 16 | (left == 2 ? (bytes[i + 1] & 0xFF) << 8 : 0);
      out[at++] = BASE64URL_ALPHABET[bits >>> 18];
      out[at++] = BASE64URL_ALPHABET[(bits >>> 12) & 0x3F];
      if (left == 2) {
        out[at++] = BASE64URL_ALPHABET[(bits >>> 6) & 0x3F];
      }
    }
    return at;
  }

  /** The signature's text. */
  public abstract String encode(byte[] mac);

  /**
   * Whether {@code received} is the signature's text of {@code mac}, compared in time that depends
   * on the lengths alone (which are public), never on where the two first differ.
   */
  boolean isSignatureOf(byte[] mac, String received) {
    byte[] expected = ascii(mac);
    if (expected.length != received.length()) {
      return false;
    }
    int difference = 0;
    for (int i = 0; i < expected.length; i++) {
      difference |= expected[i] ^ received.charAt(i);
    }
    return difference == 0;
  }

  /** The signature's text as the bytes of its ASCII characters. */
  byte[] ascii(byte[] mac) {
    return encode(mac).getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * At most how long the form-encoded signature of a MAC with {@code algorithm} is: no format is
   * longer than padded base64 with every character escaped.
   */
  int maxFormEncodedLength(MacAlgorithm algorithm) {
    return 3 * 4 * ((algorithm.macLength() + 2) / 3);
  }

  /**
   * Writes the form-encoded signature of {@code mac} into {@code out} from {@code at}, which has
   * room for {@link #maxFormEncodedLength}; returns where it ends.
   */
  int writeFormEncoded(byte[] mac, byte[] out, int at) {
    byte[] encoded = formEncoded(mac);
    System.arraycopy(encoded, 0, out, at, encoded.length);
    return at + encoded.length;
  }

  /** The signature's text, form-encoded for a URL's query, as the bytes of its ASCII characters. */
  byte[] formEncoded(byte[] mac) {
    String signature = encode(mac);
    byte[] encoded = new byte[signature.length() * FormEncoding.MAX_BYTES_PER_CHAR];
    return Arrays.copyOf(encoded, FormEncoding.encode(signature, encoded, 0));
  }
}
