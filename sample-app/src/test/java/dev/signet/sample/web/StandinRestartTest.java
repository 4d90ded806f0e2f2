package dev.signet.sample.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stand-ins Omni, Looker and Metabase keep used nonces (Metabase: used tokens) in the app's H2
 * file: a URL used before a restart of the app is refused as a replay after it, with the same data
 * directory and stand-in port.
 */
class StandinRestartTest {
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

  @Test
  void aMetabaseTokenUsedBeforeARestartIsRefusedAsAReplayAfterIt(@TempDir Path dataDir)
      throws Exception {
    SampleApp.Options options = new SampleApp.Options(0, dataDir, 0, 0, 0, freePort(), false);
    VendorSettings standins = VendorSettings.from(Map.of());
    String used;
    String unused;
    try (SampleApp app = SampleApp.start(options, standins)) {
      HttpClient browser = signedIn(app);
      used = metabaseUrl(browser, app);
      unused = metabaseUrl(browser, app);
      assertEquals(303, get(used).statusCode(), "the first use is accepted");
    }
    try (SampleApp app = SampleApp.start(options, standins)) {
      HttpResponse<String> replay = get(used);
      assertEquals(403, replay.statusCode());
      // A replay, not a bad signature: the stand-in kept its secret key too.
      assertTrue(replay.body().contains("data-reason=\"REPLAYED_NONCE\""), replay.body());
      assertEquals(
          303, get(unused).statusCode(), "a token signed before the restart and never used works");
      // Another user's: a token signed for user-42 within the same second as one before the
      // restart would be that token, as the host remembers issue times in memory only.
      assertEquals(
          303,
          get(metabaseUrl(HostPages.signedIn(app, "user-7"), app)).statusCode(),
          "a fresh token works");
    }
  }

  /**
   * The stand-in URL the Metabase page's iframe loads, signed for this page view, without its
   * fragment, which a browser keeps to itself.
   */
  private static String metabaseUrl(HttpClient browser, SampleApp app) throws Exception {
    String url =
        HostPages.iframeSrc(
            HostPages.get(browser, app.url() + "/metabase").body(),
            "metabase",
            app.metabaseStandinUrl().orElseThrow() + "/embed/dashboard/");
    return url.substring(0, url.indexOf('#'));
  }

  /** The stand-in URL the Looker page's iframe loads, signed for this page view. */
  private static String lookerUrl(HttpClient browser, SampleApp app) throws Exception {
    return HostPages.iframeSrc(
        HostPages.get(browser, app.url() + "/looker").body(),
        "looker",
        app.lookerStandinUrl().orElseThrow() + "/login/embed/");
  }

  /** The stand-in URL the Omni page's iframe loads, signed for this page view. */
  private static String omniUrl(HttpClient browser, SampleApp app) throws Exception {
    return HostPages.iframeSrc(
        HostPages.get(browser, app.url() + "/omni").body(),
        "omni",
        app.omniStandinUrl().orElseThrow() + "/embed/login?");
  }

  private static HttpClient signedIn(SampleApp app) throws Exception {
    return HostPages.signedIn(app, "user-42");
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
