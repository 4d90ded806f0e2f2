package dev.signet.codatum;

import dev.signet.runtime.JsonHttpClient;
import dev.signet.runtime.VendorRequestException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Issues Codatum tokens from the host's server. One per API origin; thread-safe.
 *
 * <pre>{@code
 * CodatumClient codatum = CodatumClient.of(CodatumClient.API_ORIGIN);
 * CodatumEmbedUrl embed = CodatumEmbedUrl.parse(integrationUrl);
 * IssuedToken token = codatum.issueToken(
 *     SignetCodatumIssueToken.builder()
 *         .apiKey(apiKey)
 *         .apiSecret(apiSecret)
 *         .integrationId(embed.integrationId())
 *         .pageId(pageId)
 *         .tokenUserId(user.id())
 *         .params(SignetSalesParams.encode(new SalesParams(...)))
 *         .build());
 * }</pre>
 */
public final class CodatumClient {
  /** Codatum's API origin. */
  public static final URI API_ORIGIN = URI.create("https://api.codatum.com");

  private final JsonHttpClient http;

  public CodatumClient(JsonHttpClient http) {
    this.http = Objects.requireNonNull(http, "http");
  }

  /** A client of {@code apiOrigin} that waits 10 seconds to connect and 30 for each answer. */
  public static CodatumClient of(URI apiOrigin) {
    return new CodatumClient(
        JsonHttpClient.of(apiOrigin, Duration.ofSeconds(10), Duration.ofSeconds(30)));
  }

  /**
   * Sends {@code request} and gives the token that Codatum issued.
   *
   * @throws VendorRequestException when Codatum refuses (its status and {@code message}, with the
   *     API secret redacted) or answers without a JWT in {@code token}
   * @throws IOException when Codatum could not be reached in time
   * @throws InterruptedException when the thread was interrupted while waiting
   */
  public IssuedToken issueToken(SignetCodatumIssueToken request)
      throws IOException, InterruptedException {
    return http.send(request, IssuedToken::fromAnswer);
  }
}
