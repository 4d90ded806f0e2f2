package dev.signet.codatum;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Tokens shaped as Codatum issues them; their signatures are not real, as the host never checks
 * them.
 */
public final class Jwts {
  private Jwts() {}

  /** A JWT whose payload is {@code payloadJson}. */
  public static String withPayload(String payloadJson) {
    Base64.Encoder base64Url = Base64.getUrlEncoder().withoutPadding();
    return base64Url.encodeToString(
            "{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8))
        + "."
        + base64Url.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8))
        + "."
        + base64Url.encodeToString(
            "not-a-real-signature-0123456789ab".getBytes(StandardCharsets.UTF_8));
  }

  /** A JWT that expires at {@code exp}, in seconds since the epoch. */
  public static String expiringAt(long exp) {
    return withPayload("{\"sub\":\"user-42\",\"exp\":" + exp + "}");
  }
}
