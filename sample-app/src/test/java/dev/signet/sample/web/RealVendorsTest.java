package dev.signet.sample.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.looker.LookerOrigins;
import dev.signet.looker.SignetLookerLogin;
import dev.signet.metabase.MetabaseDashboard;
import dev.signet.metabase.MetabaseParam;
import dev.signet.metabase.SignetMetabaseDashboardEmbed;
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
 * organization's host with the configured secret, Looker URLs for the instance's host, Metabase
 * tokens with the configured key for the configured site and dashboard, and tokens come from the
 * configured Codatum API origin (here a stand-in playing Codatum's API, as no other host can be
 * reached from a test).
 */
class RealVendorsTest {
  private static final String EMBED_URL =
      "https://app.codatum.com/protected/workspace/66aa00000000000000000001/notebook/66bb00000000000000000002";

  private static final String METABASE_KEY =
      "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

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
                    Map.ofEntries(
                        Map.entry("OMNI_EMBED_SECRET", "omni-live-secret"),
                        Map.entry("OMNI_ORGANIZATION", "acme"),
                        Map.entry("OMNI_CONTENT_PATH", "/dashboards/1a2b3c4d"),
                        Map.entry("CODATUM_API_KEY", "ak_live"),
                        Map.entry("CODATUM_API_SECRET", "sk_live"),
                        Map.entry("CODATUM_EMBED_URL", EMBED_URL),
                        Map.entry("CODATUM_PAGE_ID", "page-sales"),
                        Map.entry("CODATUM_SECOND_PAGE_ID", "page-trend"),
                        Map.entry("CODATUM_API_ORIGIN", codatumApi.baseUrl()),
                        Map.entry("LOOKER_EMBED_SECRET", "looker-live-secret"),
                        Map.entry("LOOKER_HOST", "analytics.example.com:9999"),
                        Map.entry("LOOKER_MODELS", "sales, marketing"),
                        Map.entry("LOOKER_TARGET", "/embed/dashboards/56?Date=1%20years"),
                        Map.entry("METABASE_SITE_URL", "https://example.com/metabase"),
                        Map.entry("METABASE_SECRET_KEY", METABASE_KEY),
                        Map.entry("METABASE_DASHBOARD", "704"))))) {
      assertTrue(app.omniStandinUrl().isEmpty());
      assertTrue(app.lookerStandinUrl().isEmpty());
      assertTrue(app.metabaseStandinUrl().isEmpty());
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

      String lookerPage = get(http, app.url() + "/looker");
      assertFalse(lookerPage.contains("looker-live-secret"));
      Matcher lookerSrc =
          Pattern.compile("id=\"looker\"[^>]* src=\"([^\"]+)\"").matcher(lookerPage);
      assertTrue(lookerSrc.find(), lookerPage);
      String lookerUrl = lookerSrc.group(1).replace("&amp;", "&");
      // The target as one path segment, its own %20 escaped again, as Looker's SDK writes it.
      assertTrue(
          lookerUrl.startsWith(
              "https://analytics.example.com:9999/login/embed/%2Fembed%2Fdashboards%2F56%3FDate%3D1%2520years?"),
          lookerUrl);
      Verification<SignetLookerLogin> lookerLogin =
          SignetLookerLogin.verifier(
                  LookerOrigins.of("analytics.example.com:9999"),
                  Secret.ofUtf8("looker-live-secret"))
              .verifyUrl(lookerUrl);
      assertTrue(lookerLogin.isVerified(), lookerLogin.toString());
      assertEquals("user-42", lookerLogin.request().orElseThrow().externalUserId());
      assertEquals(List.of("sales", "marketing"), lookerLogin.request().orElseThrow().models());
      assertEquals("\"Blob\"", lookerLogin.unauthenticated().get("first_name"));

      String metabasePage = get(http, app.url() + "/metabase");
      assertFalse(metabasePage.contains(METABASE_KEY));
      String metabaseUrl =
          HostPages.iframeSrc(
              metabasePage, "metabase", "https://example.com/metabase/embed/dashboard/eyJ");
      assertTrue(metabaseUrl.endsWith("#bordered=true&titled=true"), metabaseUrl);
      String token =
          metabaseUrl.substring(
              "https://example.com/metabase/embed/dashboard/".length(), metabaseUrl.indexOf('#'));
      Verification<SignetMetabaseDashboardEmbed> embed =
          SignetMetabaseDashboardEmbed.verifier(Secret.ofUtf8(METABASE_KEY)).verify(token);
      assertTrue(embed.isVerified(), embed.toString());
      assertEquals(MetabaseDashboard.of(704), embed.request().orElseThrow().resource());
      assertEquals(
          Map.of("tenant", MetabaseParam.of("Acme Paints"), "region", MetabaseParam.of("west")),
          embed.request().orElseThrow().params());

      String notebook = get(http, app.url() + "/notebook/trends");
      assertTrue(notebook.contains("data-src=\"" + EMBED_URL + "\""), notebook);
      assertTrue(notebook.contains("data-embed-origin=\"https://app.codatum.com\""), notebook);
      String issued = get(http, app.url() + "/api/codatum/token?page=trends");
      assertTrue(issued.startsWith("{\"message\":{\"type\":\"SET_TOKEN\",\"token\":\"ey"), issued);
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
