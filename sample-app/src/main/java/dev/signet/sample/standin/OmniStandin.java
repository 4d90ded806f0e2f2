package dev.signet.sample.standin;

import com.sun.net.httpserver.HttpServer;
import dev.signet.omni.SignetOmniLogin;
import dev.signet.omni.UserAttribute;
import dev.signet.runtime.InMemoryNonceStore;
import dev.signet.runtime.Json;
import dev.signet.runtime.NonceStore;
import dev.signet.runtime.Origin;
import dev.signet.runtime.Secret;
import dev.signet.runtime.Verifier;
import dev.signet.sample.server.Html;
import dev.signet.sample.server.Http;
import dev.signet.sample.server.Http.Request;
import dev.signet.sample.server.Http.Response;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A local stand-in for Omni's embed host: {@code GET /embed/login} checks the signed URL with the
 * verifier Signet generated for {@link SignetOmniLogin} and, as Omni does, redirects into a session
 * ({@code /embed/session/ID}), whose page shows what the URL carried; or it answers with a page
 * that says why it refused the URL (a bad signature, a replayed nonce, a malformed value). A signed
 * URL logs in once; the session's page can be reloaded.
 *
 * <p>Omni's hosts are HTTPS, and Signet signs {@code https://HOST[:PORT]/embed/login} as the first
 * line. This stand-in is plain HTTP on a loopback port, so URLs are signed for {@link
 * #signingOrigin()}, {@code https://127.0.0.1:PORT}, loaded from {@link #baseUrl()}, {@code
 * http://127.0.0.1:PORT}, and checked against the HTTPS origin: the signed text is exactly the one
 * Omni would check.
 */
public final class OmniStandin implements AutoCloseable {
  private final Http.Server server;
  private final Origin signingOrigin;
  private final Verifier<SignetOmniLogin> verifier;
  private final EmbedSessions<SignetOmniLogin> sessions =
      new EmbedSessions<>("Omni", SignetOmniLogin.PATH);

  private OmniStandin(HttpServer bound, Secret secret, NonceStore nonces) {
    InetSocketAddress address = bound.getAddress();
    this.signingOrigin = Origin.https(address.getAddress().getHostAddress(), address.getPort());
    // One verifier for the server's life: its nonce store is what refuses a replayed URL.
    this.verifier = SignetOmniLogin.verifier(signingOrigin, secret).withNonceStore(nonces);
    Http.Router router =
        new Http.Router()
            .get("/", request -> Response.html(home()))
            .get(SignetOmniLogin.PATH, this::login)
            .prefix(
                EmbedSessions.PATH,
                request -> sessions.session(request, login -> welcome(login.request())))
            .header("X-Content-Type-Options", "nosniff")
            .header("Cache-Control", "no-store");
    this.server = Http.serve(bound, router, "omni-standin");
  }

  /**
   * Starts the stand-in on {@code address} and {@code port} (0 for any free port), accepting URLs
   * signed with {@code secret}.
   */
  public static OmniStandin start(InetAddress address, int port, Secret secret) {
    return start(address, port, secret, InMemoryNonceStore.withDefaults());
  }

  /**
   * As {@link #start(InetAddress, int, Secret)}, remembering used nonces in {@code nonces}: a store
   * kept outside the process, such as the app's database, refuses a used URL after a restart too.
   */
  public static OmniStandin start(InetAddress address, int port, Secret secret, NonceStore nonces) {
    return new OmniStandin(
        Http.bind(new InetSocketAddress(address, port), "the stand-in Omni"), secret, nonces);
  }

  /** The origin URLs are signed for: {@code https://127.0.0.1:PORT}. */
  public Origin signingOrigin() {
    return signingOrigin;
  }

  /** Where a browser reaches the stand-in: {@code http://127.0.0.1:PORT}. */
  public String baseUrl() {
    return server.baseUrl();
  }

  /** The URL a browser loads for a URL signed for {@link #signingOrigin()}: the same, over HTTP. */
  public String browserUrl(String signedUrl) {
    String prefix = signingOrigin.toString();
    return signedUrl.startsWith(prefix)
        ? baseUrl() + signedUrl.substring(prefix.length())
        : signedUrl;
  }

  private Response login(Request request) {
    return sessions.login(verifier.verifyQuery(request.rawQuery()), baseUrl());
  }

  private String welcome(SignetOmniLogin login) {
    Map<String, String> received = new LinkedHashMap<>();
    received.put("externalId", login.externalId());
    received.put("name", login.name());
    received.put("contentPath", login.contentPath());
    login.email().ifPresent(value -> received.put("email", value));
    login.entity().ifPresent(value -> received.put("entity", value));
    login.userAttributes().ifPresent(value -> received.put("userAttributes", json(value)));
    login.groups().ifPresent(value -> received.put("groups", String.join(", ", value)));
    login.mode().ifPresent(value -> received.put("mode", value.name()));
    login.prefersDark().ifPresent(value -> received.put("prefersDark", value.name()));
    login.accessBoost().ifPresent(value -> received.put("accessBoost", value.toString()));
    login.branch().ifPresent(value -> received.put("branch", value));
    login.linkAccess().ifPresent(value -> received.put("linkAccess", value));
    login.customThemeId().ifPresent(value -> received.put("customThemeId", value));
    String theme = login.theme().map(value -> value.name().toLowerCase(Locale.ROOT)).orElse("");
    received.put("theme", theme.isEmpty() ? "(none)" : theme);
    return Html.page(
        "Omni (stand-in)",
        themeStyle(theme),
        "<main class=\"omni\"><p class=\"note\">Stand-in Omni at "
            + Html.escape(baseUrl())
            + " · the signature, nonce and every value checked by Signet's generated verifier</p>"
            + "<h1 id=\"welcome\">Welcome, "
            + Html.escape(login.name())
            + "</h1>"
            + "<p>Signed in as <b id=\"external-id\">"
            + Html.escape(login.externalId())
            + "</b>"
            + login.entity().map(e -> " of <b id=\"entity\">" + Html.escape(e) + "</b>").orElse("")
            + ". Showing <code id=\"content-path\">"
            + Html.escape(login.contentPath())
            + "</code>.</p>"
            + "<div class=\"dashboard\"><div class=\"tile\"><small>Revenue</small><b>$48,210</b></div>"
            + "<div class=\"tile\"><small>Orders</small><b>1,204</b></div>"
            + "<div class=\"tile\"><small>Returns</small><b>2.1%</b></div></div>"
            + "<h2>What the signed URL carried</h2>"
            + EmbedSessions.table("received", received)
            + "</main>");
  }

  /** The attributes as compact JSON, as they were signed. */
  private static String json(Map<String, UserAttribute> attributes) {
    StringBuilder json = new StringBuilder("{");
    attributes.forEach(
        (name, value) -> {
          if (json.length() > 1) {
            json.append(',');
          }
          Json.appendString(json, name);
          json.append(':');
          value.writeJson(json);
        });
    return json.append('}').toString();
  }

  private static String themeStyle(String theme) {
    String[] colors =
        switch (theme) {
          case "vibes" -> new String[] {"#2b1055", "#f4e9ff", "#7b2ff7"};
          case "dawn" -> new String[] {"#fff4e6", "#4a2a00", "#f08c00"};
          case "breeze" -> new String[] {"#e6f7ff", "#0b3954", "#1c7ed6"};
          case "blank" -> new String[] {"#ffffff", "#111111", "#888888"};
          default -> new String[] {"#f1f3f8", "#1d2330", "#4c6ef5"};
        };
    return "<style>body{background:"
        + colors[0]
        + ";color:"
        + colors[1]
        + "}"
        + ".dashboard{display:flex;gap:.8rem;margin:1rem 0}.tile{border:2px solid "
        + colors[2]
        + ";border-radius:8px;padding:.6rem 1rem;min-width:8rem}.tile small{display:block}"
        + ".tile b{font-size:1.4rem}table{color:#1d2330}</style>";
  }

  private String home() {
    return Html.page(
        "Omni (stand-in)",
        "<main><h1>Stand-in Omni</h1><p>Accepts embed logins signed for <code>"
            + Html.escape(signingOrigin)
            + SignetOmniLogin.PATH
            + "</code> at <code>"
            + Html.escape(baseUrl())
            + SignetOmniLogin.PATH
            + "</code>.</p></main>");
  }

  @Override
  public void close() {
    server.close();
  }
}
