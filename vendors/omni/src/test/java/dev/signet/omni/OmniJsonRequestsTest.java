package dev.signet.omni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signet.omni.testing.VendorServer;
import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.JsonHttpClient;
import dev.signet.runtime.Origin;
import dev.signet.runtime.Secret;
import dev.signet.runtime.VendorRequestException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Omni's two JSON endpoints against a real HTTP server on a loopback port that plays Omni:
 * generate-session with a bearer API key, whose session id feeds the signed redeem-session URL, and
 * generate-url with the embed secret in the body.
 */
class OmniJsonRequestsTest {
  private static final String API_KEY = "omni_api_key_0123456789abcdef";
  private static final String EMBED_SECRET = "embed-secret-0123456789abcdefghij";
  private static final ObjectMapper JACKSON = new ObjectMapper();

  private VendorServer omni;
  private OmniClient client;

  @BeforeEach
  void start() throws Exception {
    omni = VendorServer.start();
    client =
        new OmniClient(
            JsonHttpClient.of(omni.baseUri(), Duration.ofSeconds(5), Duration.ofSeconds(5)));
  }

  @AfterEach
  void stop() {
    omni.close();
  }

  private static SignetOmniGenerateSession session() {
    return SignetOmniGenerateSession.builder()
        .contentPath(OmniContentPaths.dashboard("1a2b3c4d"))
        .externalId("user-42")
        .name("Blob Ross")
        .apiKey(API_KEY)
        .groups(List.of("engineering", "sales"))
        .userAttributes(Map.of("region", UserAttribute.of("us-east")))
        .uiSettings(new UiSettings(true))
        .entityFolderContentRole(ContentRole.VIEWER)
        .build();
  }

  @Test
  void generateSessionSendsTheLoginParametersAsJsonWithTheKeyAsABearerToken() throws Exception {
    omni.answer(200, "{\"sessionId\":\"sess_5f2a\"}");

    String sessionId = client.generateSession(session());

    assertEquals("sess_5f2a", sessionId);
    VendorServer.Received received = omni.only();
    assertEquals("POST", received.method());
    assertEquals("/api/unstable/embed/sso/generate-session", received.path());
    assertEquals("Bearer " + API_KEY, received.header("Authorization"));
    assertEquals("application/json", received.header("Content-Type"));
    assertEquals(
        JACKSON.readTree(
            "{\"contentPath\":\"/dashboards/1a2b3c4d\",\"externalId\":\"user-42\","
                + "\"name\":\"Blob Ross\",\"entityFolderContentRole\":\"VIEWER\","
                + "\"groups\":[\"engineering\",\"sales\"],\"uiSettings\":{\"showNavigation\":true},"
                + "\"userAttributes\":{\"region\":\"us-east\"}}"),
        JACKSON.readTree(received.body()));
    // The key is in the Authorization header and nowhere else.
    assertFalse(received.body().contains(API_KEY));
    assertEquals(1, received.everythingButTheBody().split(API_KEY, -1).length - 1);
    assertFalse(session().toString().contains(API_KEY), session().toString());
  }

  @Test
  void theSessionIdFeedsTheSignedRedeemSessionUrl() throws Exception {
    omni.answer(200, "{\"sessionId\":\"sess_5f2a\"}");
    String sessionId = client.generateSession(session());

    String url =
        SignetOmniRedeemSession.builder()
            .sessionId(sessionId)
            .nonce("0123456789abcdefghijABCDEFGHIJ01")
            .theme(Theme.VIBES)
            .build()
            .signedUrl(OmniOrigins.organization("acme"), Secret.ofUtf8(EMBED_SECRET));

    assertTrue(url.startsWith("https://acme.embed-omniapp.co/embed/sso/redeem-session?"), url);
    Map<String, String> query = query(url);
    assertEquals("sess_5f2a", query.get("sessionId"));
    assertEquals(
        dev.signet.omni.testing.Hmac.sha256Base64Url(
            EMBED_SECRET,
            "https://acme.embed-omniapp.co/embed/sso/redeem-session\n"
                + "0123456789abcdefghijABCDEFGHIJ01\nsess_5f2a\nvibes"),
        query.get("signature"));
  }

  @Test
  void aRefusedSessionCarriesOmnisMessageWithoutTheKey() {
    omni.answer(403, "{\"message\":\"API key " + API_KEY + " may not create embed sessions\"}");

    VendorRequestException refused =
        assertThrows(VendorRequestException.class, () -> client.generateSession(session()));

    assertEquals(403, refused.status());
    assertEquals(
        Optional.of("API key [redacted] may not create embed sessions"), refused.vendorMessage());
    assertFalse(refused.getMessage().contains(API_KEY));
  }

