package dev.signet.sample.standin;

import com.sun.net.httpserver.HttpServer;
import dev.signet.looker.JsonValue;
import dev.signet.looker.SignetLookerLogin;
import dev.signet.runtime.InMemoryNonceStore;
import dev.signet.runtime.Json;
import dev.signet.runtime.NonceStore;
import dev.signet.runtime.Origin;
import dev.signet.runtime.Secret;
import dev.signet.runtime.UrlVerifier;
import dev.signet.sample.server.Html;
import dev.signet.sample.server.Http;
import dev.signet.sample.server.Http.Request;
import dev.signet.sample.server.Http.Response;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * A local stand-in for a Looker instance's signed embed login: {@code GET /login/embed/TARGET}
 * checks the URL with the verifier Signet generated for {@link SignetLookerLogin} (the signature,
 * the nonce, which it accepts once, and the time, which must be within five minutes of its clock,
 * as Looker's) and redirects into a session ({@code /embed/session/ID}), whose page shows the embed
 * user the URL signed and, apart, the values Looker's scheme sends unsigned ({@code first_name},
 * {@code last_name}, {@code user_timezone}, {@code force_logout_login}); or it answers with a page
 * that says why it refused the URL.
 *
 * <p>Looker signs the host as the browser reaches it, {@code host:port}, as its first line. As
 * {@link OmniStandin} does, this stand-in is plain HTTP on a loopback port: URLs are signed for
 * {@link #signingOrigin()}, {@code https://127.0.0.1:PORT}, whose host line is {@code
 * 127.0.0.1:PORT}, loaded from {@link #baseUrl()} over HTTP, and checked against that origin.
 */
public final class LookerStandin implements AutoCloseable {
  private static final String LOGIN_PREFIX = "/login/embed/";

  /**
   * How far a URL's {@code time} may be from the stand-in's clock, either way: Looker refuses a
   * {@code time} "not within 5 minutes of the server's system time".
   */
  public static final Duration WINDOW = Duration.ofMinutes(5);

  /**
   * How long a used nonce must be remembered: a URL is fresh from {@link #WINDOW} before its time
   * to {@link #WINDOW} after it, so a nonce recorded at any moment of that span is needed until its
   * end.
   */
  public static final Duration NONCE_LIFE = WINDOW.multipliedBy(2);

  private final Http.Server server;
  private final Origin signingOrigin;
  private final UrlVerifier<SignetLookerLogin> verifier;
  private final EmbedSessions<SignetLookerLogin> sessions =
      new EmbedSessions<>("Looker", LOGIN_PREFIX + "TARGET");

  private LookerStandin(HttpServer bound, Secret secret, NonceStore nonces, Clock clock) {
    InetSocketAddress address = bound.getAddress();
    this.signingOrigin = Origin.https(address.getAddress().getHostAddress(), address.getPort());
    // One verifier for the server's life: its nonce store is what refuses a replayed URL.
    this.verifier =
        SignetLookerLogin.verifier(signingOrigin, secret)
            .withNonceStore(nonces)
            .withClock(clock)
            .withFreshness(WINDOW, WINDOW);
    Http.Router router =
        new Http.Router()
            .get("/", request -> Response.html(home()))
            .prefix(LOGIN_PREFIX, this::login)
            .prefix(EmbedSessions.PATH, request -> sessions.session(request, this::welcome))
            .header("X-Content-Type-Options", "nosniff")
            .header("Cache-Control", "no-store");
    this.server = Http.serve(bound, router, "looker-standin");
  }

  /**
   * Starts the stand-in on {@code address} and {@code port} (0 for any free port), accepting URLs
   * signed with {@code secret}, remembering used nonces in memory, by the system's clock.
   */
  public static LookerStandin start(InetAddress address, int port, Secret secret) {
    return start(address, port, secret, InMemoryNonceStore.withDefaults(), Clock.systemUTC());
  }

  /**
   * As {@link #start(InetAddress, int, Secret)}, remembering used nonces in {@code nonces} (whose
   * time to live should be at least {@link #NONCE_LIFE}) and telling the time by {@code clock}.
   */
  public static LookerStandin start(
      InetAddress address, int port, Secret secret, NonceStore nonces, Clock clock) {
    return new LookerStandin(
        Http.bind(new InetSocketAddress(address, port), "the stand-in Looker"),
        secret,
        nonces,
        clock);
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
    if (!request.method().equals("GET") && !request.method().equals("HEAD")) {
      return Response.text(405, "method not allowed");
    }
    // The path as received, still percent-encoded: it is the signed text's second line.
    String query = request.rawQuery();
    String received = signingOrigin + request.path() + (query.isEmpty() ? "" : "?" + query);
    return sessions.login(verifier.verifyUrl(received), baseUrl());
  }

  private String welcome(EmbedSessions.Login<SignetLookerLogin> session) {
    SignetLookerLogin login = session.request();
    Map<String, String> signed = new LinkedHashMap<>();
    signed.put("external_user_id", login.externalUserId());
    signed.put("permissions", strings(login.permissions()));
    signed.put("models", strings(login.models()));
    login.groupIds().ifPresent(value -> signed.put("group_ids", values(value)));
    login.externalGroupId().ifPresent(value -> signed.put("external_group_id", value));
    login.userAttributes().ifPresent(value -> signed.put("user_attributes", object(value)));
    signed.put("access_filters", object(login.accessFilters()));
    signed.put("session_length", String.valueOf(login.sessionLength()));
    signed.put("target", login.target());
    String unsigned =
        session.unauthenticated().isEmpty()
            ? "<p id=\"unsigned-none\">None were sent.</p>"
            // By name: the verifier's map keeps no order.
            : EmbedSessions.table("unsigned", new TreeMap<>(session.unauthenticated()));
    return Html.page(
        "Looker (stand-in)",
        "<style>body{background:#f4f7fb}.dashboard{display:flex;gap:.8rem;margin:1rem 0}"
            + ".tile{border:2px solid #5f6fd8;border-radius:8px;padding:.6rem 1rem;min-width:8rem}"
            + ".tile small{display:block}.tile b{font-size:1.4rem}"
            + "section.unsigned{border:2px dashed #b42318;padding:.2rem 1rem .8rem;margin-top:1.2rem}"
            + "</style>",
        "<main class=\"looker\"><p class=\"note\">Stand-in Looker at "
            + Html.escape(baseUrl())
            + " · the signature, nonce, time and every signed value checked by Signet's generated"
            + " verifier</p>"
            + "<h1 id=\"welcome\">Embed user <span id=\"external-user-id\">"
            + Html.escape(login.externalUserId())
            + "</span></h1>"
            + "<p>Showing <code id=\"target\">"
            + Html.escape(login.target())
            + "</code> for a session of "
            + login.sessionLength()
            + " s.</p>"
            + "<div class=\"dashboard\"><div class=\"tile\"><small>Pipeline</small><b>$1.2M</b></div>"
            + "<div class=\"tile\"><small>Deals won</small><b>86</b></div>"
            + "<div class=\"tile\"><small>Win rate</small><b>31%</b></div></div>"
            + "<h2>The embed user, as signed</h2>"
            + EmbedSessions.table("signed", signed)
            + "<section class=\"unsigned\"><h2>Sent unsigned: not authenticated</h2>"
            + "<p class=\"note\">Looker's scheme sends these without signing them, so anyone"
            + " holding the URL could have changed them. They are shown as received, for display;"
            + " nothing the user may see depends on them.</p>"
            + unsigned
            + "</section></main>");
  }

  /** A list of strings as the JSON that was signed. */
  private static String strings(List<String> values) {
    StringJoiner json = new StringJoiner(",", "[", "]");
    for (String value : values) {
      StringBuilder element = new StringBuilder();
      Json.appendString(element, value);
      json.add(element);
    }
    return json.toString();
  }

  private static String values(List<JsonValue> values) {
    StringJoiner json = new StringJoiner(",", "[", "]");
    values.forEach(value -> json.add(value.toString()));
    return json.toString();
  }

  private static String object(Map<String, JsonValue> members) {
    StringJoiner json = new StringJoiner(",", "{", "}");
    members.forEach(
        (name, value) -> {
          StringBuilder member = new StringBuilder();
          Json.appendString(member, name);
          json.add(member.append(':').append(value));
        });
    return json.toString();
  }

  private String home() {
    return Html.page(
        "Looker (stand-in)",
        "<main><h1>Stand-in Looker</h1><p>Accepts signed embed logins for the host <code>"
            + Html.escape(signingOrigin.toString().substring("https://".length()))
            + "</code> at <code>"
            + Html.escape(baseUrl())
            + LOGIN_PREFIX
            + "TARGET</code>.</p></main>");
  }

  @Override
  public void close() {
    server.close();
  }
}
