package dev.signet.sample.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signet.omni.OmniOrigins;
import dev.signet.omni.SignetOmniLogin;
import dev.signet.runtime.Secret;
import dev.signet.runtime.Verification;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a review found in the host app, each checked over real HTTP on loopback: who may use the
 * builder and the inspector, the Host and Origin checks, secrets kept out of pages, limits and
 * errors answered clearly.
 */
class HostAppHardeningTest {
  private static final String REAL_SECRET = "omni-live-secret-for-hardening";
  private static final Map<String, String> REAL_OMNI =
      Map.of("OMNI_EMBED_SECRET", REAL_SECRET, "OMNI_ORGANIZATION", "acme");
  private static final String PERIOD_ID = "66a1b2c3d4e5f60718293a4c";
  private static final String CATEGORIES_ID = "66a1b2c3d4e5f60718293a4d";

  @TempDir Path temp;

  private SampleApp realOmni(boolean devTools) throws Exception {
    return SampleApp.start(
        new SampleApp.Options(0, temp.resolve("data"), 0, 0, devTools),
        VendorSettings.from(REAL_OMNI));
  }

  private SampleApp standins() {
    return SampleApp.start(
        new SampleApp.Options(0, temp.resolve("data"), 0, 0), VendorSettings.standins());
  }

  private static Map<String, String> loginForm(String externalId) {
    return Map.of(
        "declaration",
        "SignetOmniLogin",
        "where",
        "https://acme.embed-omniapp.co",
        "secret",
        "",
        "p.contentPath",
        "/my",
        "p.externalId",
        externalId,
        "p.name",
        "Anyone",
        "p.accessBoost",
        "true");
  }

  @Test
  void theToolsNeedASignedInUser() throws Exception {
    try (SampleApp app = standins()) {
      WebClient client = new WebClient(app);
      for (String path : List.of("/builder", "/inspector")) {
        HttpResponse<String> page = client.get(path);
        assertEquals(303, page.statusCode(), path);
        assertEquals(
            "/?signin=required&then=" + URLEncoder.encode(path, StandardCharsets.UTF_8),
            page.headers().firstValue("Location").orElseThrow());
        HttpResponse<String> posted = client.form(path, loginForm("user-7"));
        assertEquals(303, posted.statusCode(), path);
        assertFalse(posted.body().contains("signature="), posted.body());
      }
    }
  }

  @Test
  void withTheRealSecretTheToolsAreOffUnlessTurnedOn() throws Exception {
    try (SampleApp app = realOmni(false)) {
      WebClient client = new WebClient(app);
      client.signIn("user-42");
      for (String path : List.of("/builder", "/inspector")) {
        HttpResponse<String> page = client.get(path);
        assertEquals(403, page.statusCode(), path);
        assertTrue(page.body().contains("id=\"tools-off\""), page.body());
        assertTrue(page.body().contains("serve --dev-tools"), page.body());
      }
      HttpResponse<String> posted = client.form("/builder", loginForm("user-42"));
      assertEquals(403, posted.statusCode());
      assertFalse(posted.body().contains("signature="), posted.body());
    }
  }

  @Test
  void turnedOnWithTheRealSecretTheBuilderSignsOnlyForTheSignedInUser() throws Exception {
    try (SampleApp app = realOmni(true)) {
      WebClient client = new WebClient(app);
      client.signIn("user-42");
      HttpResponse<String> other = client.form("/builder", loginForm("user-7"));
      assertEquals(200, other.statusCode());
      assertTrue(other.body().contains("id=\"build-error\""), other.body());
      assertFalse(other.body().contains("signature="), other.body());

      HttpResponse<String> own = client.form("/builder", loginForm("user-42"));
      Matcher url =
          Pattern.compile("id=\"signed-url\"[^>]*>([^<]+)</textarea>").matcher(own.body());
      assertTrue(url.find(), own.body());
      Verification<SignetOmniLogin> verified =
          SignetOmniLogin.verifier(OmniOrigins.organization("acme"), Secret.ofUtf8(REAL_SECRET))
              .verifyUrl(url.group(1).replace("&amp;", "&"));
      assertTrue(verified.isVerified(), verified::toString);
      assertEquals("user-42", verified.request().orElseThrow().externalId());
      assertFalse(own.body().contains(REAL_SECRET));
    }
  }