  @Test
  void anAnswerWithoutASessionId() {
    omni.answer(201, "{\"session\":\"sess_5f2a\"}");

    VendorRequestException unreadable =
        assertThrows(VendorRequestException.class, () -> client.generateSession(session()));

    assertEquals(201, unreadable.status());
    assertEquals(
        "POST /api/unstable/embed/sso/generate-session: the vendor's answer cannot be read: the"
            + " answer has no \"sessionId\" string",
        unreadable.getMessage());
  }

  @Test
  void generateUrlSendsTheSecretInTheBodyAndJsonValuesUrlEncoded() throws Exception {
    omni.answer(200, "{\"url\":\"https://acme.embed-omniapp.co/embed/login?signature=x\"}");
    SignetOmniGenerateUrl request =
        SignetOmniGenerateUrl.builder()
            .contentPath("/dashboards/12345678")
            .externalId("12345678")
            .name("foo")
            .secret(EMBED_SECRET)
            .userAttributes(Map.of("shop_id", UserAttribute.of("123")))
            .groups(List.of("a b", "ü"))
            .theme(Theme.DAWN)
            .build();

    String url = client.generateUrl(request);

    assertEquals("https://acme.embed-omniapp.co/embed/login?signature=x", url);
    VendorServer.Received received = omni.only();
    assertEquals("/embed/sso/generate-url", received.path());
    assertNull(received.header("Authorization"));
    JsonNode body = JACKSON.readTree(received.body());
    assertEquals(EMBED_SECRET, body.get("secret").asText());
    // As Omni's documentation shows it: the JSON text, URL-encoded, as a string.
    assertEquals("%7B%22shop_id%22%3A%22123%22%7D", body.get("userAttributes").asText());
    assertEquals("%5B%22a%20b%22%2C%22%C3%BC%22%5D", body.get("groups").asText());
    assertEquals("dawn", body.get("theme").asText());
    assertFalse(received.everythingButTheBody().contains(EMBED_SECRET));
    assertFalse(request.toString().contains(EMBED_SECRET), request.toString());
  }

