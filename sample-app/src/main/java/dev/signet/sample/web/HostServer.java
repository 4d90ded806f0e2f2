package dev.signet.sample.web;

import dev.signet.omni.SignetOmniLogin;
import dev.signet.omni.Theme;
import dev.signet.omni.UserAttribute;
import dev.signet.runtime.InvalidParameterException;
import dev.signet.sample.server.Html;
import dev.signet.sample.server.Http;
import dev.signet.sample.server.Http.Request;
import dev.signet.sample.server.Http.Response;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.logging.Logger;

/**
 * The host application: the pages a SaaS product would have around its embeds. Signing in picks a
 * user of the app's own user table; the Omni and Looker pages sign a login URL for that user on
 * every load, and the Metabase page an embed token; the notebook pages get Codatum tokens for the
 * user's session and keep the params the user changes; the builder and the inspector are tools for
 * developers.
 */
final class HostServer {
  private static final Logger LOG = Logger.getLogger(HostServer.class.getName());

  /** A link back to the home page, for error pages. */
  private static final String HOME_LINK =
      "<p><a id=\"home-link\" href=\"/\">Back to the home page</a></p>";

  private final Database database;
  private final OmniTarget omni;
  private final CodatumTarget codatum;
  private final LookerTarget looker;
  private final LookerPage lookerPage;
  private final MetabaseTarget metabase;
  private final MetabasePage metabasePage;
  private final Sessions sessions = new Sessions();
  private final NotebookPages notebooks;
  private final BuilderPages builder;

  /**
   * @param devTools whether the builder and the inspector are on when the app signs with the real
   *     Omni's secret (with the stand-in they always are)
   */
  HostServer(
      Database database,
      OmniTarget omni,
      CodatumTarget codatum,
      LookerTarget looker,
      MetabaseTarget metabase,
      boolean devTools) {
    this.database = database;
    this.omni = omni;
    this.codatum = codatum;
    this.looker = looker;
    this.lookerPage = new LookerPage(this, looker);
    this.metabase = metabase;
    this.metabasePage = new MetabasePage(this, metabase);
    this.notebooks = new NotebookPages(this, database, codatum);
    this.builder =
        new BuilderPages(
            this,
            List.of(
                new ToolTarget(
                    "omni",
                    omni.origin().toString(),
                    omni.secret(),
                    omni.isStandin(),
                    Optional.of("externalId"),
                    omni.browserUrl(),
                    Map.of("SignetOmniLogin", user -> omniLogin(user, null))),
                new ToolTarget(
                    "looker",
                    looker.origin().toString(),
                    looker.secret(),
                    looker.isStandin(),
                    Optional.of("externalUserId"),
                    looker.browserUrl(),
                    Map.of("SignetLookerLogin", lookerPage::login)),
                new ToolTarget(
                    "metabase",
                    metabase.siteUrl().toString(),
                    metabase.secret(),
                    metabase.isStandin(),
                    // No claim of a dashboard's token names the user: with the real key the builder
                    // could sign any tenant's filters, so it signs with that key for no one.
                    Optional.empty(),
                    UnaryOperator.identity(),
                    Map.of(
                        "SignetMetabaseDashboardEmbed", user -> metabasePage.embed(user).build()))),
            devTools);
  }

  Http.Server start(InetSocketAddress address) {
    Http.Router router =
        new Http.Router()
            .get("/", this::home)
            .post("/signin", this::signIn)
            .post("/signout", this::signOut)
            .get("/omni", this::omniPage)
            .get("/looker", lookerPage::page)
            .get("/metabase", metabasePage::page)
            .get("/notebook/sales", request -> notebooks.page(request, NotebookPage.SALES))
            .get("/notebook/trends", request -> notebooks.page(request, NotebookPage.TRENDS))
            .get("/api/codatum/token", notebooks::token)
            .post("/api/codatum/messages", notebooks::message)
            .get("/builder", builder::builder)
            .post("/builder", builder::builder)
            .get("/inspector", builder::inspector)
            .post("/inspector", builder::inspector)
            .prefix(
                "/static/",
                request ->
                    Http.resource(HostServer.class, request.path().substring("/static/".length())))
            .header("X-Content-Type-Options", "nosniff")
            // The app's pages frame the vendors; no one frames the app's pages.
            .header("Content-Security-Policy", "frame-ancestors 'none'")
            // same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on form
            // posts.
            .header("Referrer-Policy", "same-origin")
            .header("Cache-Control", "no-store")
            .errorPage(this::errorPage);
    return Http.serve(Http.bind(address, "the host app"), router, "host-app");
  }

  /** The signed-in user, if any. */
  Optional<DemoUser> user(Request request) throws SQLException {
    Optional<Sessions.Session> session = sessions.find(request);
    return session.isPresent() ? database.user(session.get().userId()) : Optional.empty();
  }

  Optional<Sessions.Session> session(Request request) {
    return sessions.find(request);
  }

  /** A page of this app, with the navigation and the vendors in use. */
  String page(String title, String active, DemoUser user, String body) {
    return Layout.page(title, active, user, vendors(), body);
  }

