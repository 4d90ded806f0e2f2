package dev.signet.benchmarks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a developer writes in plain Java from Omni's "hard mode" instructions (sign the login URL
 * and the values, one per line, optional ones in the order of their names, with HMAC-SHA256,
 * base64url): {@code Mac.getInstance} and a new key on every call, {@code String.join} for the
 * signed text, {@code URLEncoder} for the query.
 *
 * <p>It is the benchmark's baseline, written to be fair to it: no streams, no regular expression.
 * It checks nothing (a line break in a value forges the lines after it), and it skips the SDK's
 * whitespace normalization, which changes nothing for the example request; both make it faster than
 * a correct signer, never slower. For the example request it writes the same URL, byte for byte, as
 * the generated signer (the smoke test checks that).
 */
public final class HandWrittenSigner {
  private HandWrittenSigner() {}

  /** The signed embed login URL; any optional value may be null. */
  public static String signedUrl(
      String secret,
      String organization,
      String contentPath,
      String externalId,
      String name,
      String nonce,
      String email,
      String entity,
      String theme,
      String userAttributesJson) {
    String loginUrl = "https://" + organization + ".embed-omniapp.co/embed/login";

    // Required values first, then the optional ones that are present, by name.
    Map<String, String> params = new LinkedHashMap<>();
    params.put("contentPath", contentPath);
    params.put("externalId", externalId);
    params.put("name", name);
    params.put("nonce", nonce);
    if (email != null) {
      params.put("email", email);
    }
    if (entity != null) {
      params.put("entity", entity);
    }
    if (theme != null) {
      params.put("theme", theme);
    }
    if (userAttributesJson != null) {
      params.put("userAttributes", userAttributesJson);
    }
    String signedText = loginUrl + "\n" + String.join("\n", params.values());

    String signature;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      byte[] digest = mac.doFinal(signedText.getBytes(StandardCharsets.UTF_8));
      signature = Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    params.put("signature", signature);

    StringJoiner query = new StringJoiner("&", loginUrl + "?", "");
    for (Map.Entry<String, String> param : params.entrySet()) {
      query.add(
          URLEncoder.encode(param.getKey(), StandardCharsets.UTF_8)
              + "="
              + URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8));
    }
    return query.toString();
  }
}
