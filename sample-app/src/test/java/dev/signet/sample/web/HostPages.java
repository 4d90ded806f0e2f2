package dev.signet.sample.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the tests of the host's embed pages do over HTTP as a browser without scripts would: sign
 * in, load a page, read an iframe's URL, and add a row to the users table.
 */
final class HostPages {
  private HostPages() {}

  /** A client with a cookie jar, signed in to {@code app} as {@code user}. */
  static HttpClient signedIn(SampleApp app, String user) throws Exception {
    HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    HttpResponse<String> signIn =
        http.send(
            HttpRequest.newBuilder(URI.create(app.url() + "/signin"))
                .header("Origin", app.url())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("user=" + user))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(303, signIn.statusCode());
    return http;
  }

  /** {@code url} fetched with {@code http}, which must answer 200. */
  static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return get(http, url, 200);
  }

  /** {@code url} fetched with {@code http}, which must answer {@code status}. */
  static HttpResponse<String> get(HttpClient http, String url, int status) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(status, response.statusCode(), url + ": " + response.body());
    return response;
  }

  /**
   * The {@code src} of the iframe {@code id} on {@code page}, unescaped, which must start with
   * {@code prefix}.
   */
  static String iframeSrc(String page, String id, String prefix) {
    Matcher src =
        Pattern.compile("id=\"" + Pattern.quote(id) + "\"[^>]* src=\"([^\"]+)\"").matcher(page);
    assertTrue(src.find(), page);
    String url = src.group(1).replace("&amp;", "&");
    assertTrue(url.startsWith(prefix), url);
    return url;
  }

  /** Adds a row to the users table of the app whose data directory is {@code dataDir}. */
  static void insertUser(Path dataDir, String id, String name, String entity, String userAttributes)
      throws Exception {
    Path data = dataDir.toAbsolutePath().normalize();
    try (Connection db =
            DriverManager.getConnection(
                "jdbc:h2:file:" + data.resolve("signet") + ";DB_CLOSE_ON_EXIT=FALSE",
                "signet",
                "");
        PreparedStatement insert =
            db.prepareStatement(
                "INSERT INTO users (id, name, email, entity, store_id, user_attributes)"
                    + " VALUES (?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, id);
      insert.setString(2, name);
      insert.setString(3, "x@example.com");
      insert.setString(4, entity);
      insert.setString(5, "store_001");
      insert.setString(6, userAttributes);
      insert.executeUpdate();
    }
  }
}
