package dev.signet.sample.codatum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signet.codatum.CodatumClient;
import dev.signet.codatum.CodatumEmbedUrl;
import dev.signet.codatum.EncodedParam;
import dev.signet.codatum.IssuedToken;
import dev.signet.codatum.Jwts;
import dev.signet.codatum.ParamValue;
import dev.signet.codatum.SignetCodatumIssueToken;
import dev.signet.omni.testing.VendorServer;
import dev.signet.runtime.JsonHttpClient;
import dev.signet.runtime.VendorRequestException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Codatum's token issuance against a real HTTP server on a loopback port that plays Codatum: the
 * body is the documented JSON, the secret goes nowhere else, and refusals come back typed.
 */
class CodatumTokenServerTest {
  private static final String API_SECRET = "sk_live_Zm9vYmFyYmF6cXV4-0123456789";
  private static final String EMBED_URL =
      "https://app.codatum.com/protected/workspace/66a1b2c3d4e5f60718293a4b/notebook/66a1b2c3d4e5f60718293aff";
  private static final ObjectMapper JACKSON = new ObjectMapper();

  private VendorServer codatum;
  private CodatumClient client;

  @BeforeEach
  void start() throws Exception {
    codatum = VendorServer.start();
    client =
        new CodatumClient(
            JsonHttpClient.of(codatum.baseUri(), Duration.ofSeconds(5), Duration.ofSeconds(5)));
  }

  @AfterEach
  void stop() {
    codatum.close();
  }

  private static SignetCodatumIssueToken request(List<EncodedParam> params) {
    return SignetCodatumIssueToken.builder()
        .apiKey("ak_0123456789")
        .apiSecret(API_SECRET)
        .integrationId(CodatumEmbedUrl.parse(EMBED_URL).integrationId())
        .pageId("page-1")
        .tokenUserId("user-42")
        .params(params)
        .expiresIn(600)
        .build();
  }

  @Test
  void sendsTheDocumentedJsonAndReadsTheToken() throws Exception {
    String jwt = Jwts.expiringAt(1_893_456_000L);
    codatum.answer(200, "{\"token\":\"" + jwt + "\"}");
    List<EncodedParam> params =
        SignetSalesParams.encode(
            new SalesParams(
                "store_001",
                ParamValue.resetToDefault(),
                Optional.of(List.of("Electronics")),
                Optional.empty(),
                Optional.empty(),
                Optional.of(true)));

    IssuedToken token = client.issueToken(request(params));

    assertEquals(jwt, token.token());
    assertEquals(Instant.ofEpochSecond(1_893_456_000L), token.expiresAt());
    VendorServer.Received received = codatum.only();
    assertEquals("POST", received.method());
    assertEquals("/api/notebook/issueToken", received.path());
    assertNull(received.query());
    assertEquals("application/json", received.header("Content-Type"));
    assertEquals(
        JACKSON.readTree(
            "{\"api_key\":\"ak_0123456789\",\"api_secret\":\""
                + API_SECRET
                + "\","
                + "\"integration_id\":\"66a1b2c3d4e5f60718293aff\",\"page_id\":\"page-1\","
                + "\"token_user_id\":\"user-42\",\"params\":["
                + "{\"param_id\":\"66a1b2c3d4e5f60718293a4b\",\"param_value\":\"\\\"store_001\\\"\",\"is_hidden\":true},"
                + "{\"param_id\":\"66a1b2c3d4e5f60718293a4c\",\"param_value\":\"_RESET_TO_DEFAULT_\"},"
                + "{\"param_id\":\"66a1b2c3d4e5f60718293a4d\",\"param_value\":\"[\\\"Electronics\\\"]\"},"
                + "{\"param_id\":\"66a1b2c3d4e5f60718293a50\",\"param_value\":\"true\"}],"
                + "\"expires_in\":600}"),
        JACKSON.readTree(received.body()));
    // The body is exactly the request's, byte for byte.
    assertEquals(request(params).body(), received.body());
  }

