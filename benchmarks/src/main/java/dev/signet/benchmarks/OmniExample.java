package dev.signet.benchmarks;

import dev.signet.omni.OmniOrigins;
import dev.signet.omni.SignetOmniLogin;
import dev.signet.omni.Theme;
import dev.signet.omni.UserAttribute;
import dev.signet.runtime.Origin;
import dev.signet.runtime.Secret;
import java.util.Map;

/**
 * The request every benchmark signs: an Omni embed login of a dashboard for one user, with a few
 * optional values, as a backend signs it on a page view. The nonce is fixed so that every operation
 * signs the same text; a real signer draws one per URL (see {@code
 * SignBenchmark.signetBuildAndSign}'s note).
 *
 * <p>Run {@code java -cp benchmarks/target/benchmarks.jar dev.signet.benchmarks.OmniExample} to
 * print the signed text, the signed URL and its signature.
 */
public final class OmniExample {
  public static final String SECRET = "demo-secret-not-for-production";
  public static final String ORGANIZATION = "acme";
  public static final String CONTENT_PATH = "/dashboards/1a2b3c4d";
  public static final String EXTERNAL_ID = "user-42";
  public static final String NAME = "Blob Ross";
  public static final String NONCE = "0123456789abcdefghijABCDEFGHIJ01";
  public static final String EMAIL = "blob.ross@example.com";
  public static final String ENTITY = "acme-west";
  public static final Theme THEME = Theme.VIBES;

  /** {@link #THEME}'s wire value. */
  public static final String THEME_TEXT = "vibes";

  public static final String USER_ATTRIBUTE = "region";
  public static final String USER_ATTRIBUTE_VALUE = "west";

  /** The user attributes' JSON text, as the SDK's {@code JSON.stringify} writes it. */
  public static final String USER_ATTRIBUTES_JSON = "{\"region\":\"west\"}";

  private OmniExample() {}

  public static Secret secret() {
    return Secret.ofUtf8(SECRET);
  }

  public static Origin origin() {
    return OmniOrigins.organization(ORGANIZATION);
  }

  /** The request, built with Signet's generated builder. */
  public static SignetOmniLogin request() {
    return SignetOmniLogin.builder()
        .contentPath(CONTENT_PATH)
        .externalId(EXTERNAL_ID)
        .name(NAME)
        .nonce(NONCE)
        .email(EMAIL)
        .entity(ENTITY)
        .theme(THEME)
        .userAttributes(Map.of(USER_ATTRIBUTE, UserAttribute.of(USER_ATTRIBUTE_VALUE)))
        .build();
  }

  /** Prints the signed text, the signed URL and its signature. */
  public static void main(String[] args) {
    SignetOmniLogin request = request();
    String url = request.signedUrl(origin(), secret());
    System.out.println("signed text:");
    System.out.println(request.canonicalText(origin()));
    System.out.println("signed URL:");
    System.out.println(url);
    System.out.println("signature:");
    System.out.println(url.substring(url.lastIndexOf("signature=") + "signature=".length()));
  }
}