  /** Where to send someone who must sign in first: home, and back to the page after signing in. */
  static Response signInFirst(Request request) {
    String then = request.path() + (request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery());
    return Response.redirect(
        "/?signin=required&then=" + URLEncoder.encode(then, StandardCharsets.UTF_8));
  }

  /**
   * A page of this app to go to after signing in: a path on this server, never another site's URL
   * (such as {@code //evil.example}), or home.
   */
  private static String localPath(String then) {
    boolean local =
        then != null
            && then.startsWith("/")
            && !then.startsWith("//")
            && then.indexOf('\\') < 0
            && then.chars().allMatch(c -> c > ' ' && c < 0x7f);
    return local ? then : "/";
  }

  /** The 404 and 500 pages, with the navigation and a link home. */
  private String errorPage(Request request, String title, String body) {
    DemoUser user;
    try {
      user = user(request).orElse(null);
    } catch (SQLException e) {
      user = null;
    }
    return page(title, "", user, body + HOME_LINK);
  }

  private String vendors() {
    String omniText =
        omni.isStandin()
            ? "Omni: the local stand-in at "
                + Html.escape(omni.browserUrl().apply(omni.origin().toString()))
            : "Omni: " + Html.escape(omni.origin());
    String codatumText =
        codatum.isStandin()
            ? "Codatum: the local stand-in at " + Html.escape(codatum.embedOrigin())
            : "Codatum: " + Html.escape(codatum.embedOrigin());
    String lookerText =
        looker.isStandin()
            ? "Looker: the local stand-in at "
                + Html.escape(looker.browserUrl().apply(looker.origin().toString()))
            : "Looker: " + Html.escape(looker.origin());
    String metabaseText =
        (metabase.isStandin() ? "Metabase: the local stand-in at " : "Metabase: ")
            + Html.escape(metabase.siteUrl());
    return omniText
        + " · "
        + lookerText
        + " · "
        + metabaseText
        + " · "
        + codatumText
        + " · set OMNI_*, LOOKER_*, METABASE_* and CODATUM_* to use the real vendors";
  }

  private Response home(Request request) throws SQLException {
    Optional<DemoUser> user = user(request);
    StringBuilder body = new StringBuilder("<h1>Signet sample app</h1>");
    if (user.isEmpty()) {
      if (request.query("signin") != null) {
        body.append("<p class=\"bad\">Sign in first.</p>");
      }
      body.append(
              "<p>A host application that embeds an Omni dashboard, a Looker dashboard, a Metabase"
                  + " dashboard and a Codatum notebook,"
                  + " signing and issuing each embed on its server with Signet. Sign in as a user of the"
                  + " app's own user table:</p><form method=\"post\" action=\"/signin\">")
          .append("<input type=\"hidden\" name=\"then\" value=\"")
          .append(Html.escape(localPath(request.query("then"))))
          .append("\">");
      for (DemoUser demo : database.users()) {
        body.append("<p><button type=\"submit\" name=\"user\" value=\"")
            .append(Html.escape(demo.id()))
            .append("\" id=\"signin-")
            .append(Html.escape(demo.id()))
            .append("\">Sign in as ")
            .append(Html.escape(demo.name()))
            .append("</button> <span class=\"note\">")
            .append(Html.escape(demo.id()))
            .append(" · ")
            .append(Html.escape(demo.entity()))
            .append(" · ")
            .append(Html.escape(demo.userAttributes()))
            .append("</span></p>");
      }
      body.append("</form>");
    } else {
      DemoUser signedIn = user.get();
      body.append("<p id=\"welcome\">Signed in as <b>")
          .append(Html.escape(signedIn.name()))
          .append("</b> (")
          .append(Html.escape(signedIn.id()))
          .append(", entity ")
          .append(Html.escape(signedIn.entity()))
          .append(", store ")
          .append(Html.escape(signedIn.storeId()))
          .append(
              ").</p><ul>"
                  + "<li><a href=\"/omni\">Omni dashboard</a>: a login URL signed for you on every page load.</li>"
                  + "<li><a href=\"/looker\">Looker dashboard</a>: an embed URL signed for you on every page load, which the embed accepts once, within five minutes of its signing.</li>"
                  + "<li><a href=\"/metabase\">Metabase dashboard</a>: a static-embedding token signed for you on every page load, its filters locked to your entity and region.</li>"
                  + "<li><a href=\"/notebook/sales\">"
                  + Html.escape(NotebookPage.SALES.title())
                  + "</a> and <a href=\"/notebook/trends\">"
                  + Html.escape(NotebookPage.TRENDS.title())
                  + "</a>:"
                  + " Codatum pages with a token issued for your session; the period you pick is kept and shared.</li>"
                  + "<li><a href=\"/builder\">Embed URL builder</a> and <a href=\"/inspector\">inspector</a>.</li></ul>");
    }
    return Response.html(page("Home", "/", user.orElse(null), body.toString()));
  }