  @Test
  void theSecretGoesInTheBodyAndNowhereElse() throws Exception {
    codatum.answer(200, "{\"token\":\"" + Jwts.expiringAt(1_893_456_000L) + "\"}");
    SignetCodatumIssueToken request = request(List.of());

    client.issueToken(request);

    VendorServer.Received received = codatum.only();
    JsonNode body = JACKSON.readTree(received.body());
    assertEquals(API_SECRET, body.get("api_secret").asText());
    assertEquals(1, received.body().split(API_SECRET, -1).length - 1, "once in the body");
    assertFalse(
        received.everythingButTheBody().contains(API_SECRET), received.everythingButTheBody());
    assertFalse(request.toString().contains(API_SECRET), request.toString());
    assertTrue(request.toString().contains("api_secret=[redacted]"), request.toString());
  }

  @Test
  void aRefusalCarriesCodatumsMessageWithoutTheSecret() {
    codatum.answer(
        401, "{\"message\":\"Invalid API secret " + API_SECRET + " for key ak_0123456789\"}");

    VendorRequestException refused =
        assertThrows(VendorRequestException.class, () -> client.issueToken(request(List.of())));

    assertEquals(401, refused.status());
    assertEquals("POST /api/notebook/issueToken", refused.request());
    assertEquals(
        Optional.of("Invalid API secret [redacted] for key ak_0123456789"),
        refused.vendorMessage());
    assertEquals(
        "POST /api/notebook/issueToken: the vendor answered with status 401: Invalid API secret"
            + " [redacted] for key ak_0123456789",
        refused.getMessage());
    StringWriter trace = new StringWriter();
    refused.printStackTrace(new PrintWriter(trace));
    assertFalse(trace.toString().contains(API_SECRET));
  }

  @Test
  void aRefusalWithoutAJsonMessage() {
    codatum.answer(502, "text/html", "<html><body>Bad gateway</body></html>");

    VendorRequestException refused =
        assertThrows(VendorRequestException.class, () -> client.issueToken(request(List.of())));

    assertEquals(502, refused.status());
    assertEquals(Optional.empty(), refused.vendorMessage());
    assertEquals(
        "POST /api/notebook/issueToken: the vendor answered with status 502", refused.getMessage());
  }

  @Test
  void anAnswerWithoutAToken() {
    codatum.answer(200, "{\"tokens\":[]}");

    VendorRequestException unreadable =
        assertThrows(VendorRequestException.class, () -> client.issueToken(request(List.of())));

    assertEquals(200, unreadable.status());
    assertEquals(
        "POST /api/notebook/issueToken: the vendor's answer cannot be read: the answer has no"
            + " \"token\" string",
        unreadable.getMessage());
  }

  @Test
  void anAnswerWhoseTokenIsNoJwt() {
    codatum.answer(200, "{\"token\":\"opaque-token-text\"}");

    VendorRequestException unreadable =
        assertThrows(VendorRequestException.class, () -> client.issueToken(request(List.of())));

    assertTrue(unreadable.getMessage().contains("a JWT has three parts"), unreadable.getMessage());
    assertFalse(unreadable.getMessage().contains("opaque-token-text"));
  }

  @Test
  void aSlowAnswerTimesOut() throws Exception {
    codatum.delay(3_000).answer(200, "{\"token\":\"" + Jwts.expiringAt(1_893_456_000L) + "\"}");
    CodatumClient impatient =
        new CodatumClient(
            JsonHttpClient.of(codatum.baseUri(), Duration.ofSeconds(5), Duration.ofMillis(300)));

    HttpTimeoutException timeout =
        assertThrows(HttpTimeoutException.class, () -> impatient.issueToken(request(List.of())));

    assertFalse(String.valueOf(timeout.getMessage()).contains(API_SECRET));
  }
}
