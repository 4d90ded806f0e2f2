package dev.signet.omni.testing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Omni's signature computed straight from the JDK, to check Signet's against. */
public final class Hmac {
  private Hmac() {}

  /**
   * HMAC-SHA256 of {@code text}'s UTF-8 bytes keyed with {@code secret}'s, as unpadded base64url.
   */
  public static String sha256Base64Url(String secret, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
