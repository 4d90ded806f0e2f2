package dev.signet.annotations;

/** How a {@link SignedUrl}'s query writes names and values. */
public enum QueryEncoding {
  /** {@code application/x-www-form-urlencoded}: a space is {@code +}. */
  FORM,
  /**
   * RFC 3986, as PHP's {@code rawurlencode}: UTF-8, {@code A–Z a–z 0–9 - _ . ~} kept, every other
   * byte {@code %XX} in upper-case hex, a space {@code %20} (Mode).
   */
  RFC_3986
}