  @Test
  void aTypedSecretIsNotEchoedInThePage() throws Exception {
    String typed = "TYPED-secret-never-echoed-4711";
    try (SampleApp app = standins()) {
      WebClient client = new WebClient(app);
      client.signIn("user-42");
      Map<String, String> fields = new HashMap<>(loginForm("user-42"));
      fields.put("secret", typed);
      HttpResponse<String> builder = client.form("/builder", fields);
      assertEquals(200, builder.statusCode());
      assertTrue(builder.body().contains("id=\"signed-url\""), builder.body());
      assertFalse(builder.body().contains(typed), "the builder echoes the secret");
      HttpResponse<String> inspector =
          client.form(
              "/inspector",
              Map.of(
                  "url",
                  "https://acme.embed-omniapp.co/embed/login?x=1",
                  "secret",
                  typed,
                  "expected",
                  ""));
      assertEquals(200, inspector.statusCode());
      assertFalse(inspector.body().contains(typed), "the inspector echoes the secret");
      // Nor does the builder's first page carry the stand-in's secret.
      assertFalse(client.get("/builder").body().matches("(?s).*id=\"secret\"[^>]*value=.*"));
    }
  }

  @Test
  void theInspectorComparesWithThePastedUrlsOwnHost() throws Exception {
    try (SampleApp app = standins()) {
      WebClient client = new WebClient(app);
      client.signIn("user-42");
      Secret secret = Secret.ofUtf8("inspector-secret");
      SignetOmniLogin login =
          SignetOmniLogin.builder()
              .contentPath("/my")
              .externalId("user-42")
              .name("Blob Ross")
              .build();
      String signed = login.signedUrl(OmniOrigins.organization("acme"), secret);
      String moved = signed.replace("acme.embed-omniapp.co", "evil.embed-omniapp.co");
      HttpResponse<String> page =
          client.form(
              "/inspector", Map.of("url", moved, "secret", "inspector-secret", "expected", signed));
      assertTrue(page.body().contains("id=\"diff\" data-line=\"1\""), page.body());
    }
  }

  @Test
  void noPageLogLineOrToStringShowsTheRealSecrets() throws Exception {
    String lookerSecret = "looker-live-secret-for-hardening";
    Map<String, String> env = new HashMap<>(REAL_OMNI);
    env.put("LOOKER_EMBED_SECRET", lookerSecret);
    env.put("LOOKER_HOST", "mycompany.looker.com");
    env.put("LOOKER_MODELS", "thelook");
    String metabaseKey = "metabase-live-key-for-hardening-0123456789abcdef0123456789abcdef";
    env.put("METABASE_SITE_URL", "https://example.com/metabase");
    env.put("METABASE_SECRET_KEY", metabaseKey);
    List<String> shown = new ArrayList<>();
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            shown.add(record.getMessage() + " " + record.getThrown());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger.getLogger("").addHandler(capture);
    VendorSettings settings = VendorSettings.from(env);
    shown.add(settings.toString());
    try (SampleApp app =
        SampleApp.start(new SampleApp.Options(0, temp.resolve("data"), 0, 0, true), settings)) {
      insertUser("user-nested", "Nested Attributes", "{\"region\":{\"name\":\"west\"}}");
      for (String user : List.of("user-42", "user-nested")) {
        WebClient client = new WebClient(app);
        client.signIn(user);
        for (String path :
            List.of("/", "/omni", "/looker", "/metabase", "/builder", "/inspector", "/nowhere")) {
          HttpResponse<String> page = client.get(path);
          shown.add(page.headers().map() + page.body());
        }
        shown.add(client.form("/builder", loginForm(user)).body());
      }
      assertTrue(
          shown.stream().anyMatch(text -> text.contains("mycompany.looker.com/login/embed/")),
          "the Looker page was signed");
      assertTrue(
          shown.stream().anyMatch(text -> text.contains("cannot sign the Looker login")),
          () -> "the bad row was logged: " + shown);
      assertTrue(
          shown.stream()
              .anyMatch(text -> text.contains("https://example.com/metabase/embed/dashboard/eyJ")),
          "the Metabase page was signed");
      assertTrue(
          shown.stream().anyMatch(text -> text.contains("cannot sign the Metabase login")),
          () -> "the bad row was logged for Metabase: " + shown);
    } finally {
      Logger.getLogger("").removeHandler(capture);
    }
    for (String text : shown) {
      assertFalse(text.contains(lookerSecret), text);
      assertFalse(text.contains(metabaseKey), text);
      assertFalse(text.contains(REAL_SECRET), text);
    }
  }

