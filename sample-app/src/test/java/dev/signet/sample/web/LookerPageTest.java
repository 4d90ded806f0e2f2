package dev.signet.sample.web;

import static dev.signet.sample.web.HostPages.get;
import static dev.signet.sample.web.HostPages.signedIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host's Looker page over HTTP on loopback, with the stand-in Looker: each load signs a URL for
 * the signed-in user's row, which the stand-in accepts once; a row Looker cannot take is a clear
 * page naming the column.
 */
class LookerPageTest {
  @TempDir Path temp;

  @Test
  void eachLoadSignsAUrlForTheUsersRowThatTheStandinAcceptsOnce() throws Exception {
    try (SampleApp app =
        SampleApp.start(
            new SampleApp.Options(0, temp.resolve("data"), 0, 0), VendorSettings.standins())) {
      HttpClient browser = signedIn(app, "user-42");
      String page = get(browser, app.url() + "/looker").body();
      assertTrue(page.contains("href=\"/looker\" class=\"active\">Looker dashboard</a>"), page);
      String url = lookerUrl(page, app);
      assertTrue(url.contains("&external_user_id=%22user-42%22&"), url);
      assertTrue(url.contains("&first_name=%22Blob%22&last_name=%22Ross%22&"), url);
      assertTrue(url.contains("&external_group_id=%22Acme+Paints%22&"), url);
      String signedText = page.substring(page.indexOf("id=\"signed-text\">"));
      // The host line, then the path; first_name and last_name are no part of the text.
      assertTrue(
          signedText.startsWith(
              "id=\"signed-text\">"
                  + URI.create(app.lookerStandinUrl().orElseThrow()).getAuthority()
                  + "\n/login/embed/%2Fembed%2Fdashboards%2F1\n"),
          signedText);
      assertTrue(!signedText.contains("Blob"), signedText);

      String welcome = accepted(url);
      assertTrue(welcome.contains("<span id=\"external-user-id\">user-42</span>"), welcome);
      assertTrue(welcome.contains("data-param=\"external_group_id\">Acme Paints<"), welcome);
      assertTrue(
          welcome.contains(
              "data-param=\"user_attributes\">{&quot;region&quot;:&quot;west&quot;,&quot;tier&quot;:2}<"),
          welcome);
      assertTrue(welcome.contains("data-param=\"models\">[&quot;thelook&quot;]<"), welcome);
      HttpResponse<String> replay =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(URI.create(url)).build(),
                  HttpResponse.BodyHandlers.ofString());
      assertEquals(403, replay.statusCode());
      assertTrue(replay.body().contains("data-reason=\"REPLAYED_NONCE\""), replay.body());
      // A reload signs a new URL, which logs in again.
      String again = lookerUrl(get(browser, app.url() + "/looker").body(), app);
      assertTrue(!again.equals(url));
      accepted(again);

      // A listed attribute becomes Looker's comma-separated alternatives.
      String ada =
          accepted(lookerUrl(get(signedIn(app, "user-7"), app.url() + "/looker").body(), app));
      assertTrue(
          ada.contains(
              "data-param=\"user_attributes\">{&quot;region&quot;:&quot;east,north&quot;,&quot;tier&quot;:1}<"),
          ada);
    }
  }

  @Test
  void aUserRowLookerCannotTakeIsAPageNamingTheColumn() throws Exception {
    try (SampleApp app =
        SampleApp.start(
            new SampleApp.Options(0, temp.resolve("data"), 0, 0), VendorSettings.standins())) {
      HostPages.insertUser(
          temp.resolve("data"),
          "user-nested",
          "Nested Attributes",
          "Acme",
          "{\"region\":{\"name\":\"west\"}}");
      HttpResponse<String> page = get(signedIn(app, "user-nested"), app.url() + "/looker", 500);
      assertTrue(page.body().contains("id=\"user-row-error\""), page.body());
      assertTrue(page.body().contains("<code>user_attributes</code> column"), page.body());
      assertTrue(page.body().contains("No Looker login can be signed"), page.body());
    }
  }

  /** The stand-in's session page for {@code url}, which it must accept. */
  private static String accepted(String url) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpResponse<String> login =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(303, login.statusCode(), login.body());
    URI session = URI.create(url).resolve(login.headers().firstValue("Location").orElseThrow());
    HttpResponse<String> page =
        http.send(HttpRequest.newBuilder(session).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, page.statusCode());
    return page.body();
  }

  private static String lookerUrl(String page, SampleApp app) {
    return HostPages.iframeSrc(
        page, "looker", app.lookerStandinUrl().orElseThrow() + "/login/embed/");
  }
}
