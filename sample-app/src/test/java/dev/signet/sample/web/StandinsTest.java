package dev.signet.sample.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.codatum.CodatumClient;
import dev.signet.codatum.EncodedParam;
import dev.signet.codatum.IssuedToken;
import dev.signet.codatum.NotebookParamMapper;
import dev.signet.codatum.SignetCodatumIssueToken;
import dev.signet.omni.OmniContentPaths;
import dev.signet.omni.SignetOmniLogin;
import dev.signet.runtime.Secret;
import dev.signet.runtime.VendorRequestException;
import dev.signet.sample.server.Html;
import dev.signet.sample.standin.CodatumStandin;
import dev.signet.sample.standin.OmniStandin;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stand-ins over HTTP, without a browser: what they accept and what they refuse, and why. */
class StandinsTest {
  private static final String WORKSPACE = "66aa00000000000000000001";
  private static final String INTEGRATION = "66bb00000000000000000002";
  private static final String PAGE = "66cc00000000000000000001";
  private static final String PERIOD = "66a1b2c3d4e5f60718293a4c";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static CodatumStandin codatum;
  private static OmniStandin omni;
  private static CodatumClient client;

  @BeforeAll
  static void start() throws Exception {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    List<NotebookParamMapper.Param> params = NotebookPage.SALES.mapper().params();
    codatum =
        CodatumStandin.start(
            loopback,
            0,
            new CodatumStandin.Settings(
                WORKSPACE,
                INTEGRATION,
                Map.of("ak_permitted", "sk_one", "ak_other", "sk_two"),
                Set.of("ak_permitted"),
                List.of(new CodatumStandin.Page(PAGE, "Sales", params, Map.of()))));
    omni = OmniStandin.start(loopback, 0, Secret.ofUtf8("omni-secret"));
    client = CodatumClient.of(URI.create(codatum.baseUrl()));
  }

  @AfterAll
  static void stop() {
    codatum.close();
    omni.close();
  }

  private static SignetCodatumIssueToken request(String key, String secret) {
    return request(
        key, secret, List.of(new EncodedParam(PERIOD, "[\"2026-01-01\",\"2026-01-31\"]", false)));
  }

  private static SignetCodatumIssueToken request(
      String key, String secret, List<EncodedParam> params) {
    return SignetCodatumIssueToken.builder()
        .apiKey(key)
        .apiSecret(secret)
        .integrationId(INTEGRATION)
        .pageId(PAGE)
        .tokenUserId("user-42")
        .params(params)
        .build();
  }

  private static VendorRequestException refused(SignetCodatumIssueToken request) {
    return assertThrows(VendorRequestException.class, () -> client.issueToken(request));
  }

  @Test
  void issuesAOneHourTokenThatItsNotebookAccepts() throws Exception {
    IssuedToken token = client.issueToken(request("ak_permitted", "sk_one"));
    Duration left = Duration.between(Instant.now(), token.expiresAt());
    assertTrue(
        left.compareTo(Duration.ofMinutes(59)) > 0 && left.compareTo(Duration.ofMinutes(61)) < 0,
        left.toString());
    HttpResponse<String> check =
        post(
            codatum.baseUrl() + "/standin/api/token-check",
            "{\"token\":\"" + token.token() + "\"}");
    assertEquals(200, check.statusCode(), check.body());
    assertTrue(check.body().contains("\"user\":\"user-42\""), check.body());
    assertTrue(check.body().contains("2026-01-31"), check.body());

    // One character of the signature changed: refused.
    String jwt = token.token();
    char last = jwt.charAt(jwt.length() - 2);
    String forged =
        jwt.substring(0, jwt.length() - 2)
            + (last == 'A' ? 'B' : 'A')
            + jwt.charAt(jwt.length() - 1);
    HttpResponse<String> bad =
        post(codatum.baseUrl() + "/standin/api/token-check", "{\"token\":\"" + forged + "\"}");
    assertEquals(401, bad.statusCode());
  }

