package dev.signet.sample.web;

import static dev.signet.sample.web.HostPages.get;
import static dev.signet.sample.web.HostPages.signedIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.runtime.JsonParser;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host's Metabase page over HTTP on loopback, with the stand-in Metabase: each load signs a
 * token whose locked filters come from the signed-in user's row, which the stand-in accepts once; a
 * row that gives a locked filter no value is a clear page naming the column.
 */
class MetabasePageTest {
  @TempDir Path temp;

  @Test
  void eachLoadSignsATokenForTheUsersRowThatTheStandinAcceptsOnce() throws Exception {
    try (SampleApp app =
        SampleApp.start(
            new SampleApp.Options(0, temp.resolve("data"), 0, 0), VendorSettings.standins())) {
      HttpClient browser = signedIn(app, "user-42");
      String page = get(browser, app.url() + "/metabase").body();
      assertTrue(page.contains("href=\"/metabase\" class=\"active\">Metabase dashboard</a>"), page);
      String url = metabaseUrl(page, app);
      assertTrue(url.endsWith("#bordered=true&titled=true"), url);
      Map<?, ?> claims = claims(url);
      assertEquals(List.of("resource", "params", "exp", "iat"), List.copyOf(claims.keySet()));
      assertEquals(Map.of("dashboard", BigDecimal.ONE), claims.get("resource"));
      assertEquals(Map.of("tenant", "Acme Paints", "region", "west"), claims.get("params"));
      long iat = ((BigDecimal) claims.get("iat")).longValueExact();
      assertEquals(iat + 600, ((BigDecimal) claims.get("exp")).longValueExact());
      assertTrue(Math.abs(Instant.now().getEpochSecond() - iat) < 60, "iat is now: " + iat);
      // The page shows the claims it signed, and nothing of the fragment among them.
      String shown = page.substring(page.indexOf("id=\"signed-claims\">"));
      assertTrue(
          shown.startsWith(
              "id=\"signed-claims\">{&quot;resource&quot;:{&quot;dashboard&quot;:1},"
                  + "&quot;params&quot;:{&quot;tenant&quot;:&quot;Acme Paints&quot;,"
                  + "&quot;region&quot;:&quot;west&quot;},&quot;exp&quot;:"),
          shown);
      assertTrue(
          page.contains("id=\"signed-header\">{&quot;alg&quot;:&quot;HS256&quot;,&quot;typ"), page);

      String dashboard = accepted(url);
      assertTrue(dashboard.contains("data-param=\"params.tenant\">&quot;Acme Paints&quot;<"));
      assertTrue(dashboard.contains("data-param=\"params.region\">&quot;west&quot;<"), dashboard);
      HttpResponse<String> replay = get(HttpClient.newHttpClient(), withoutFragment(url), 403);
      assertTrue(replay.body().contains("data-reason=\"REPLAYED_NONCE\""), replay.body());
      // A reload signs a new token, which is accepted again: its issue time is later, also within
      // the same second, or the two tokens would be one.
      String again = metabaseUrl(get(browser, app.url() + "/metabase").body(), app);
      assertFalse(again.equals(url));
      assertTrue(((BigDecimal) claims(again).get("iat")).longValueExact() > iat, again);
      accepted(again);

      // A listed region is a list of alternatives to Metabase; a theme goes in the fragment only.
      String ada =
          metabaseUrl(
              get(signedIn(app, "user-7"), app.url() + "/metabase?theme=night").body(), app);
      assertTrue(ada.endsWith("#bordered=true&titled=true&theme=night"), ada);
      assertEquals(
          Map.of("tenant", "Analytical Engines", "region", List.of("east", "north")),
          claims(ada).get("params"));
      assertTrue(
          accepted(ada)
              .contains("data-param=\"params.region\">[&quot;east&quot;,&quot;north&quot;]<"));
    }
  }

  @Test
  void aUserRowWithoutALockedFiltersValueIsAPageNamingTheColumn() throws Exception {
    try (SampleApp app =
        SampleApp.start(
            new SampleApp.Options(0, temp.resolve("data"), 0, 0), VendorSettings.standins())) {
      insertUser("user-no-region", "Acme Paints", "{\"tier\":3}");
      insertUser("user-empty-region", "Acme Paints", "{\"region\":[]}");
      insertUser("user-nested-region", "Acme Paints", "{\"region\":[{\"name\":\"west\"}]}");
      insertUser("user-no-entity", "", "{\"region\":\"west\"}");
      for (String user : List.of("user-no-region", "user-empty-region", "user-nested-region")) {
        HttpResponse<String> page = get(signedIn(app, user), app.url() + "/metabase", 500);
        assertTrue(page.body().contains("id=\"user-row-error\""), page.body());
        assertTrue(page.body().contains("<code>user_attributes</code> column"), page.body());
        assertTrue(page.body().contains("No Metabase login can be signed"), page.body());
        assertFalse(page.body().contains("id=\"metabase\""), page.body());
      }
      HttpResponse<String> page =
          get(signedIn(app, "user-no-entity"), app.url() + "/metabase", 500);
      assertTrue(page.body().contains("<code>entity</code> column"), page.body());
    }
  }

  private void insertUser(String id, String entity, String userAttributes) throws Exception {
    HostPages.insertUser(temp.resolve("data"), id, "Row Under Test", entity, userAttributes);
  }

  /** The token's claims, decoded from the URL's last path segment. */
  private static Map<?, ?> claims(String url) {
    String path = URI.create(url).getRawPath();
    String token = path.substring(path.lastIndexOf('/') + 1);
    String[] parts = token.split("\\.");
    assertEquals(3, parts.length, token);
    return (Map<?, ?>)
        JsonParser.parse(
            new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
  }

  private static String withoutFragment(String url) {
    return url.substring(0, url.indexOf('#'));
  }

  /** The stand-in's dashboard page for {@code url}, which it must accept. */
  private static String accepted(String url) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> embed = get(http, withoutFragment(url), 303);
    URI session = URI.create(url).resolve(embed.headers().firstValue("Location").orElseThrow());
    return get(http, session.toString(), 200).body();
  }

  private static String metabaseUrl(String page, SampleApp app) {
    return HostPages.iframeSrc(
        page, "metabase", app.metabaseStandinUrl().orElseThrow() + "/embed/dashboard/eyJ");
  }
}
