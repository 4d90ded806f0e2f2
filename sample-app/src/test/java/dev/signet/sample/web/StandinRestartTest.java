package dev.signet.sample.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stand-ins Omni and Looker keep used nonces in the app's H2 file: a URL used before a restart
 * of the app is refused as a replay after it, with the same data directory and stand-in port.
 */
class StandinRestartTest {
  private static final Pattern OMNI_SRC = Pattern.compile("id=\"omni\"[^>]* src=\"([^\"]+)\"");
  private static final Pattern LOOKER_SRC = Pattern.compile("id=\"looker\"[^>]* src=\"([^\"]+)\"");

  @Test
  void aUrlUsedBeforeARestartIsRefusedAsAReplayAfterIt(@TempDir Path dataDir) throws Exception {
    int standinPort = freePort();
    SampleApp.Options options = new SampleApp.Options(0, dataDir, standinPort, 0);
    VendorSettings standins = VendorSettings.from(Map.of());
    String used;
    String unused;
    try (SampleApp app = SampleApp.start(options, standins)) {
      HttpClient browser = signedIn(app);
      used = omniUrl(browser, app);
      unused = omniUrl(browser, app);
      assertEquals(303, get(used).statusCode(), "the first use logs in");
      HttpResponse<String> replay = get(used);
      assertEquals(403, replay.statusCode());
      assertTrue(replay.body().contains("data-reason=\"REPLAYED_NONCE\""), replay.body());
    }
    try (SampleApp app = SampleApp.start(options, standins)) {
      HttpResponse<String> replay = get(used);
      assertEquals(403, replay.statusCode());
      // A replay, not a bad signature: the secret was kept too, so only the nonce refuses it.
      assertTrue(replay.body().contains("data-reason=\"REPLAYED_NONCE\""), replay.body());
      assertEquals(
          303, get(unused).statusCode(), "a URL signed before the restart and never used logs in");
      assertEquals(303, get(omniUrl(signedIn(app), app)).statusCode(), "a fresh URL logs in");
    }
  }

  @Test
  void aLookerUrlUsedBeforeARestartIsRefusedAsAReplayAfterIt(@TempDir Path dataDir)
      throws Exception {
    SampleApp.Options options = new SampleApp.Options(0, dataDir, 0, 0, freePort(), false);
    VendorSettings standins = VendorSettings.from(Map.of());
    String used;
    String unused;
    try (SampleApp app = SampleApp.start(options, standins)) {
      HttpClient browser = signedIn(app);
      used = lookerUrl(browser, app);
      unused = lookerUrl(browser, app);
      assertEquals(303, get(used).statusCode(), "the first use logs in");
    }
    try (SampleApp app = SampleApp.start(options, standins)) {
      HttpResponse<String> replay = get(used);
      assertEquals(403, replay.statusCode());
      assertTrue(replay.body().contains("data-reason=\"REPLAYED_NONCE\""), replay.body());
      assertEquals(
          303, get(unused).statusCode(), "a URL signed before the restart and never used logs in");
      assertEquals(303, get(lookerUrl(signedIn(app), app)).statusCode(), "a fresh URL logs in");
    }
  }

  /** The stand-in URL the Looker page's iframe loads, signed for this page view. */
  private static String lookerUrl(HttpClient browser, SampleApp app) throws Exception {
    HttpResponse<String> page =
        browser.send(
            HttpRequest.newBuilder(URI.create(app.url() + "/looker")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode());
    Matcher src = LOOKER_SRC.matcher(page.body());
    assertTrue(src.find(), page.body());
    String url = src.group(1).replace("&amp;", "&");
    assertTrue(url.startsWith(app.lookerStandinUrl().orElseThrow() + "/login/embed/"), url);
    return url;
  }

  private static HttpClient signedIn(SampleApp app) throws Exception {
    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    HttpResponse<String> signIn =
        http.send(
            HttpRequest.newBuilder(URI.create(app.url() + "/signin"))
                .header("Origin", app.url())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=user-42"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(303, signIn.statusCode());
    return http;
  }

  /** The stand-in URL the Omni page's iframe loads, signed for this page view. */
  private static String omniUrl(HttpClient browser, SampleApp app) throws Exception {
    HttpResponse<String> page =
        browser.send(
            HttpRequest.newBuilder(URI.create(app.url() + "/omni")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode());
    Matcher src = OMNI_SRC.matcher(page.body());
    assertTrue(src.find(), page.body());
    String url = src.group(1).replace("&amp;", "&");
    assertTrue(url.startsWith(app.omniStandinUrl().orElseThrow() + "/embed/login?"), url);
    return url;
  }

  private static HttpResponse<String> get(String url) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return socket.getLocalPort();
    }
  }
}