  /** A row added to the users table of the app whose data directory is {@code temp/data}. */
  private void insertUser(String id, String name, String userAttributes) throws Exception {
    HostPages.insertUser(temp.resolve("data"), id, name, "Acme", userAttributes);
  }

  // ---- the Host and Origin checks

  @Test
  void aRequestForAnotherHostIsRefusedEvenWithAMatchingOrigin() throws Exception {
    try (SampleApp app = standins()) {
      int port = URI.create(app.url()).getPort();
      String forged = "attacker.example:" + port;
      String answer =
          raw(
              port,
              "POST /signin HTTP/1.1\r\nHost: "
                  + forged
                  + "\r\nOrigin: http://"
                  + forged
                  + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 12\r\n"
                  + "Connection: close\r\n\r\nuser=user-42");
      assertTrue(answer.startsWith("HTTP/1.1 421 "), answer);
      assertFalse(answer.toLowerCase(Locale.ROOT).contains("set-cookie"), answer);
      String get = raw(port, "GET / HTTP/1.1\r\nHost: " + forged + "\r\nConnection: close\r\n\r\n");
      assertTrue(get.startsWith("HTTP/1.1 421 "), get);
      // The bound address itself, and localhost for a loopback one, are this server.
      for (String host : List.of("127.0.0.1:" + port, "localhost:" + port)) {
        String ok = raw(port, "GET / HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n");
        assertTrue(ok.startsWith("HTTP/1.1 200 "), ok);
      }
    }
  }