  private Response signIn(Request request) throws SQLException {
    if (!request.isSameOrigin()) {
      return Response.text(403, "cross-origin form posts are refused");
    }
    String id = request.form("user");
    if (id == null || database.user(id).isEmpty()) {
      return Response.redirect("/");
    }
    return Response.redirect(localPath(request.form("then")))
        .withHeader("Set-Cookie", sessions.create(id));
  }

  private Response signOut(Request request) {
    if (!request.isSameOrigin()) {
      return Response.text(403, "cross-origin form posts are refused");
    }
    return Response.redirect("/").withHeader("Set-Cookie", sessions.end(request));
  }

  /** The Omni page: a login URL signed for the signed-in user, fresh on every load. */
  private Response omniPage(Request request) throws SQLException {
    Optional<DemoUser> found = user(request);
    if (found.isEmpty()) {
      return signInFirst(request);
    }
    DemoUser user = found.get();
    Theme theme = named(Theme.values(), request.query("theme")).orElse(null);
    SignetOmniLogin login;
    try {
      login = omniLogin(user, theme);
    } catch (InvalidParameterException e) {
      return badUserRow(user, e, "Omni", "Omni dashboard", "/omni");
    }
    String signedUrl = login.signedUrl(omni.origin(), omni.secret());
    String body =
        "<h1>Omni dashboard</h1><p>Signed on the server for <b>"
            + Html.escape(user.name())
            + "</b> ("
            + Html.escape(user.id())
            + "), entity "
            + Html.escape(user.entity())
            + ", user attributes <code>"
            + Html.escape(user.userAttributes())
            + "</code>, from the user table. A new URL (a new nonce) is signed on every page load;"
            + " the embed refuses a URL it has seen. Theme:"
            + themeLinks("/omni", Theme.values())
            + "</p>"
            + "<iframe id=\"omni\" title=\"Omni dashboard\" style=\"height:560px\" src=\""
            + Html.escape(omni.browserUrl().apply(signedUrl))
            + "\"></iframe>"
            + "<details><summary>The signed text</summary><pre id=\"signed-text\">"
            + Html.escape(login.canonicalText(omni.origin()))
            + "</pre></details>";
    return Response.html(page("Omni dashboard", "/omni", user, body));
  }

  /**
   * The Omni login the Omni page signs for {@code user}, in {@code theme} (null for Omni's own).
   *
   * @throws InvalidParameterException naming the parameter whose column is refused
   */
  private SignetOmniLogin omniLogin(DemoUser user, Theme theme) {
    return SignetOmniLogin.builder()
        .contentPath(omni.contentPath())
        .externalId(user.id())
        .name(user.name())
        .email(Optional.ofNullable(user.email()))
        .entity(Optional.ofNullable(user.entity()))
        .userAttributes(userAttributes(user))
        .theme(Optional.ofNullable(theme))
        .build();
  }

  /** The constant of {@code values} that {@code name} names, ignoring case, if any. */
  static <E extends Enum<E>> Optional<E> named(E[] values, String name) {
    return Arrays.stream(values).filter(value -> value.name().equalsIgnoreCase(name)).findFirst();
  }

  /** A link to {@code path?theme=NAME} for each of {@code themes}, named in lower case. */
  static String themeLinks(String path, Enum<?>[] themes) {
    StringBuilder links = new StringBuilder();
    for (Enum<?> theme : themes) {
      String name = theme.name().toLowerCase(Locale.ROOT);
      links
          .append(" <a href=\"")
          .append(path)
          .append("?theme=")
          .append(name)
          .append("\">")
          .append(name)
          .append("</a>");
    }
    return links.toString();
  }

  /**
   * The user's attributes, a refusal naming the column when the row's JSON is not what Omni takes.
   */
  private static Map<String, UserAttribute> userAttributes(DemoUser user) {
    try {
      return user.omniUserAttributes();
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("userAttributes", e.getMessage());
    }
  }

  /**
   * A user row that no login can be signed for: a line break in the name, say, or user attributes
   * that are not a JSON object of strings and numbers. The log names the user and the column so
   * that the row can be fixed; the page says what is wrong, without the value.
   */
  Response badUserRow(
      DemoUser user, InvalidParameterException e, String vendor, String title, String path) {
    String column = Database.column(e.parameter());
    LOG.warning(
        "cannot sign the "
            + vendor
            + " login for user "
            + user.id()
            + ": column "
            + column
            + " of the users"
            + " table is refused ("
            + e.getMessage()
            + ")");
    String body =
        "<h1>"
            + Html.escape(title)
            + "</h1><p class=\"bad\" id=\"user-row-error\">No "
            + Html.escape(vendor)
            + " login can be signed for you: the <code>"
            + Html.escape(column)
            + "</code> column of your row in the users table"
            + " (user <code>"
            + Html.escape(user.id())
            + "</code>) is refused: "
            + Html.escape(e.getMessage())
            + ".</p><p>Fix the row, then load this page again. The"
            + " server's log names the row and the column too.</p>"
            + HOME_LINK;
    return Response.html(500, page(title, path, user, body));
  }
}
