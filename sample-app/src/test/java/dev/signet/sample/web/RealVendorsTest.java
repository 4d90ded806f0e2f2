package dev.signet.sample.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.omni.OmniOrigins;
import dev.signet.omni.SignetOmniLogin;
import dev.signet.runtime.Secret;
import dev.signet.runtime.Verification;
import dev.signet.sample.standin.CodatumStandin;
import java.net.CookieManager;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same app with vendor settings: no stand-in starts, Omni URLs are signed for the
 * organization's host with the configured secret, and tokens come from the configured Codatum API
 * origin (here a stand-in playing Codatum's API, as no other host can be reached from a test).
 */
class RealVendorsTest {
  private static final String EMBED_URL =
      "https://app.codatum.com/protected/workspace/66aa00000000000000000001/notebook/66bb00000000000000000002";

  @TempDir Path temp;

  @Test
  void settingsSwitchTheAppToTheRealVendors() throws Exception {
    List<CodatumStandin.Page> pages =
        List.of(
            new CodatumStandin.Page(
                "page-sales", "Sales", NotebookPage.SALES.mapper().params(), Map.of()),
            new CodatumStandin.Page(
                "page-trend", "Trend", NotebookPage.TRENDS.mapper().params(), Map.of()));
    try (CodatumStandin codatumApi =
            CodatumStandin.start(
                InetAddress.getByName("127.0.0.1"),
                0,
                new CodatumStandin.Settings(
                    "66aa00000000000000000001",
                    "66bb00000000000000000002",
                    Map.of("ak_live", "sk_live"),
                    Set.of("ak_live"),
                    pages));
        SampleApp app =
            SampleApp.start(
                new SampleApp.Options(0, temp, 0, 0),
                VendorSettings.from(
                    Map.of(
                        "OMNI_EMBED_SECRET", "omni-live-secret",
                        "OMNI_ORGANIZATION", "acme",
                        "OMNI_CONTENT_PATH", "/dashboards/1a2b3c4d",
                        "CODATUM_API_KEY", "ak_live",
                        "CODATUM_API_SECRET", "sk_live",
                        "CODATUM_EMBED_URL", EMBED_URL,
                        "CODATUM_PAGE_ID", "page-sales",
                        "CODATUM_SECOND_PAGE_ID", "page-trend",
                        "CODATUM_API_ORIGIN", codatumApi.baseUrl())))) {
      assertTrue(app.omniStandinUrl().isEmpty());
      assertTrue(app.codatumStandinUrl().isEmpty());
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

      String omniPage = get(http, app.url() + "/omni");
      Matcher src = Pattern.compile("id=\"omni\"[^>]* src=\"([^\"]+)\"").matcher(omniPage);
      assertTrue(src.find(), omniPage);
      String url = src.group(1).replace("&amp;", "&");
      assertTrue(
          url.startsWith(
              "https://acme.embed-omniapp.co/embed/login?contentPath=%2Fdashboards%2F1a2b3c4d&"),
          url);
      Verification<SignetOmniLogin> verified =
          SignetOmniLogin.verifier(
                  OmniOrigins.organization("acme"), Secret.ofUtf8("omni-live-secret"))
              .verifyUrl(url);
      assertTrue(verified.isVerified(), verified.toString());
      assertEquals("user-42", verified.request().orElseThrow().externalId());

      String notebook = get(http, app.url() + "/notebook/trends");
      assertTrue(notebook.contains("data-src=\"" + EMBED_URL + "\""), notebook);
      assertTrue(notebook.contains("data-embed-origin=\"https://app.codatum.com\""), notebook);
      String token = get(http, app.url() + "/api/codatum/token?page=trends");
      assertTrue(token.startsWith("{\"message\":{\"type\":\"SET_TOKEN\",\"token\":\"ey"), token);
      assertEquals(1, codatumApi.issuedTokens());
      // The same session and params: the session's token is handed out again.
      get(http, app.url() + "/api/codatum/token?page=trends");
      assertEquals(1, codatumApi.issuedTokens());
      String pattern2 = get(http, app.url() + "/notebook/trends?pattern=2");
      assertTrue(pattern2.contains("data-src=\"" + EMBED_URL + "?token=ey"), pattern2);
    }
  }

  private static String get(HttpClient http, String url) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), url + ": " + response.body());
    return response.body();
  }
}