  private static String raw(int port, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  // ---- notebook params

  @Test
  void aParamValueOverTheLimitIsA400NamingTheParam() throws Exception {
    try (SampleApp app = standins()) {
      WebClient client = new WebClient(app);
      client.signIn("user-42");
      // A list of categories, which the page's params class accepts, one character too long to
      // keep.
      String tooLong = "[\"" + "x".repeat(Database.MAX_PARAM_VALUE - 3) + "\"]";
      HttpResponse<String> answer =
          client.post(
              "/api/codatum/messages?page=sales",
              "application/json",
              "{\"type\":\"PARAM_CHANGED\",\"params\":[{\"param_id\":\""
                  + CATEGORIES_ID
                  + "\",\"param_value\":"
                  + new ObjectMapper().writeValueAsString(tooLong)
                  + "}]}");
      assertEquals(400, answer.statusCode(), answer.body());
      assertTrue(
          answer.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
      assertTrue(
          answer.body().contains("param categories: the value is 10001 characters long"),
          answer.body());
      assertTrue(answer.body().contains("at most 10,000 characters"), answer.body());
      // The longest value kept is kept.
      String longest = "[\"" + "x".repeat(Database.MAX_PARAM_VALUE - 4) + "\"]";
      HttpResponse<String> kept =
          client.post(
              "/api/codatum/messages?page=sales",
              "application/json",
              "{\"type\":\"PARAM_CHANGED\",\"params\":[{\"param_id\":\""
                  + CATEGORIES_ID
                  + "\",\"param_value\":"
                  + new ObjectMapper().writeValueAsString(longest)
                  + "}]}");
      assertEquals(200, kept.statusCode(), kept.body());
    }
  }

  @Test
  void theStoredParamsAreAnsweredWithTheirNames() throws Exception {
    try (SampleApp app = standins()) {
      WebClient client = new WebClient(app);
      client.signIn("user-42");
      HttpResponse<String> answer =
          client.post(
              "/api/codatum/messages?page=sales",
              "application/json",
              "{\"type\":\"PARAM_CHANGED\",\"params\":[{\"param_id\":\""
                  + PERIOD_ID
                  + "\",\"param_value\":\"[\\\"2026-02-01\\\",\\\"2026-03-31\\\"]\"}]}");
      assertEquals(200, answer.statusCode(), answer.body());
      assertTrue(
          answer.body().contains("\"param_id\":\"" + PERIOD_ID + "\",\"name\":\"period\""),
          answer.body());
    }
  }

  // ---- bad user rows

  @Test
  void aUserRowThatCannotBeSignedIsAClearPageAndALogLine() throws Exception {
    List<String> logged = new ArrayList<>();
    Logger log = Logger.getLogger(HostServer.class.getName());
    Handler capture =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            logged.add(record.getMessage());
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    log.addHandler(capture);
    try (SampleApp app = standins()) {
      insertUser("user-bad-json", "Bad Json", "{\"region\": west}");
      insertUser("user-two-lines", "Eve\nForged", "{}");
      Map<String, String> columns =
          Map.of("user-bad-json", "user_attributes", "user-two-lines", "name");
      for (Map.Entry<String, String> bad : columns.entrySet()) {
        WebClient client = new WebClient(app);
        client.signIn(bad.getKey());
        HttpResponse<String> page = client.get("/omni");
        assertEquals(500, page.statusCode());
        assertTrue(page.body().contains("id=\"user-row-error\""), page.body());
        assertTrue(page.body().contains("<code>" + bad.getValue() + "</code> column"), page.body());
        assertTrue(page.body().contains("<nav>"), "the page has the app's layout");
        assertTrue(page.body().contains("href=\"/\""), "the page links home");
        String line = logged.stream().filter(l -> l.contains(bad.getKey())).findFirst().orElse("");
        assertTrue(line.contains("column " + bad.getValue()), () -> "log: " + logged);
      }
    } finally {
      log.removeHandler(capture);
    }
  }

  // ---- the smaller findings

  @Test
  void headAnswersEveryPageAsGetWouldWithoutTheBody() throws Exception {
    try (SampleApp app = standins()) {
      WebClient client = new WebClient(app);
      HttpResponse<String> head = client.head("/");
      assertEquals(200, head.statusCode());
      assertEquals("", head.body());
      assertEquals(303, client.head("/omni").statusCode());
      assertEquals(404, client.head("/nowhere").statusCode());
    }
  }

  @Test
  void errorPagesHaveTheLayoutAndALinkHome() throws Exception {
    try (SampleApp app = standins()) {
      WebClient client = new WebClient(app);
      client.signIn("user-42");
      HttpResponse<String> missing = client.get("/nowhere");
      assertEquals(404, missing.statusCode());
      assertTrue(missing.body().contains("<nav>"), missing.body());
      assertTrue(missing.body().contains("id=\"home-link\" href=\"/\""), missing.body());
      assertTrue(
          missing.body().contains("id=\"signed-in\""), "the navigation shows who is signed in");
    }
  }

  @Test
  void signingInAfterBeingSentAwayLandsOnThePage() throws Exception {
    try (SampleApp app = standins()) {
      WebClient client = new WebClient(app);
      String location =
          client.get("/notebook/trends?pattern=2").headers().firstValue("Location").orElseThrow();
      String home = client.get(location).body();
      Matcher then = Pattern.compile("name=\"then\" value=\"([^\"]*)\"").matcher(home);
      assertTrue(then.find(), home);
      assertEquals("/notebook/trends?pattern=2", then.group(1));
      HttpResponse<String> signIn =
          client.form("/signin", Map.of("user", "user-42", "then", then.group(1)));
      assertEquals(
          "/notebook/trends?pattern=2", signIn.headers().firstValue("Location").orElseThrow());
      // Never to another site.
      for (String away : List.of("//evil.example/", "https://evil.example/", "/\\evil.example")) {
        HttpResponse<String> refused =
            client.form("/signin", Map.of("user", "user-42", "then", away));
        assertEquals("/", refused.headers().firstValue("Location").orElseThrow(), away);
      }
    }
  }

  @Test
  void theNavigationNamesEachNotebookPageByItsTitle() throws Exception {
    try (SampleApp app = standins()) {
      WebClient client = new WebClient(app);
      client.signIn("user-42");
      for (NotebookPage page : NotebookPage.values()) {
        String body = client.get("/notebook/" + page.slug()).body();
        assertTrue(body.contains("<title>" + page.title() + " · Signet sample</title>"), body);
        assertTrue(
            body.contains(
                "href=\"/notebook/" + page.slug() + "\" class=\"active\">" + page.title() + "</a>"),
            body);
      }
    }
  }
}
