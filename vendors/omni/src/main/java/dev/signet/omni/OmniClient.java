package dev.signet.omni;

import dev.signet.runtime.JsonHttpClient;
import dev.signet.runtime.JsonParser;
import dev.signet.runtime.Origin;
import dev.signet.runtime.VendorRequestException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Sends Omni's two JSON requests: {@code generate-url} and {@code generate-session}. One per Omni
 * host; thread-safe.
 *
 * <pre>{@code
 * OmniClient omni = OmniClient.of(OmniOrigins.organization("acme"));
 * String sessionId = omni.generateSession(
 *     SignetOmniGenerateSession.builder()
 *         .contentPath(OmniContentPaths.dashboard("1a2b3c4d"))
 *         .externalId("user-42")
 *         .name("Blob Ross")
 *         .apiKey(apiKey)
 *         .build());
 * String url = SignetOmniRedeemSession.builder().sessionId(sessionId).build()
 *     .signedUrl(OmniOrigins.organization("acme"), embedSecret);
 * }</pre>
 */
public final class OmniClient {
  private final JsonHttpClient http;

  public OmniClient(JsonHttpClient http) {
    this.http = Objects.requireNonNull(http, "http");
  }

  /**
   * A client of the Omni host {@code origin} that waits 10 seconds to connect and 30 for each
   * answer.
   */
  public static OmniClient of(Origin origin) {
    return new OmniClient(
        JsonHttpClient.of(
            URI.create(origin.toString()), Duration.ofSeconds(10), Duration.ofSeconds(30)));
  }

  /**
   * Sends {@code request} and gives the signed login URL that Omni answered with, {@code {"url":
   * ...}}.
   *
   * @throws VendorRequestException when Omni refuses (its status and {@code message}, with the
   *     secret redacted) or answers without a {@code url}
   * @throws IOException when Omni could not be reached in time
   * @throws InterruptedException when the thread was interrupted while waiting
   */
  public String generateUrl(SignetOmniGenerateUrl request)
      throws IOException, InterruptedException {
    return http.send(request, answer -> stringMember(answer, "url"));
  }

  /**
   * Sends {@code request} and gives the session id that Omni answered with, {@code {"sessionId":
   * ...}}, for {@link SignetOmniRedeemSession}; it is valid for five minutes.
   *
   * @throws VendorRequestException when Omni refuses (its status and {@code message}, with the API
   *     key redacted) or answers without a {@code sessionId}
   * @throws IOException when Omni could not be reached in time
   * @throws InterruptedException when the thread was interrupted while waiting
   */
  public String generateSession(SignetOmniGenerateSession request)
      throws IOException, InterruptedException {
    return http.send(request, answer -> stringMember(answer, "sessionId"));
  }

  /** The non-empty string {@code name} of the JSON object {@code answer}. */
  private static String stringMember(String answer, String name) {
    Object json;
    try {
      json = JsonParser.parse(answer);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the answer is not JSON");
    }
    if (!(json instanceof Map<?, ?> object)
        || !(object.get(name) instanceof String value)
        || value.isEmpty()) {
      throw new IllegalArgumentException("the answer has no \"" + name + "\" string");
    }
    return value;
  }
}
