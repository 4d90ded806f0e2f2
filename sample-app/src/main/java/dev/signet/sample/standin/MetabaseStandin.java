package dev.signet.sample.standin;

import com.sun.net.httpserver.HttpServer;
import dev.signet.metabase.MetabaseParam;
import dev.signet.metabase.SignetMetabaseDashboardEmbed;
import dev.signet.runtime.InMemoryNonceStore;
import dev.signet.runtime.JwtVerifier;
import dev.signet.runtime.NonceStore;
import dev.signet.runtime.Secret;
import dev.signet.runtime.SiteUrl;
import dev.signet.sample.server.Html;
import dev.signet.sample.server.Http;
import dev.signet.sample.server.Http.Request;
import dev.signet.sample.server.Http.Response;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A local stand-in for a Metabase instance's static embedding of dashboards: {@code GET
 * /embed/dashboard/TOKEN} checks the URL with the verifier Signet generated for {@link
 * SignetMetabaseDashboardEmbed} (the path's form and no query, then the token: HS256 only, the
 * signature, {@code iat} and {@code exp} against its clock, the claims read into their types, and
 * each token accepted once) and redirects into a session ({@code /embed/session/ID}), whose page
 * shows the dashboard and the claims as verified and, apart, the appearance options of the URL's
 * fragment; or it answers with a page that says why it refused the token.
 *
 * <p>The fragment ({@code #bordered=true&titled=true}) never reaches a server: the browser keeps it
 * through the redirect, and the session page's script reads it, as Metabase's embed page does. It
 * is not signed, so the page marks it unauthenticated. Metabase itself accepts a token as often as
 * it is loaded until it expires; this stand-in accepts it once, as the other stand-ins accept a
 * signed URL, which is also how it notices a token that leaked.
 *
 * <p>Metabase's site URL is not signed, so unlike the Omni and Looker stand-ins this one needs no
 * HTTPS origin to sign for: its {@link #siteUrl()} is where the browser reaches it.
 */
public final class MetabaseStandin implements AutoCloseable {
  /** Where dashboards are embedded: the token is the rest of the path. */
  public static final String DASHBOARD_PATH = "/embed/dashboard/";

  /**
   * The longest a token may live from issue to expiry: Metabase's embed snippet signs for ten
   * minutes, and so does {@link SignetMetabaseDashboardEmbed} unless told otherwise.
   */
  public static final Duration MAX_LIFETIME = Duration.ofMinutes(10);

  /** How far the signer's clock may be from the stand-in's. */
  public static final Duration SKEW = Duration.ofMinutes(1);

  /**
   * How long a used token must be remembered: until it expires, at most {@link #MAX_LIFETIME} after
   * its issue, and {@link #SKEW} beyond.
   */
  public static final Duration NONCE_LIFE = MAX_LIFETIME.plus(SKEW);

  private static final String STATIC = "/static/";

  private final Http.Server server;
  private final JwtVerifier<SignetMetabaseDashboardEmbed> verifier;
  private final EmbedSessions<SignetMetabaseDashboardEmbed> sessions =
      new EmbedSessions<>("Metabase", DASHBOARD_PATH + "TOKEN");

  private MetabaseStandin(HttpServer bound, JwtVerifier<SignetMetabaseDashboardEmbed> verifier) {
    Http.Router router =
        new Http.Router()
            .get("/", request -> Response.html(home()))
            .prefix(DASHBOARD_PATH, this::embed)
            .prefix(EmbedSessions.PATH, request -> sessions.session(request, this::dashboard))
            .prefix(
                STATIC,
                request ->
                    Http.resource(MetabaseStandin.class, request.path().substring(STATIC.length())))
            .header("X-Content-Type-Options", "nosniff")
            .header("Cache-Control", "no-store");
    this.server = Http.serve(bound, router, "metabase-standin");
    // The embed URLs start with the site URL, which is known once the port is.
    this.verifier = verifier.withSite(siteUrl());
  }

  /**
   * Starts the stand-in on {@code address} and {@code port} (0 for any free port), accepting tokens
   * signed with {@code secret}, remembering used tokens in memory, by the system's clock.
   */
  public static MetabaseStandin start(InetAddress address, int port, Secret secret) {
    Clock clock = Clock.systemUTC();
    return start(address, port, secret, new InMemoryNonceStore(100_000, NONCE_LIFE, clock), clock);
  }

  /**
   * As {@link #start(InetAddress, int, Secret)}, remembering used tokens in {@code nonces} (whose
   * time to live must be at least {@link #NONCE_LIFE}) and telling the time by {@code clock}.
   *
   * @throws IllegalArgumentException when {@code nonces} forgets tokens before they expire
   */
  public static MetabaseStandin start(
      InetAddress address, int port, Secret secret, NonceStore nonces, Clock clock) {
    // One verifier for the server's life: its store is what refuses a replayed token. The store
    // comes last, so that it is checked against the lifetime and skew it must cover, before a port
    // is taken.
    JwtVerifier<SignetMetabaseDashboardEmbed> verifier =
        SignetMetabaseDashboardEmbed.verifier(secret)
            .withClock(clock)
            .withSkew(SKEW)
            .withMaxLifetime(MAX_LIFETIME)
            .withNonceStore(nonces);
    return new MetabaseStandin(
        Http.bind(new InetSocketAddress(address, port), "the stand-in Metabase"), verifier);
  }

  /** Where a browser reaches the stand-in: {@code http://127.0.0.1:PORT}. */
  public String baseUrl() {
    return server.baseUrl();
  }

  /** Metabase's SITE_URL for this stand-in: the embed URLs start with it. */
  public SiteUrl siteUrl() {
    return SiteUrl.of(baseUrl());
  }

  private Response embed(Request request) {
    // Not HEAD either: it would use the token up and show nothing.
    if (!request.method().equals("GET")) {
      return Response.text(405, "method not allowed");
    }
    // The URL as received, still percent-encoded; the fragment never reaches a server. The
    // verifier checks it all: the path's form, no query parameter Metabase would not take, and
    // then the token.
    String query = request.rawQuery();
    String received = siteUrl() + request.path() + (query.isEmpty() ? "" : "?" + query);
    return sessions.login(verifier.verifyUrl(received), baseUrl());
  }

  private String dashboard(EmbedSessions.Login<SignetMetabaseDashboardEmbed> session) {
    SignetMetabaseDashboardEmbed embed = session.request();
    Map<String, String> verified = new LinkedHashMap<>();
    verified.put("resource", "{\"dashboard\":" + embed.resource().dashboard() + "}");
    embed
        .params()
        .forEach(
            (name, value) ->
                verified.put("params." + name, value == null ? "null" : value.toString()));
    verified.put("exp", embed.exp() + " (" + Instant.ofEpochSecond(embed.exp()) + ")");
    verified.put("iat", embed.iat() + " (" + Instant.ofEpochSecond(embed.iat()) + ")");
    StringBuilder filters = new StringBuilder();
    for (Map.Entry<String, MetabaseParam> param : embed.params().entrySet()) {
      filters
          .append("<span class=\"filter\">")
          .append(Html.escape(param.getKey()))
          .append(" = <b>")
          .append(Html.escape(param.getValue()))
          .append("</b></span>");
    }
    return Html.page(
        "Metabase (stand-in)",
        "<link rel=\"stylesheet\" href=\"" + STATIC + "standin-metabase.css\">",
        "<main id=\"dashboard\"><p class=\"note\">Stand-in Metabase at "
            + Html.escape(baseUrl())
            + " · the token's algorithm, signature, issue time, expiry and claims checked by"
            + " Signet's generated verifier, each token accepted once</p>"
            + "<h1 id=\"welcome\">Dashboard <span id=\"dashboard-id\">"
            + Html.escape(embed.resource().dashboard())
            + "</span></h1>"
            + "<p id=\"filters\">Locked filters: "
            + (filters.length() == 0 ? "none" : filters)
            + "</p>"
            + "<div class=\"tiles\"><div class=\"tile\"><small>Orders</small><b>3,912</b></div>"
            + "<div class=\"tile\"><small>Average order</small><b>$57.20</b></div>"
            + "<div class=\"tile\"><small>Repeat customers</small><b>44%</b></div></div>"
            + "<h2>The token, as verified</h2>"
            + EmbedSessions.table("signed", verified)
            + "<section class=\"unsigned\"><h2>Appearance options: not authenticated</h2>"
            + "<p class=\"note\">They come after # in the URL, which is not signed and never"
            + " reaches the server: this page's script reads them from its address, so anyone"
            + " holding the URL could have changed them. They change how the dashboard looks,"
            + " nothing it shows.</p>"
            + "<table id=\"appearance\" hidden></table>"
            + "<p id=\"appearance-none\">None were given.</p></section></main>"
            + "<script src=\""
            + STATIC
            + "standin-metabase.js\"></script>");
  }

  private String home() {
    return Html.page(
        "Metabase (stand-in)",
        "<main><h1>Stand-in Metabase</h1><p>Accepts static-embedding tokens of dashboards at"
            + " <code>"
            + Html.escape(baseUrl())
            + DASHBOARD_PATH
            + "TOKEN</code>.</p></main>");
  }

  @Override
  public void close() {
    server.close();
  }
}
