package dev.signet.sample.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.signet.sample.web.SampleApp;
import dev.signet.sample.web.VendorSettings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The sample app in a real browser (Debian's headless Chromium): the app runs with its stand-ins
 * (Omni, Looker, Metabase, Codatum) on loopback ports, as {@code serve} runs it on a fresh machine.
 * Each step's screenshot is saved under {@code target/e2e-screenshots/}.
 */
class SampleAppBrowserTest {
  private static final Path SCREENSHOTS =
      Path.of(System.getProperty("basedir", "."), "target", "e2e-screenshots");
  private static final String PERIOD_ID = "66a1b2c3d4e5f60718293a4c";

  @TempDir static Path temp;

  private static SampleApp app;
  private static ChromeDriver browser;
  private static HttpServer foreign;
  private String testName;

  @BeforeAll
  static void start() throws Exception {
    Chromium.ensureInstalled();
    app =
        SampleApp.start(
            new SampleApp.Options(0, temp.resolve("data"), 0, 0), VendorSettings.standins());
    browser = Chromium.start(temp.resolve("profile"));
    Files.createDirectories(SCREENSHOTS);
    foreign = foreignOrigin();
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (app != null) {
      app.close();
    }
    if (foreign != null) {
      foreign.stop(0);
    }
  }

  @BeforeEach
  void name(TestInfo info) {
    testName = info.getTestMethod().orElseThrow().getName();
  }

  // ---- Omni

  @Test
  void omniIframeShowsTheStandinsWelcomeForTheDemoUser() {
    signIn("user-42");
    browser.get(app.url() + "/omni?theme=dawn");
    WebElement frame = browser.findElement(By.id("omni"));
    assertTrue(
        frame
            .getDomAttribute("src")
            .startsWith(app.omniStandinUrl().orElseThrow() + "/embed/login?"));
    browser.switchTo().frame(frame);
    waitFor(By.id("welcome"));
    assertEquals("Welcome, Blob Ross", text(By.id("welcome")));
    assertEquals("user-42", text(By.id("external-id")));
    assertEquals("Acme Paints", text(By.id("entity")));
    assertEquals(
        "{\"region\":\"west\",\"tier\":2}", text(By.cssSelector("[data-param=userAttributes]")));
    assertEquals("dawn", text(By.cssSelector("[data-param=theme]")));
    browser.switchTo().defaultContent();
    screenshot("omni-welcome");

    // Every load signs a new URL, which the stand-in accepts again.
    String first = frame.getDomAttribute("src");
    browser.navigate().refresh();
    WebElement again = browser.findElement(By.id("omni"));
    assertFalse(again.getDomAttribute("src").equals(first));
    browser.switchTo().frame(again);
    waitFor(By.id("welcome"));
    browser.switchTo().defaultContent();
  }

  @Test
  void omniRefusesATamperedUrlAndAReplayedOne() {
    signIn("user-42");
    browser.get(app.url() + "/omni");
    String signed = browser.findElement(By.id("omni")).getDomAttribute("src");
    browser.switchTo().frame(browser.findElement(By.id("omni")));
    waitFor(By.id("welcome"));
    browser.switchTo().defaultContent();

    // The iframe used the URL: loading it again is a replay.
    browser.get(signed);
    waitFor(By.id("refused"));
    assertEquals(
        "REPLAYED_NONCE", browser.findElement(By.id("reason")).getDomAttribute("data-reason"));
    screenshot("omni-replayed");

    // Another name with the same signature.
    String tampered = signed.replace("name=Blob+Ross", "name=Mallory");
    assertFalse(tampered.equals(signed));
    browser.get(tampered);
    waitFor(By.id("refused"));
    assertEquals(
        "BAD_SIGNATURE", browser.findElement(By.id("reason")).getDomAttribute("data-reason"));
    assertTrue(text(By.id("report")).contains("Mallory"));
    screenshot("omni-tampered");
  }

  // ---- Looker

  @Test
  void lookerIframeShowsTheStandinsAcceptedPageForTheDemoUser() {
    signIn("user-42");
    browser.get(app.url() + "/looker");
    WebElement frame = browser.findElement(By.id("looker"));
    assertTrue(
        frame
            .getDomAttribute("src")
            .startsWith(
                app.lookerStandinUrl().orElseThrow() + "/login/embed/%2Fembed%2Fdashboards%2F1?"));
    browser.switchTo().frame(frame);
    waitFor(By.id("welcome"));
    assertEquals("user-42", text(By.id("external-user-id")));
    assertEquals("/embed/dashboards/1", text(By.id("target")));
    assertEquals("Acme Paints", text(By.cssSelector("#signed [data-param=external_group_id]")));
    assertEquals(
        "{\"region\":\"west\",\"tier\":2}",
        text(By.cssSelector("#signed [data-param=user_attributes]")));
    // The name came unsigned: shown apart, and only there.
    assertEquals("\"Blob\"", text(By.cssSelector("#unsigned [data-param=first_name]")));
    assertEquals("\"Ross\"", text(By.cssSelector("#unsigned [data-param=last_name]")));
    assertTrue(browser.findElements(By.cssSelector("#signed [data-param=first_name]")).isEmpty());
    browser.switchTo().defaultContent();
    screenshot("looker-accepted");
  }

  @Test
  void lookerRefusesATamperedUrlAndAReplayedOne() {
    signIn("user-42");
    browser.get(app.url() + "/looker");
    String signed = browser.findElement(By.id("looker")).getDomAttribute("src");
    browser.switchTo().frame(browser.findElement(By.id("looker")));
    waitFor(By.id("welcome"));
    browser.switchTo().defaultContent();

    // The iframe used the URL: loading it again is a replay.
    browser.get(signed);
    waitFor(By.id("refused"));
    assertEquals(
        "REPLAYED_NONCE", browser.findElement(By.id("reason")).getDomAttribute("data-reason"));
    screenshot("looker-replayed");

    // Another model with the same signature.
    String tampered =
        signed.replace("models=%5B%22thelook%22%5D", "models=%5B%22thelook%22%2C%22hr%22%5D");
    assertFalse(tampered.equals(signed));
    browser.get(tampered);
    waitFor(By.id("refused"));
    assertEquals(
        "BAD_SIGNATURE", browser.findElement(By.id("reason")).getDomAttribute("data-reason"));
    assertTrue(text(By.id("report")).contains("[\"thelook\",\"hr\"]"));
    screenshot("looker-tampered");
  }

  // ---- Metabase

  @Test
  void metabaseIframeShowsTheStandinsDashboardForTheDemoUser() {
    signIn("user-7");
    browser.get(app.url() + "/metabase?theme=night");
    WebElement frame = browser.findElement(By.id("metabase"));
    String src = frame.getDomAttribute("src");
    assertTrue(
        src.startsWith(app.metabaseStandinUrl().orElseThrow() + "/embed/dashboard/eyJ"), src);
    assertTrue(src.endsWith("#bordered=true&titled=true&theme=night"), src);
    browser.switchTo().frame(frame);
    waitFor(By.id("welcome"));
    // Redirected into a session; the browser kept the fragment, which no server saw.
    String location =
        (String) ((JavascriptExecutor) browser).executeScript("return location.href;");
    assertTrue(
        location.matches(".*/embed/session/[A-Za-z0-9]{32}#bordered=true&titled=true&theme=night"),
        location);
    assertEquals("1", text(By.id("dashboard-id")));
    assertEquals(
        "\"Analytical Engines\"", text(By.cssSelector("#signed [data-param='params.tenant']")));
    assertEquals(
        "[\"east\",\"north\"]", text(By.cssSelector("#signed [data-param='params.region']")));
    // The appearance came in the fragment: shown apart, as received, and applied.
    assertEquals("true", text(By.cssSelector("#appearance [data-option=bordered]")));
    assertEquals("true", text(By.cssSelector("#appearance [data-option=titled]")));
    assertEquals("night", text(By.cssSelector("#appearance [data-option=theme]")));
    assertFalse(browser.findElement(By.id("appearance-none")).isDisplayed());
    assertTrue(
        browser
            .findElements(By.cssSelector("#signed [data-param=theme], #signed [data-option]"))
            .isEmpty());
    WebElement dashboard = browser.findElement(By.id("dashboard"));
    assertEquals("night", dashboard.getDomAttribute("data-theme"));
    assertTrue(dashboard.getDomAttribute("class").contains("bordered"));
    browser.switchTo().defaultContent();
    screenshot("metabase-dashboard");
  }

  @Test
  void metabaseRefusesATamperedTokenAndAReplayedOne() {
    signIn("user-42");
    browser.get(app.url() + "/metabase");
    String signed = browser.findElement(By.id("metabase")).getDomAttribute("src");
    browser.switchTo().frame(browser.findElement(By.id("metabase")));
    waitFor(By.id("welcome"));
    assertEquals("\"Acme Paints\"", text(By.cssSelector("#signed [data-param='params.tenant']")));
    browser.switchTo().defaultContent();

    // The iframe used the token: loading it again is a replay.
    browser.get(signed);
    waitFor(By.id("refused"));
    assertEquals(
        "REPLAYED_NONCE", browser.findElement(By.id("reason")).getDomAttribute("data-reason"));
    screenshot("metabase-replayed");

    // Another tenant in the claims, under the same signature.
    String prefix = app.metabaseStandinUrl().orElseThrow() + "/embed/dashboard/";
    String[] parts = signed.substring(prefix.length(), signed.indexOf('#')).split("\\.");
    String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    String otherTenant = claims.replace("\"Acme Paints\"", "\"Analytical Engines\"");
    assertFalse(otherTenant.equals(claims), claims);
    String tampered =
        prefix
            + parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(otherTenant.getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2]
            + signed.substring(signed.indexOf('#'));
    browser.get(tampered);
    waitFor(By.id("refused"));
    assertEquals(
        "BAD_SIGNATURE", browser.findElement(By.id("reason")).getDomAttribute("data-reason"));
    screenshot("metabase-tampered");
  }

  // ---- Codatum

  @Test
  void codatumHandshakeCompletesWithSetTokenToTheEmbedsOrigin() {
    signIn("user-42");
    browser.get(app.url() + "/notebook/sales");
    String embedOrigin = app.codatumStandinUrl().orElseThrow();
    waitForEvent("\u2190 CONTENT_READY");
    List<String> events = events();
    int ready = indexOf(events, "\u2190 READY_FOR_TOKEN");
    int set = indexOf(events, "\u2192 SET_TOKEN to " + embedOrigin);
    int content = indexOf(events, "\u2190 CONTENT_READY");
    assertTrue(
        ready >= 0 && ready < set && set < content,
        "READY_FOR_TOKEN, SET_TOKEN, CONTENT_READY: " + events);

    browser.switchTo().frame(browser.findElement(By.id("notebook")));
    waitFor(By.id("token-via"));
    assertEquals("SET_TOKEN", text(By.id("token-via")));
    assertEquals("user-42", text(By.id("token-user")));
    assertEquals("Sales overview", text(By.id("title")));
    // The host's display options arrived with SET_TOKEN: results only, the form expanded.
    assertTrue(text(By.id("display-options")).contains("\"sqlDisplay\":\"RESULT_ONLY\""));
    assertTrue(browser.findElements(By.id("sql")).isEmpty());
    assertTrue(text(By.cssSelector(".hidden-params")).contains("storeId = \"store_001\""));
    browser.switchTo().defaultContent();
    screenshot("codatum-pattern1-handshake");
  }

  @Test
  void codatumPatternTwoPutsTheTokenInTheUrl() {
    signIn("user-42");
    browser.get(app.url() + "/notebook/sales?pattern=2");
    WebElement frame = browser.findElement(By.id("notebook"));
    waitForEvent("\u2190 CONTENT_READY");
    assertTrue(frame.getDomAttribute("src").contains("?token=ey"));
    assertTrue(
        events().stream().noneMatch(event -> event.contains("SET_TOKEN")), events().toString());
    browser.switchTo().frame(frame);
    waitFor(By.id("token-via"));
    assertEquals("?token=", text(By.id("token-via")));
    browser.switchTo().defaultContent();
    screenshot("codatum-pattern2");
  }

  @Test
  void codatumMessagesFromAForeignOriginAreIgnored() {
    signIn("user-7");
    browser.get(app.url() + "/notebook/sales");
    waitForEvent("\u2190 CONTENT_READY");
    long tokensSent = events().stream().filter(event -> event.contains("SET_TOKEN")).count();

    // A frame of another origin posts READY_FOR_TOKEN and PARAM_CHANGED to the host page.
    String foreignUrl = "http://127.0.0.1:" + foreign.getAddress().getPort() + "/foreign.html";
    ((JavascriptExecutor) browser)
        .executeScript(
            "const f = document.createElement('iframe'); f.id = 'foreign'; f.style.height = '60px';"
                + " f.src = arguments[0]; document.querySelector('main').append(f);",
            foreignUrl);
    String foreignOrigin = "http://127.0.0.1:" + foreign.getAddress().getPort();
    waitForEvent("ignored READY_FOR_TOKEN from " + foreignOrigin);
    waitForEvent("ignored PARAM_CHANGED from " + foreignOrigin);
    sleep(500);
    assertEquals(
        tokensSent, events().stream().filter(event -> event.contains("SET_TOKEN")).count());
    assertTrue(
        events().stream().noneMatch(event -> event.startsWith("saved")), events().toString());
    browser.switchTo().frame(browser.findElement(By.id("foreign")));
    assertEquals("received: nothing", text(By.id("got")));
    browser.switchTo().defaultContent();
    // Nothing was stored: the next SET_TOKEN carries the store alone.
    String params = fetchSetTokenParams("sales");
    assertFalse(params.contains("2020-01-01"), params);
    assertFalse(params.contains(PERIOD_ID), params);
    screenshot("codatum-foreign-origin-ignored");
  }

  @Test
  void aChangedParamSurvivesAReloadAndAppearsOnTheSecondPage() {
    signIn("user-42");
    browser.get(app.url() + "/notebook/sales");
    waitForEvent("\u2190 CONTENT_READY");
    browser.switchTo().frame(browser.findElement(By.id("notebook")));
    WebElement start = waitFor(By.id("param-period-start"));
    start.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2026-02-01", Keys.TAB);
    browser.switchTo().defaultContent();
    waitForEvent("\u2190 PARAM_CHANGED");
    // Named as the page names the param, not by its id.
    waitForEvent("saved for you: period=[\"2026-02-01\",\"2026-03-31\"]");
    screenshot("codatum-param-changed");

    browser.navigate().refresh();
    waitForEvent("\u2190 CONTENT_READY");
    browser.switchTo().frame(browser.findElement(By.id("notebook")));
    waitFor(By.id("param-period-start"));
    assertEquals(
        "[\"2026-02-01\",\"2026-03-31\"]", text(By.cssSelector("[data-param-value=period]")));
    assertEquals(
        "2026-02-01", browser.findElement(By.id("param-period-start")).getDomProperty("value"));
    browser.switchTo().defaultContent();
    screenshot("codatum-param-after-reload");

    browser.findElement(By.id("other-page")).click();
    waitForEvent("\u2190 CONTENT_READY");
    browser.switchTo().frame(browser.findElement(By.id("notebook")));
    waitFor(By.id("param-period-start"));
    assertEquals("Sales trend", text(By.id("title")));
    assertEquals(
        "[\"2026-02-01\",\"2026-03-31\"]", text(By.cssSelector("[data-param-value=period]")));

    // "Run all" with a param only this page has: EXECUTE_SQLS_TRIGGERED carries it to the server.
    WebElement granularity = browser.findElement(By.id("param-granularity"));
    granularity.sendKeys(Keys.chord(Keys.CONTROL, "a"), "week", Keys.TAB);
    browser.findElement(By.id("run-all")).click();
    browser.switchTo().defaultContent();
    waitForEvent("\u2190 EXECUTE_SQLS_TRIGGERED");
    waitForEvent("\u2190 EXECUTION_SUCCEEDED");
    screenshot("codatum-second-page-shares-the-period");

    browser.navigate().refresh();
    waitForEvent("\u2190 CONTENT_READY");
    browser.switchTo().frame(browser.findElement(By.id("notebook")));
    waitFor(By.id("param-granularity"));
    assertEquals("\"week\"", text(By.cssSelector("[data-param-value=granularity]")));
    assertEquals(
        "[\"2026-02-01\",\"2026-03-31\"]", text(By.cssSelector("[data-param-value=period]")));
    browser.switchTo().defaultContent();
  }

  // ---- the builder and the inspector

  @Test
  void builderUrlVerifiesAndTheInspectorPointsAtTheChangedLine() {
    signIn("user-42");
    browser.get(app.url() + "/builder");
    assertEquals("user-42", browser.findElement(By.id("param-externalId")).getDomProperty("value"));
    new Select(browser.findElement(By.id("param-theme"))).selectByVisibleText("dawn");
    browser.findElement(By.id("param-groups")).sendKeys("[\"Sales\"]");
    browser.findElement(By.id("sign")).click();
    waitFor(By.id("builder-check"));
    assertEquals("Verifies", text(By.id("builder-check")));
    String url = browser.findElement(By.id("signed-url")).getDomProperty("value");
    String signedText = text(By.id("signed-text"));
    // Never filled in: empty signs with the app's own (here the stand-in's) secret.
    String secret = browser.findElement(By.id("secret")).getDomProperty("value");
    assertEquals("", secret);
    assertTrue(url.contains("entity=Acme+Paints"), url);
    assertEquals(url.substring(0, url.indexOf('?')), signedText.lines().findFirst().orElseThrow());
    screenshot("builder-signed");

    // The stand-in accepts the builder's URL.
    String open = browser.findElement(By.id("open-url")).getDomAttribute("href");
    browser.get(open);
    waitFor(By.id("welcome"));
    assertEquals("dawn", text(By.cssSelector("[data-param=theme]")));

    // The inspector: the URL and the secret verify.
    inspect(url, secret, "");
    assertEquals("true", browser.findElement(By.id("verdict")).getDomAttribute("data-verified"));
    screenshot("inspector-verified");

    // A tampered URL, with the text the builder signed: the inspector names the entity line.
    String tampered = url.replace("entity=Acme+Paints", "entity=Evil+Corp");
    inspect(tampered, secret, signedText);
    WebElement verdict = browser.findElement(By.id("verdict"));
    assertEquals("BAD_SIGNATURE", verdict.getDomAttribute("data-reason"));
    WebElement diff = browser.findElement(By.id("diff"));
    assertEquals("entity", diff.getDomAttribute("data-source"));
    // Lines: URL, contentPath, externalId, name, nonce, then email, entity, ... by name.
    assertEquals("7", diff.getDomAttribute("data-line"));
    String row = text(By.id("differing-line"));
    assertTrue(row.contains("Evil Corp") && row.contains("Acme Paints"), row);
    screenshot("inspector-tampered");

    // The original URL instead of its signed text points at the same line.
    inspect(tampered, secret, url);
    assertEquals("7", browser.findElement(By.id("diff")).getDomAttribute("data-line"));
  }

  @Test
  void theBuilderServesEveryVendorModuleLookerOpensAtItsStandinAndTheInspectorReadsATableauToken() {
    signIn("user-42");
    browser.get(app.url() + "/builder");
    new Select(browser.findElement(By.id("declaration"))).selectByValue("SignetLookerLogin");
    browser.findElement(By.id("open-declaration")).click();
    waitFor(By.id("param-sessionLength"));
    assertEquals(
        "user-42", browser.findElement(By.id("param-externalUserId")).getDomProperty("value"));
    setValue(By.id("param-sessionLength"), "900");
    browser.findElement(By.id("sign")).click();
    waitFor(By.id("builder-check"));
    assertEquals("Verifies", text(By.id("builder-check")));
    screenshot("builder-looker-signed");
    browser.get(browser.findElement(By.id("open-url")).getDomAttribute("href"));
    waitFor(By.id("welcome"));
    assertEquals("900", text(By.cssSelector("#signed [data-param=session_length]")));

    // A vendor the app does not embed: a typed secret signs, and the inspector reads the token.
    browser.get(app.url() + "/builder?declaration=SignetTableauToken");
    setValue(By.id("secret"), "tableau-secret-typed-in-the-browser");
    setValue(By.id("param-secretId"), "kid-1");
    setValue(By.id("param-clientId"), "client-1");
    setValue(By.id("param-jti"), "jti-in-the-browser");
    setValue(By.id("param-username"), "ann@example.com");
    setValue(By.id("param-scopes"), "[\"tableau:views:embed\"]");
    browser.findElement(By.id("sign")).click();
    waitFor(By.id("builder-check"));
    assertEquals("Verifies", text(By.id("builder-check")));
    String token = browser.findElement(By.id("signed-url")).getDomProperty("value");
    screenshot("builder-tableau-signed");
    inspect(token, "tableau-secret-typed-in-the-browser", "");
    assertEquals("true", browser.findElement(By.id("verdict")).getDomAttribute("data-verified"));
    assertTrue(text(By.id("declaration-used")).contains("SignetTableauToken"));
    inspect(token, "another-secret", "");
    assertEquals(
        "BAD_SIGNATURE", browser.findElement(By.id("verdict")).getDomAttribute("data-reason"));
    screenshot("inspector-tableau-refused");
  }

  @Test
  void theBuilderFitsAPhonesScreen() {
    signIn("user-42");
    browser.manage().window().setSize(new Dimension(390, 844));
    try {
      browser.get(app.url() + "/builder");
      browser.findElement(By.id("sign")).click();
      waitFor(By.id("builder-check"));
      Number overflow =
          (Number)
              ((JavascriptExecutor) browser)
                  .executeScript(
                      "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
      screenshot("builder-390px");
      assertEquals(0, overflow.intValue(), "the builder is wider than a 390 px screen");
    } finally {
      browser.manage().window().setSize(new Dimension(1280, 1400));
    }
  }

  @Test
  void theNotebookFrameShowsTheWholeNotebook() {
    signIn("user-42");
    // A laptop's screen, shorter than the notebook.
    browser.manage().window().setSize(new Dimension(1280, 800));
    try {
      browser.get(app.url() + "/notebook/trends");
      waitForEvent("\u2190 CONTENT_READY");
      WebElement frame = browser.findElement(By.id("notebook"));
      int frameHeight =
          ((Number)
                  ((JavascriptExecutor) browser)
                      .executeScript("return arguments[0].clientHeight;", frame))
              .intValue();
      browser.switchTo().frame(frame);
      waitFor(By.id("run-all"));
      int contentHeight =
          ((Number)
                  ((JavascriptExecutor) browser)
                      .executeScript("return document.documentElement.scrollHeight;"))
              .intValue();
      browser.switchTo().defaultContent();
      assertTrue(
          contentHeight <= frameHeight,
          "the notebook is " + contentHeight + " px tall in a " + frameHeight + " px frame");
    } finally {
      browser.manage().window().setSize(new Dimension(1280, 1400));
    }
  }

  @Test
  void signingInAfterBeingSentAwayLandsOnThatPage() {
    browser.get(app.url() + "/");
    browser.manage().deleteAllCookies();
    browser.get(app.url() + "/inspector");
    waitFor(By.id("signin-user-7")).click();
    waitFor(By.id("signed-in"));
    assertEquals(app.url() + "/inspector", browser.getCurrentUrl());
    assertEquals("Inspector", text(By.tagName("h1")));
  }

  // ---- helpers

  private void inspect(String url, String secret, String expected) {
    browser.get(app.url() + "/inspector");
    setValue(By.id("inspect-url"), url);
    setValue(By.id("inspect-secret"), secret);
    setValue(By.id("inspect-expected"), expected);
    browser.findElement(By.id("inspect")).click();
    waitFor(By.id("verdict"));
  }

  /** Types {@code value} into a field, replacing what it held. */
  private static void setValue(By field, String value) {
    WebElement element = browser.findElement(field);
    element.clear();
    if (!value.isEmpty()) {
      element.sendKeys(value);
    }
  }

  private static void signIn(String userId) {
    browser.get(app.url() + "/");
    browser.manage().deleteAllCookies();
    browser.get(app.url() + "/");
    browser.findElement(By.id("signin-" + userId)).click();
    waitFor(By.id("signed-in"));
  }

  private static WebElement waitFor(By locator) {
    return new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(driver -> driver.findElements(locator).stream().findFirst().orElse(null));
  }

  private static String text(By locator) {
    return waitFor(locator).getText();
  }

  private static List<String> events() {
    return browser.findElements(By.cssSelector("#events li")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private static void waitForEvent(String prefix) {
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .withMessage(() -> "no event starting with " + prefix + " in " + events())
        .until(driver -> events().stream().anyMatch(event -> event.startsWith(prefix)));
  }

  private static int indexOf(List<String> events, String prefix) {
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).startsWith(prefix)) {
        return i;
      }
    }
    return -1;
  }

  /** The params of the SET_TOKEN the server would send now, fetched as the page fetches them. */
  private static String fetchSetTokenParams(String page) {
    Object params =
        ((JavascriptExecutor) browser)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + " fetch('/api/codatum/token?page=' + arguments[0]).then(r => r.json())"
                    + ".then(j => done(JSON.stringify(j.message.params)), e => done('error: ' + e));",
                page);
    return String.valueOf(params);
  }

  /**
   * Saves the whole page (beyond the window, up to 4000 pixels) as
   * target/e2e-screenshots/TEST-STEP.png.
   */
  private void screenshot(String step) {
    byte[] png;
    try {
      Map<String, Object> metrics = browser.executeCdpCommand("Page.getLayoutMetrics", Map.of());
      Map<?, ?> size = (Map<?, ?>) metrics.get("cssContentSize");
      double width = ((Number) size.get("width")).doubleValue();
      double height = Math.min(4000, ((Number) size.get("height")).doubleValue());
      Map<String, Object> shot =
          browser.executeCdpCommand(
              "Page.captureScreenshot",
              Map.of(
                  "format",
                  "png",
                  "captureBeyondViewport",
                  true,
                  "clip",
                  Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
      png = Base64.getDecoder().decode((String) shot.get("data"));
    } catch (RuntimeException e) {
      png = browser.getScreenshotAs(OutputType.BYTES);
    }
    try {
      Files.write(SCREENSHOTS.resolve(testName + "-" + step + ".png"), png);
    } catch (IOException e) {
      throw new AssertionError("cannot save a screenshot", e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Another origin on a loopback port: a page that posts to its parent and shows what it received.
   */
  private static HttpServer foreignOrigin() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
    byte[] page =
        ("<!DOCTYPE html><html><body style=\"font-family:sans-serif;background:#fff3f3\">"
                + "<b>A page of another origin</b> <span id=\"got\">received: nothing</span><script>"
                + "window.addEventListener('message', (e) => {"
                + " document.getElementById('got').textContent = 'received: ' + (e.data && e.data.type); });"
                + "parent.postMessage({ type: 'READY_FOR_TOKEN' }, '*');"
                + "parent.postMessage({ type: 'PARAM_CHANGED', params: [{ param_id: '"
                + PERIOD_ID
                + "',"
                + " param_value: '[\"2020-01-01\",\"2020-12-31\"]' }] }, '*');"
                + "</script></body></html>")
            .getBytes(StandardCharsets.UTF_8);
    server.createContext(
        "/foreign.html",
        exchange -> {
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
          exchange.sendResponseHeaders(200, page.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(page);
          }
        });
    server.start();
    return server;
  }
}