  @Test
  void checksTheKeyTheSecretAndThePermittedKeys() {
    VendorRequestException wrongSecret = refused(request("ak_permitted", "sk_two"));
    assertEquals(401, wrongSecret.status());
    assertEquals(401, refused(request("ak_unknown", "sk_one")).status());
    VendorRequestException notPermitted = refused(request("ak_other", "sk_two"));
    assertEquals(403, notPermitted.status());
    assertTrue(notPermitted.vendorMessage().orElseThrow().contains("permitted"));
  }

  @Test
  void checksPagesAndParams() {
    SignetCodatumIssueToken unknownPage =
        SignetCodatumIssueToken.builder()
            .apiKey("ak_permitted")
            .apiSecret("sk_one")
            .integrationId(INTEGRATION)
            .pageId("66cc00000000000000000099")
            .tokenUserId("u")
            .params(List.of())
            .build();
    assertEquals(404, refused(unknownPage).status());
    SignetCodatumIssueToken unknownParam =
        request(
            "ak_permitted",
            "sk_one",
            List.of(new EncodedParam("66a1b2c3d4e5f607182939ff", "1", false)));
    assertTrue(
        refused(unknownParam).vendorMessage().orElseThrow().contains("not an externalized param"));
    SignetCodatumIssueToken wrongType =
        request(
            "ak_permitted", "sk_one", List.of(new EncodedParam(PERIOD, "\"yesterday\"", false)));
    VendorRequestException typed = refused(wrongType);
    assertEquals(400, typed.status());
    assertTrue(
        typed.vendorMessage().orElseThrow().contains("period"),
        typed.vendorMessage().orElseThrow());
  }

  @Test
  void omniStandinVerifiesOnceAndRefusesReplaysAndForgeries() throws Exception {
    String signed =
        SignetOmniLogin.builder()
            .contentPath(OmniContentPaths.MY)
            .externalId("user-42")
            .name("Blob Ross")
            .build()
            .signedUrl(omni.signingOrigin(), Secret.ofUtf8("omni-secret"));
    String url = omni.browserUrl(signed);
    assertTrue(url.startsWith(omni.baseUrl() + "/embed/login?"), url);
    HttpResponse<String> first = get(url);
    // As Omni does, a good login redirects into a session, whose page survives a reload.
    assertEquals(303, first.statusCode());
    String session = first.headers().firstValue("Location").orElseThrow();
    assertTrue(session.matches("/embed/session/[A-Za-z0-9]{32}"), session);
    for (int load = 0; load < 2; load++) {
      HttpResponse<String> page = get(omni.baseUrl() + session);
      assertEquals(200, page.statusCode());
      assertTrue(page.body().contains("Welcome, Blob Ross"));
    }
    assertEquals(404, get(omni.baseUrl() + "/embed/session/" + "x".repeat(32)).statusCode());
    HttpResponse<String> replay = get(url);
    assertEquals(403, replay.statusCode());
    assertTrue(replay.body().contains("REPLAYED_NONCE"));
    String otherSecret =
        omni.browserUrl(
            SignetOmniLogin.builder()
                .contentPath(OmniContentPaths.MY)
                .externalId("user-42")
                .name("Blob Ross")
                .build()
                .signedUrl(omni.signingOrigin(), Secret.ofUtf8("not-the-secret")));
    HttpResponse<String> forged = get(otherSecret);
    assertEquals(403, forged.statusCode());
    assertTrue(forged.body().contains("BAD_SIGNATURE"));
    // Values are escaped on the refusal page.
    HttpResponse<String> script =
        get(
            omni.baseUrl()
                + "/embed/login?contentPath=%2Fmy&externalId=x&name=%3Cscript%3E"
                + "&nonce=0123456789abcdefghijABCDEFGHIJ01&signature=AAAA");
    assertFalse(script.body().contains("<script>"));
    assertTrue(script.body().contains("&lt;script&gt;"));
  }

  @Test
  void escapesHtml() {
    assertEquals(
        "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
        Html.escape("<a href=\"x\" title='y'>&</a>"));
    assertEquals("", Html.escape(null));
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String url, String json) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(url))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
