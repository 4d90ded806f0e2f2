package dev.signet.sample.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.runtime.Secret;
import dev.signet.runtime.Verification;
import dev.signet.sample.tools.Declarations;
import dev.signet.sample.tools.Description;
import dev.signet.sigma.SignetSigmaJwtEmbed;
import dev.signet.tableau.SignetTableauToken;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The builder and the inspector over real HTTP on loopback, with the local stand-ins: a form for
 * every vendor module's declaration, from its description; signing with the stand-ins' secrets or a
 * typed one; the inspector telling declarations apart and finding what was changed.
 */
class BuilderPagesTest {
  @TempDir static Path temp;
  private static SampleApp app;
  private static WebClient client;

  @BeforeAll
  static void start() throws Exception {
    app =
        SampleApp.start(
            new SampleApp.Options(0, temp.resolve("data"), 0, 0), VendorSettings.standins());
    client = new WebClient(app);
    client.signIn("user-42");
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  static Stream<Description> declarations() {
    return Declarations.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("declarations")
  void everyDeclarationHasAFieldForEachValue(Description description) throws Exception {
    HttpResponse<String> page = client.get("/builder?declaration=" + description.id());
    assertEquals(200, page.statusCode());
    for (Description.Property property : description.properties()) {
      assertTrue(
          page.body().contains("id=\"param-" + property.name() + "\""),
          () -> property.name() + " has no field: " + page.body());
      if (property.isSettable()) {
        assertTrue(page.body().contains("name=\"p." + property.name() + "\""), property.name());
      }
    }
    assertTrue(page.body().contains("<option value=\"" + description.id() + "\" selected>"));
  }

  @Test
  void theLookerFormStartsAsTheLookerPageSignsAndItsUrlLogsInAtTheStandin() throws Exception {
    HttpResponse<String> page = client.get("/builder?declaration=SignetLookerLogin");
    Map<String, String> form = formValues(page.body());
    assertEquals("user-42", form.get("p.externalUserId"));
    assertEquals("", form.get("p.nonce"), "a nonce is drawn afresh");
    form.put("p.sessionLength", "600");

    HttpResponse<String> signed = client.form("/builder", form);
    assertTrue(signed.body().contains("id=\"builder-check\">Verifies<"), signed.body());
    assertTrue(signed.body().contains("session_length"), signed.body());
    String open = attribute(signed.body(), "open-url", "href");
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> login =
        http.send(
            HttpRequest.newBuilder(URI.create(open)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(303, login.statusCode(), login.body());
  }

  @Test
  void aTableauTokenSignedWithATypedSecretVerifiesAndShowsItsClaims() throws Exception {
    Map<String, String> form = tableauForm();
    form.put("p.userAttributes", "{\"Region\":[\"West\"]}");
    HttpResponse<String> page = client.form("/builder", form);
    assertTrue(page.body().contains("id=\"builder-check\">Verifies<"), page.body());
    assertFalse(page.body().contains("tableau-typed-secret"), "the page shows the secret");
    String token = textarea(page.body(), "signed-url");
    Verification<SignetTableauToken> verified =
        SignetTableauToken.verifier(Map.of("secret-id-1", Secret.ofUtf8("tableau-typed-secret")))
            .verify(token);
    assertTrue(verified.isVerified(), verified::toString);
    assertEquals("ann@example.com", verified.request().orElseThrow().username());
    assertTrue(page.body().contains("&quot;Region&quot;:[&quot;West&quot;]"), page.body());
  }

  @Test
  void aValueTheBuilderRefusesIsNamedWithItsRule() throws Exception {
    Map<String, String> form = tableauForm();
    form.put("p.iat", "1762707394");
    form.put("p.exp", "1762708000");
    HttpResponse<String> page = client.form("/builder", form);
    assertTrue(page.body().contains("id=\"build-error\">Not signed: exp"), page.body());
    assertFalse(page.body().contains("id=\"signed-url\""), page.body());

    form.put("p.exp", "");
    form.put("p.scopes", "not json");
    HttpResponse<String> json = client.form("/builder", form);
    assertTrue(json.body().contains("Not signed: scp: not JSON"), json.body());
  }

  @Test
  void withoutASecretForAVendorTheAppDoesNotEmbedNothingIsSigned() throws Exception {
    Map<String, String> form = new HashMap<>();
    form.put("declaration", "SignetModeEmbed");
    form.put("where", "https://app.mode.com");
    form.put("p.org", "acme");
    form.put("p.report", "r1");
    form.put("p.accessKey", "key");
    HttpResponse<String> page = client.form("/builder", form);
    assertTrue(
        page.body().contains("id=\"build-error\">Not signed: secret: this app does not embed mode"),
        page.body());
  }

  @Test
  void aCodatumTokenRequestIsWrittenWithItsSecretRedacted() throws Exception {
    Map<String, String> form = new HashMap<>();
    form.put("declaration", "SignetCodatumIssueToken");
    form.put("p.apiKey", "codatum-key-1");
    form.put("p.apiSecret", "codatum-secret-never-shown");
    form.put("p.integrationId", "int-1");
    form.put("p.pageId", "page-1");
    form.put("p.tokenUserId", "user-42");
    form.put("p.params", "[{\"param_id\":\"p1\",\"param_value\":\"\\\"west\\\"\"}]");
    HttpResponse<String> page = client.form("/builder", form);
    String request = pre(page.body(), "request-text");
    assertTrue(request.startsWith("POST /api/notebook/issueToken"), request);
    assertTrue(request.contains("&quot;param_id&quot;:&quot;p1&quot;"), request);
    assertFalse(page.body().contains("codatum-secret-never-shown"), page.body());
  }

  @Test
  void theInspectorTellsTheDeclarationFromTheUrlAndVerifiesIt() throws Exception {
    Secret secret = Secret.ofUtf8("sigma-typed-secret");
    String url =
        SignetSigmaJwtEmbed.builder()
            .path("embed/1-abc")
            .email(dev.signet.sigma.SigmaEmail.of("ann@example.com"))
            .clientId("client-1")
            .jti("jti-1")
            .build()
            .url(dev.signet.runtime.SiteUrl.of("https://app.sigmacomputing.com"), secret);
    HttpResponse<String> page =
        client.form(
            "/inspector",
            Map.of("url", url, "secret", "sigma-typed-secret", "expected", "", "declaration", ""));
    assertTrue(page.body().contains("<code>SignetSigmaJwtEmbed</code>"), page.body());
    assertTrue(page.body().contains("data-verified=\"true\""), page.body());
    assertTrue(page.body().contains("id=\"unauthenticated\""), page.body());

    HttpResponse<String> tampered =
        client.form(
            "/inspector",
            Map.of(
                "url",
                url.replace("embed/1-abc", "embed/1-xyz"),
                "secret",
                "sigma-typed-secret",
                "expected",
                "",
                "declaration",
                ""));
    // The path travels unsigned: the token still verifies, and the path shows apart.
    assertTrue(tampered.body().contains("1-xyz"), tampered.body());

    HttpResponse<String> otherSecret =
        client.form(
            "/inspector",
            Map.of("url", url, "secret", "another-secret", "expected", "", "declaration", ""));
    assertTrue(otherSecret.body().contains("data-reason=\"BAD_SIGNATURE\""), otherSecret.body());
  }

  @Test
  void theInspectorNamesTheChangedLineOfALookerUrl() throws Exception {
    Map<String, String> form =
        formValues(client.get("/builder?declaration=SignetLookerLogin").body());
    HttpResponse<String> signed = client.form("/builder", form);
    String url = textarea(signed.body(), "signed-url");
    String text = pre(signed.body(), "signed-text").replace("&quot;", "\"");
    String tampered = url.replace("session_length=3600", "session_length=3599");
    HttpResponse<String> page =
        client.form(
            "/inspector",
            Map.of("url", tampered, "secret", "", "expected", text, "declaration", ""));
    assertTrue(page.body().contains("data-reason=\"BAD_SIGNATURE\""), page.body());
    assertTrue(page.body().contains("data-source=\"session_length\""), page.body());
  }

  /** A Tableau token's form, signed with a typed secret. */
  private static Map<String, String> tableauForm() {
    Map<String, String> form = new HashMap<>();
    form.put("declaration", "SignetTableauToken");
    form.put("secret", "tableau-typed-secret");
    form.put("p.secretId", "secret-id-1");
    form.put("p.clientId", "client-id-1");
    form.put("p.jti", "b6b4a3c2-0f6e-4bb9-9d55-2f1f0a8c1d11");
    form.put("p.username", "ann@example.com");
    form.put("p.scopes", "[\"tableau:views:embed\"]");
    return form;
  }

  /** The builder form's fields as the page fills them, as a browser would post them. */
  private static Map<String, String> formValues(String page) {
    String form = page.substring(page.indexOf("id=\"builder-form\""));
    Map<String, String> values = new HashMap<>();
    Matcher input =
        Pattern.compile(
                "<input type=\"(?:text|hidden|password)\"[^>]*? name=\"([^\"]+)\"(?: value=\"([^\"]*)\")?")
            .matcher(form);
    while (input.find()) {
      values.put(input.group(1), unescape(input.group(2) == null ? "" : input.group(2)));
    }
    Matcher area =
        Pattern.compile("<textarea[^>]*? name=\"([^\"]+)\"[^>]*>([^<]*)</textarea>").matcher(form);
    while (area.find()) {
      values.put(area.group(1), unescape(area.group(2)));
    }
    Matcher select =
        Pattern.compile("<select[^>]*? name=\"([^\"]+)\">(.*?)</select>").matcher(form);
    while (select.find()) {
      Matcher chosen =
          Pattern.compile("<option selected>([^<]*)</option>").matcher(select.group(2));
      values.put(select.group(1), chosen.find() ? unescape(chosen.group(1)) : "");
    }
    return values;
  }

  private static String unescape(String html) {
    return html.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  private static String textarea(String page, String id) {
    Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*>([^<]*)</textarea>").matcher(page);
    assertTrue(m.find(), page);
    return unescape(m.group(1));
  }

  private static String pre(String page, String id) {
    Matcher m = Pattern.compile("<pre id=\"" + id + "\">([^<]*)</pre>").matcher(page);
    assertTrue(m.find(), page);
    return m.group(1);
  }

  private static String attribute(String page, String id, String name) {
    Matcher m = Pattern.compile("id=\"" + id + "\"[^>]*? " + name + "=\"([^\"]*)\"").matcher(page);
    assertTrue(m.find(), page);
    return unescape(m.group(1));
  }
}
