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
import dev.signet.looker.SignetLookerLogin;
import dev.signet.metabase.MetabaseDashboard;
import dev.signet.metabase.MetabaseParam;
import dev.signet.metabase.MetabaseQuestion;
import dev.signet.metabase.SignetMetabaseDashboardEmbed;
import dev.signet.metabase.SignetMetabaseQuestionEmbed;
import dev.signet.omni.OmniContentPaths;
import dev.signet.omni.SignetOmniLogin;
import dev.signet.runtime.InMemoryNonceStore;
import dev.signet.runtime.MacAlgorithm;
import dev.signet.runtime.Origin;
import dev.signet.runtime.Secret;
import dev.signet.runtime.VendorRequestException;
import dev.signet.sample.server.Html;
import dev.signet.sample.standin.CodatumStandin;
import dev.signet.sample.standin.LookerStandin;
import dev.signet.sample.standin.MetabaseStandin;
import dev.signet.sample.standin.OmniStandin;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
  private static final Secret METABASE_KEY =
      Secret.ofUtf8("a3f9c1d2e4b5a6978877665544332211a3f9c1d2e4b5a6978877665544332211");
  private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

  private static CodatumStandin codatum;
  private static OmniStandin omni;
  private static LookerStandin looker;
  private static MetabaseStandin metabase;
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
    looker = LookerStandin.start(loopback, 0, Secret.ofUtf8("looker-secret"));
    metabase = MetabaseStandin.start(loopback, 0, METABASE_KEY);
    client = CodatumClient.of(URI.create(codatum.baseUrl()));
  }

  @AfterAll
  static void stop() {
    codatum.close();
    omni.close();
    looker.close();
    metabase.close();
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

  /** A login as the host app signs one: the demo user, their name sent unsigned. */
  private static SignetLookerLogin.BuildStage lookerLogin() {
    return SignetLookerLogin.builder()
        .target("/embed/dashboards/1")
        .sessionLength(3600)
        .externalUserId("user-42")
        .permissions(List.of("access_data", "see_user_dashboards"))
        .models(List.of("thelook"))
        .externalGroupId("Acme Paints")
        .firstName("Blob")
        .lastName("Ross")
        .forceLogoutLogin(true);
  }

  @Test
  void lookerStandinVerifiesOnceAndShowsTheUnsignedValuesApart() throws Exception {
    String signed =
        lookerLogin().build().signedUrl(looker.signingOrigin(), Secret.ofUtf8("looker-secret"));
    // Looker's first signed line is the host as the browser reaches it: the stand-in's own.
    assertTrue(signed.startsWith(looker.signingOrigin() + "/login/embed/%2Fembed%2F"), signed);
    String url = looker.browserUrl(signed);
    assertTrue(url.startsWith(looker.baseUrl() + "/login/embed/"), url);
    HttpResponse<String> first = get(url);
    assertEquals(303, first.statusCode(), first.body());
    String session = first.headers().firstValue("Location").orElseThrow();
    assertTrue(session.matches("/embed/session/[A-Za-z0-9]{32}"), session);
    for (int load = 0; load < 2; load++) {
      HttpResponse<String> page = get(looker.baseUrl() + session);
      assertEquals(200, page.statusCode());
      String[] parts = page.body().split("<section class=\"unsigned\">");
      String signedPart = parts[0];
      String unsignedPart = parts[1];
      assertTrue(signedPart.contains("<span id=\"external-user-id\">user-42</span>"), signedPart);
      assertTrue(
          signedPart.contains(
              "data-param=\"permissions\">[&quot;access_data&quot;,&quot;see_user_dashboards&quot;]"),
          signedPart);
      assertTrue(signedPart.contains("data-param=\"external_group_id\">Acme Paints"), signedPart);
      assertTrue(signedPart.contains("data-param=\"target\">/embed/dashboards/1</td>"), signedPart);
      assertFalse(signedPart.contains("Blob"), "the unsigned name is kept apart");
      assertTrue(unsignedPart.contains("data-param=\"first_name\">&quot;Blob&quot;"), unsignedPart);
      assertTrue(unsignedPart.contains("data-param=\"last_name\">&quot;Ross&quot;"), unsignedPart);
      assertTrue(unsignedPart.contains("data-param=\"force_logout_login\">true"), unsignedPart);
    }
    HttpResponse<String> replay = get(url);
    assertEquals(403, replay.statusCode());
    assertTrue(replay.body().contains("data-reason=\"REPLAYED_NONCE\""), replay.body());
  }

  @Test
  void lookerStandinRefusesTamperedAndForeignUrlsButNotAChangedUnsignedName() throws Exception {
    String url =
        looker.browserUrl(
            lookerLogin()
                .build()
                .signedUrl(looker.signingOrigin(), Secret.ofUtf8("looker-secret")));
    String moreModels =
        url.replace("models=%5B%22thelook%22%5D", "models=%5B%22thelook%22%2C%22hr%22%5D");
    assertFalse(moreModels.equals(url));
    HttpResponse<String> tampered = get(moreModels);
    assertEquals(403, tampered.statusCode());
    assertTrue(tampered.body().contains("data-reason=\"BAD_SIGNATURE\""), tampered.body());
    // The refusal shows the text rebuilt from what was received, the changed line with it.
    assertTrue(tampered.body().contains("[&quot;thelook&quot;,&quot;hr&quot;]"), tampered.body());
    String otherTarget = url.replace("%2Fembed%2Fdashboards%2F1?", "%2Fembed%2Fdashboards%2F2?");
    assertTrue(get(otherTarget).body().contains("data-reason=\"BAD_SIGNATURE\""));
    HttpResponse<String> otherSecret =
        get(
            looker.browserUrl(
                lookerLogin()
                    .build()
                    .signedUrl(looker.signingOrigin(), Secret.ofUtf8("not-the-secret"))));
    assertTrue(otherSecret.body().contains("data-reason=\"BAD_SIGNATURE\""));
    // Signed for another host: Looker's first line differs.
    HttpResponse<String> otherHost =
        get(
            looker.browserUrl(
                lookerLogin()
                    .build()
                    .signedUrl(Origin.https("127.0.0.1", 1), Secret.ofUtf8("looker-secret"))
                    .replace("https://127.0.0.1:1", looker.signingOrigin().toString())));
    assertTrue(otherHost.body().contains("data-reason=\"BAD_SIGNATURE\""), otherHost.body());

    // first_name is not signed: changed, the URL still logs in, and the page shows it as received,
    // among the unauthenticated values only.
    HttpResponse<String> renamed =
        get(url.replace("first_name=%22Blob%22", "first_name=%22Mallory%22"));
    assertEquals(303, renamed.statusCode(), renamed.body());
    String page =
        get(looker.baseUrl() + renamed.headers().firstValue("Location").orElseThrow()).body();
    String[] parts = page.split("<section class=\"unsigned\">");
    assertFalse(parts[0].contains("Mallory"), parts[0]);
    assertTrue(parts[1].contains("data-param=\"first_name\">&quot;Mallory&quot;"), parts[1]);

    // Values are escaped on the refusal page.
    HttpResponse<String> script =
        get(url.replace("external_user_id=%22user-42%22", "external_user_id=%22%3Cscript%3E%22"));
    assertTrue(script.body().contains("data-reason=\"BAD_SIGNATURE\""), script.body());
    assertFalse(script.body().contains("<script>"), script.body());
    assertTrue(script.body().contains("&quot;&lt;script&gt;&quot;"), script.body());
  }

  @Test
  void lookerStandinRefusesAUrlOutsideItsFiveMinutes() throws Exception {
    Instant now = Instant.parse("2026-03-01T12:00:00Z");
    try (LookerStandin fixed =
        LookerStandin.start(
            InetAddress.getByName("127.0.0.1"),
            0,
            Secret.ofUtf8("looker-secret"),
            new InMemoryNonceStore(100, LookerStandin.NONCE_LIFE),
            Clock.fixed(now, ZoneOffset.UTC))) {
      Secret secret = Secret.ofUtf8("looker-secret");
      long seconds = now.getEpochSecond();
      HttpResponse<String> stale =
          get(
              fixed.browserUrl(
                  lookerLogin()
                      .time(seconds - 301)
                      .build()
                      .signedUrl(fixed.signingOrigin(), secret)));
      assertEquals(403, stale.statusCode());
      assertTrue(stale.body().contains("data-reason=\"EXPIRED\""), stale.body());
      HttpResponse<String> ahead =
          get(
              fixed.browserUrl(
                  lookerLogin()
                      .time(seconds + 301)
                      .build()
                      .signedUrl(fixed.signingOrigin(), secret)));
      assertTrue(ahead.body().contains("data-reason=\"NOT_YET_VALID\""), ahead.body());
      for (long offset : new long[] {-300, 300}) {
        HttpResponse<String> within =
            get(
                fixed.browserUrl(
                    lookerLogin()
                        .time(seconds + offset)
                        .build()
                        .signedUrl(fixed.signingOrigin(), secret)));
        assertEquals(303, within.statusCode(), offset + ": " + within.body());
      }
    }
  }

  /**
   * A dashboard embed as the host app signs one: a user's locked filters. The tenant tells the
   * tests' tokens apart: two signed alike within a second are one token, accepted once.
   */
  private static SignetMetabaseDashboardEmbed.BuildStage metabaseEmbed(String tenant) {
    Map<String, MetabaseParam> params = new LinkedHashMap<>();
    params.put("tenant", MetabaseParam.of(tenant));
    params.put("region", MetabaseParam.ofList(List.of("east", "north")));
    return SignetMetabaseDashboardEmbed.builder()
        .resource(MetabaseDashboard.of(1))
        .params(params)
        .bordered(true)
        .titled(true);
  }

  /** The URL up to its fragment: what a browser sends. */
  private static String sent(String url) {
    int hash = url.indexOf('#');
    return hash < 0 ? url : url.substring(0, hash);
  }

  /** A token with {@code header} and {@code claims}, signed with {@code secret} as HS256 signs. */
  private static String token(String header, String claims, Secret secret) {
    String signed =
        BASE64URL.encodeToString(header.getBytes(StandardCharsets.UTF_8))
            + "."
            + BASE64URL.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    return signed
        + "."
        + BASE64URL.encodeToString(
            secret.mac(MacAlgorithm.HMAC_SHA256, signed.getBytes(StandardCharsets.UTF_8)));
  }

  /** The reason the Metabase stand-in gives for refusing {@code token}, which it must refuse. */
  private static String metabaseRefusal(String token) throws Exception {
    HttpResponse<String> refused = get(metabase.baseUrl() + "/embed/dashboard/" + token);
    assertEquals(403, refused.statusCode(), refused.body());
    Matcher reason = Pattern.compile("data-reason=\"([A-Z_]+)\"").matcher(refused.body());
    assertTrue(reason.find(), refused.body());
    return reason.group(1);
  }

  @Test
  void metabaseStandinVerifiesATokenOnceAndShowsWhatItSigned() throws Exception {
    SignetMetabaseDashboardEmbed embed = metabaseEmbed("Acme Paints").build();
    String url = embed.url(metabase.siteUrl(), METABASE_KEY);
    assertTrue(url.startsWith(metabase.baseUrl() + "/embed/dashboard/eyJ"), url);
    assertTrue(url.endsWith("#bordered=true&titled=true"), url);
    HttpResponse<String> first = get(sent(url));
    assertEquals(303, first.statusCode(), first.body());
    String session = first.headers().firstValue("Location").orElseThrow();
    assertTrue(session.matches("/embed/session/[A-Za-z0-9]{32}"), session);
    for (int load = 0; load < 2; load++) {
      HttpResponse<String> page = get(metabase.baseUrl() + session);
      assertEquals(200, page.statusCode());
      String body = page.body();
      assertTrue(body.contains("<span id=\"dashboard-id\">1</span>"), body);
      assertTrue(body.contains("data-param=\"resource\">{&quot;dashboard&quot;:1}</td>"), body);
      assertTrue(body.contains("data-param=\"params.tenant\">&quot;Acme Paints&quot;</td>"), body);
      assertTrue(
          body.contains("data-param=\"params.region\">[&quot;east&quot;,&quot;north&quot;]</td>"),
          body);
      assertTrue(
          body.contains(
              "data-param=\"exp\">"
                  + embed.exp()
                  + " ("
                  + Instant.ofEpochSecond(embed.exp())
                  + ")</td>"),
          body);
      assertEquals(600, embed.exp() - embed.iat());
      // The fragment never reached the server: the options are the page script's to show.
      assertTrue(body.contains("<table id=\"appearance\" hidden></table>"), body);
      assertTrue(body.contains("<script src=\"/static/standin-metabase.js\">"), body);
    }
    HttpResponse<String> script = get(metabase.baseUrl() + "/static/standin-metabase.js");
    assertEquals(200, script.statusCode());
    assertTrue(script.body().contains("window.location.hash"), script.body());
    HttpResponse<String> replay = get(sent(url));
    assertEquals(403, replay.statusCode());
    assertTrue(replay.body().contains("data-reason=\"REPLAYED_NONCE\""), replay.body());
    assertEquals(404, get(metabase.baseUrl() + "/embed/session/" + "x".repeat(32)).statusCode());
  }

  @Test
  void metabaseStandinRefusesTamperedForeignAndMalformedTokens() throws Exception {
    String token = metabaseEmbed("Initech").build().token(METABASE_KEY);
    String[] parts = token.split("\\.");
    String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    // Another tenant under the same signature.
    String otherTenant = claims.replace("\"Initech\"", "\"Evil Corp\"");
    assertFalse(otherTenant.equals(claims));
    assertEquals(
        "BAD_SIGNATURE",
        metabaseRefusal(
            parts[0]
                + "."
                + BASE64URL.encodeToString(otherTenant.getBytes(StandardCharsets.UTF_8))
                + "."
                + parts[2]));
    assertEquals(
        "BAD_SIGNATURE",
        metabaseRefusal(
            metabaseEmbed("Initech").build().token(Secret.ofUtf8("not-the-secret-key"))));
    assertEquals(
        "UNSUPPORTED_ALGORITHM",
        metabaseRefusal(
            BASE64URL.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8))
                + "."
                + parts[1]
                + "."));
    // The URL around the token is checked too: its path's form, and a query Metabase does not
    // take.
    assertEquals("WRONG_ENDPOINT", metabaseRefusal(token + "/more"));
    assertEquals("UNKNOWN_PARAMETER", metabaseRefusal(token + "?bordered=true"));
    assertEquals("MALFORMED_TOKEN", metabaseRefusal(token.replace(".", "%2E")));
    // A question's token, rightly signed, is no dashboard's.
    String question =
        SignetMetabaseQuestionEmbed.builder()
            .resource(MetabaseQuestion.of(1))
            .params(Map.of())
            .build()
            .token(METABASE_KEY);
    assertEquals("INVALID_VALUE", metabaseRefusal(question));
    // Longer-lived than the ten minutes Metabase's snippet signs for.
    assertEquals(
        "INVALID_VALUE",
        metabaseRefusal(
            metabaseEmbed("Initech").timeToLive(Duration.ofHours(1)).build().token(METABASE_KEY)));
    // The verifier names the claim at fault; the page escapes it.
    HttpResponse<String> script =
        get(
            metabase.baseUrl()
                + "/embed/dashboard/"
                + token(
                    "{\"alg\":\"HS256\",\"typ\":\"JWT\"}",
                    claims.replace("{\"resource\"", "{\"<script>\":1,\"resource\""),
                    METABASE_KEY));
    assertTrue(script.body().contains("data-reason=\"UNKNOWN_PARAMETER\""), script.body());
    assertFalse(script.body().contains("<script>"), script.body());
    assertTrue(script.body().contains("(&lt;script&gt;)"), script.body());
    // Only GET: a HEAD would use the token up and show nothing.
    HttpResponse<Void> head =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(metabase.baseUrl() + "/embed/dashboard/" + token))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.discarding());
    assertEquals(405, head.statusCode());
    assertEquals(303, get(metabase.baseUrl() + "/embed/dashboard/" + token).statusCode());
  }

  @Test
  void metabaseStandinRefusesATokenOutsideItsLifetimeByItsClock() throws Exception {
    Instant now = Instant.parse("2026-03-01T12:00:00Z");
    long seconds = now.getEpochSecond();
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    try (MetabaseStandin fixed =
        MetabaseStandin.start(
            loopback,
            0,
            METABASE_KEY,
            new InMemoryNonceStore(100, MetabaseStandin.NONCE_LIFE),
            Clock.fixed(now, ZoneOffset.UTC))) {
      // Expired a minute and a second ago: past the minute of skew.
      String expired =
          metabaseEmbed("Acme Paints")
              .iat(seconds - 661)
              .build()
              .url(fixed.siteUrl(), METABASE_KEY);
      HttpResponse<String> late = get(sent(expired));
      assertEquals(403, late.statusCode());
      assertTrue(late.body().contains("data-reason=\"EXPIRED\""), late.body());
      String ahead =
          metabaseEmbed("Acme Paints").iat(seconds + 61).build().url(fixed.siteUrl(), METABASE_KEY);
      assertTrue(get(sent(ahead)).body().contains("data-reason=\"NOT_YET_VALID\""));
      for (long issued : new long[] {seconds - 659, seconds + 60}) {
        String fresh =
            metabaseEmbed("Acme Paints").iat(issued).build().url(fixed.siteUrl(), METABASE_KEY);
        HttpResponse<String> within = get(sent(fresh));
        assertEquals(303, within.statusCode(), issued - seconds + ": " + within.body());
      }
    }
    // A store that forgets tokens before they expire could let one be replayed: refused, before a
    // port is taken.
    IllegalArgumentException shortStore =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                MetabaseStandin.start(
                    loopback,
                    0,
                    METABASE_KEY,
                    new InMemoryNonceStore(100, Duration.ofMinutes(5)),
                    Clock.systemUTC()));
    assertTrue(shortStore.getMessage().contains("could be replayed"), shortStore.getMessage());
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
