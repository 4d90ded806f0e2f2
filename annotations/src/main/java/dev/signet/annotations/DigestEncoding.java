package dev.signet.annotations;

/** How the MAC's bytes are written as the signature's text. */
public enum DigestEncoding {
  /** RFC 4648 §5 base64url without {@code =} padding. */
  BASE64URL_UNPADDED,
  /** RFC 4648 §4 base64 with padding. */
  BASE64,
  /** Lower-case hexadecimal. */
  HEX
}