  /**
   * Both bodies with every field set, to the byte: the order of their fields is the order of their
   * declarations (inherited ones first), so this pins what moving fields between the two
   * declarations and the interface they share may change.
   */
  @Test
  void everyFieldOfBothBodiesInItsPlace() throws Exception {
    omni.answer(200, "{\"url\":\"https://acme.embed-omniapp.co/embed/login?signature=x\"}");
    client.generateUrl(
        SignetOmniGenerateUrl.builder()
            .contentPath("/dashboards/1")
            .externalId("u-1")
            .name("Blob")
            .secret(EMBED_SECRET)
            .nonce("0123456789abcdefghijABCDEFGHIJ01")
            .accessBoost(true)
            .branch("main")
            .connectionRoles(Map.of("c1", "RESTRICTED_QUERIER"))
            .customTheme(Map.of("dashboard-background", "#fff"))
            .customThemeId("t1")
            .email("blob@example.com")
            .entity("acme")
            .entityFolderContentRole(ContentRole.EDITOR)
            .entityFolderGroupContentRole(ContentRole.VIEWER)
            .entityFolderLabel("Acme folder")
            .entityGroupLabel("Acme group")
            .filterSearchParam("f--region=west")
            .groups(List.of("g1"))
            .linkAccess("__omni_link_access_open")
            .mode(Mode.SINGLE_CONTENT)
            .modelRoles(Map.of("m1", "VIEWER"))
            .prefersDark(PrefersDark.SYSTEM)
            .preserveEntityFolderContentRole(false)
            .theme(Theme.VIBES)
            .uiSettings(new UiSettings(false))
            .userAttributes(Map.of("region", UserAttribute.of("west")))
            .build());
    omni.answer(200, "{\"sessionId\":\"sess_5f2a\"}");
    client.generateSession(
        SignetOmniGenerateSession.builder()
            .contentPath("/dashboards/1")
            .externalId("u-1")
            .name("Blob")
            .apiKey(API_KEY)
            .accessBoost(true)
            .branch("main")
            .connectionRoles(Map.of("c1", "RESTRICTED_QUERIER"))
            .customTheme(Map.of("dashboard-background", "#fff"))
            .customThemeId("t1")
            .email("blob@example.com")
            .entity("acme")
            .entityFolderContentRole(ContentRole.EDITOR)
            .entityFolderGroupContentRole(ContentRole.VIEWER)
            .entityFolderLabel("Acme folder")
            .entityGroupLabel("Acme group")
            .filterSearchParam("f--region=west")
            .groups(List.of("g1"))
            .linkAccess("__omni_link_access_open")
            .mode(Mode.SINGLE_CONTENT)
            .modelRoles(Map.of("m1", "VIEWER"))
            .preserveEntityFolderContentRole(false)
            .uiSettings(new UiSettings(false))
            .userAttributes(Map.of("region", UserAttribute.of("west")))
            .build());

    List<VendorServer.Received> received = omni.received();
    assertEquals(2, received.size());
    assertEquals(
        // The parameters both requests share (OmniUserParameters) first, then generate-url's own.
        "{\"contentPath\":\"/dashboards/1\",\"externalId\":\"u-1\",\"name\":\"Blob\","
            + "\"accessBoost\":true,"
            + "\"branch\":\"main\",\"connectionRoles\":\"%7B%22c1%22%3A%22RESTRICTED_QUERIER%22%7D\","
            + "\"customTheme\":\"%7B%22dashboard-background%22%3A%22%23fff%22%7D\",\"customThemeId\":\"t1\","
            + "\"email\":\"blob@example.com\",\"entity\":\"acme\",\"entityFolderContentRole\":\"EDITOR\","
            + "\"entityFolderGroupContentRole\":\"VIEWER\",\"entityFolderLabel\":\"Acme folder\","
            + "\"entityGroupLabel\":\"Acme group\",\"filterSearchParam\":\"f--region=west\","
            + "\"groups\":\"%5B%22g1%22%5D\",\"linkAccess\":\"__omni_link_access_open\","
            + "\"mode\":\"SINGLE_CONTENT\",\"modelRoles\":\"%7B%22m1%22%3A%22VIEWER%22%7D\","
            + "\"preserveEntityFolderContentRole\":false,"
            + "\"uiSettings\":\"%7B%22showNavigation%22%3Afalse%7D\","
            + "\"userAttributes\":\"%7B%22region%22%3A%22west%22%7D\","
            + "\"secret\":\""
            + EMBED_SECRET
            + "\",\"nonce\":\"0123456789abcdefghijABCDEFGHIJ01\",\"prefersDark\":\"system\","
            + "\"theme\":\"vibes\"}",
        received.get(0).body());
    assertEquals(
        "{\"contentPath\":\"/dashboards/1\",\"externalId\":\"u-1\",\"name\":\"Blob\",\"accessBoost\":true,"
            + "\"branch\":\"main\",\"connectionRoles\":{\"c1\":\"RESTRICTED_QUERIER\"},"
            + "\"customTheme\":{\"dashboard-background\":\"#fff\"},\"customThemeId\":\"t1\","
            + "\"email\":\"blob@example.com\",\"entity\":\"acme\",\"entityFolderContentRole\":\"EDITOR\","
            + "\"entityFolderGroupContentRole\":\"VIEWER\",\"entityFolderLabel\":\"Acme folder\","
            + "\"entityGroupLabel\":\"Acme group\",\"filterSearchParam\":\"f--region=west\","
            + "\"groups\":[\"g1\"],\"linkAccess\":\"__omni_link_access_open\",\"mode\":\"SINGLE_CONTENT\","
            + "\"modelRoles\":{\"m1\":\"VIEWER\"},\"preserveEntityFolderContentRole\":false,"
            + "\"uiSettings\":{\"showNavigation\":false},\"userAttributes\":{\"region\":\"west\"}}",
        received.get(1).body());
  }

  @Test
  void aRefusedUrlCarriesOmnisMessageWithoutTheSecret() {
    omni.answer(400, "{\"message\":\"bad secret '" + EMBED_SECRET + "'\"}");
    SignetOmniGenerateUrl request =
        SignetOmniGenerateUrl.builder()
            .contentPath("/dashboards/1")
            .externalId("1")
            .name("n")
            .secret(EMBED_SECRET)
            .build();

    VendorRequestException refused =
        assertThrows(VendorRequestException.class, () -> client.generateUrl(request));

    assertEquals(Optional.of("bad secret '[redacted]'"), refused.vendorMessage());
  }

  @Test
  void aHeaderValueCannotCarryALineBreak() {
    InvalidParameterException refused =
        assertThrows(
            InvalidParameterException.class,
            () ->
                SignetOmniGenerateSession.builder()
                    .contentPath("/my")
                    .externalId("u")
                    .name("n")
                    .apiKey(API_KEY + "\r\nX-Injected: 1")
                    .build());
    assertEquals("Authorization", refused.parameter());
    assertFalse(refused.getMessage().contains(API_KEY));
  }

  @Test
  void theOriginOfAnOmniHostIsItsBaseUri() {
    Origin origin = OmniOrigins.organization("acme");
    assertEquals("https://acme.embed-omniapp.co", origin.toString());
    assertEquals(
        "https://acme.embed-omniapp.co/api/unstable/embed/sso/generate-session",
        JsonHttpClient.of(
                java.net.URI.create(origin.toString()),
                Duration.ofSeconds(1),
                Duration.ofSeconds(1))
            .uriOf(session())
            .toString());
  }

  private static Map<String, String> query(String url) {
    Map<String, String> query = new java.util.LinkedHashMap<>();
    for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
      int equals = pair.indexOf('=');
      query.put(
          URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
    }
    return query;
  }
}
