package dev.signet.sample.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signet.codatum.CodatumMessage;
import dev.signet.codatum.EncodedParam;
import dev.signet.codatum.IssuedToken;
import dev.signet.codatum.NotebookParamException;
import dev.signet.codatum.NotebookParamMapper;
import dev.signet.codatum.SignetCodatumIssueToken;
import dev.signet.runtime.VendorRequestException;
import dev.signet.sample.server.Html;
import dev.signet.sample.server.Http.Request;
import dev.signet.sample.server.Http.Response;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Codatum pages: each embeds a page of the notebook. The server issues a token per user session
 * and page (a new one when the user's params changed since, or when it is about to expire); the
 * page hands it over by {@code SET_TOKEN} (pattern 1) or puts it in the iframe's URL (pattern 2,
 * {@code ?pattern=2}), and forwards the params of {@code PARAM_CHANGED} and {@code
 * EXECUTE_SQLS_TRIGGERED} here, where they are checked with the page's generated params class and
 * stored for the user.
 */
final class NotebookPages {
  private static final Logger LOG = Logger.getLogger(NotebookPages.class.getName());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long TOKEN_LIFETIME_SECONDS = 3600;

  /** A cached token with less than this left is replaced rather than handed out. */
  private static final Duration RENEW_BEFORE = Duration.ofMinutes(5);

  private final HostServer host;
  private final Database database;
  private final CodatumTarget codatum;

  NotebookPages(HostServer host, Database database, CodatumTarget codatum) {
    this.host = host;
    this.database = database;
    this.codatum = codatum;
  }

  Response page(Request request, NotebookPage page) throws Exception {
    Optional<DemoUser> found = host.user(request);
    Optional<Sessions.Session> session = host.session(request);
    if (found.isEmpty() || session.isEmpty()) {
      return HostServer.signInFirst(request);
    }
    DemoUser user = found.get();
    boolean tokenInUrl = "2".equals(request.query("pattern"));
    String src;
    if (tokenInUrl) {
      try {
        src = codatum.embedUrlWithToken(token(session.get(), user, page).token());
      } catch (VendorRequestException | IOException e) {
        return Response.html(
            502,
            host.page(
                page.title(),
                "/notebook/" + page.slug(),
                user,
                "<h1>"
                    + Html.escape(page.title())
                    + "</h1><p class=\"bad\" id=\"token-error\">"
                    + Html.escape(problem(e))
                    + "</p>"));
      }
    } else {
      src = codatum.embedUrl();
    }
    NotebookPage other = page == NotebookPage.SALES ? NotebookPage.TRENDS : NotebookPage.SALES;
    String self = "/notebook/" + page.slug();
    String body =
        "<h1>"
            + Html.escape(page.title())
            + "</h1>"
            + "<p>A page of the Codatum notebook, with a token issued by this server for your session."
            + " Handing the token over: "
            + (tokenInUrl
                ? "<a href=\""
                    + self
                    + "\">pattern 1 (SET_TOKEN)</a> · <b id=\"pattern\" data-pattern=\"2\">pattern 2 (?token= in the URL)</b>"
                : "<b id=\"pattern\" data-pattern=\"1\">pattern 1 (SET_TOKEN)</b> · <a href=\""
                    + self
                    + "?pattern=2\">pattern 2 (?token= in the URL)</a>")
            + ". The period you pick is stored for you and used on the <a id=\"other-page\" href=\"/notebook/"
            + other.slug()
            + "\">"
            + Html.escape(other.title())
            + "</a> page too.</p>"
            // No src yet: the script sets it once it listens, so no message can come too early.
            + "<iframe id=\"notebook\" title=\"Codatum notebook\" class=\"notebook\""
            + " data-src=\""
            + Html.escape(src)
            + "\""
            + " data-embed-origin=\""
            + Html.escape(codatum.embedOrigin())
            + "\""
            + " data-pattern=\""
            + (tokenInUrl ? "2" : "1")
            + "\""
            + " data-token-url=\"/api/codatum/token?page="
            + page.slug()
            + "\""
            + " data-messages-url=\"/api/codatum/messages?page="
            + page.slug()
            + "\"></iframe>"
            + "<h2>Messages</h2><ol id=\"events\"></ol>"
            + "<script src=\"/static/codatum-host.js\"></script>";
    return Response.html(host.page(page.title(), self, user, body));
  }

  /**
   * {@code GET /api/codatum/token?page=SLUG}: the {@code SET_TOKEN} message for the page to post.
   */
  Response token(Request request) throws Exception {
    NotebookPage page = NotebookPage.of(request.query("page"));
    Optional<DemoUser> user = host.user(request);
    Optional<Sessions.Session> session = host.session(request);
    if (page == null) {
      return error(404, "no such notebook page");
    }
    if (user.isEmpty() || session.isEmpty()) {
      return error(401, "sign in first");
    }
    Sessions.CachedToken cached;
    boolean reused;
    try {
      Sessions.CachedToken before = session.get().tokens().get(page);
      cached = token(session.get(), user.get(), page);
      reused = cached == before;
    } catch (VendorRequestException | IOException e) {
      return error(502, problem(e));
    }
    CodatumMessage.SetToken message =
        new CodatumMessage.SetToken(cached.token().token(), cached.params(), page.displayOptions());
    ObjectNode answer = JSON.createObjectNode();
    answer.set("message", JSON.valueToTree(message));
    answer.put("expiresAt", cached.token().expiresAt().toString());
    answer.put("reused", reused);
    return Response.json(200, answer.toString());
  }

  /**
   * {@code POST /api/codatum/messages?page=SLUG}: a message the notebook posted, forwarded by the
   * page.
   */
  Response message(Request request) throws Exception {
    if (!request.isSameOrigin()) {
      return error(403, "messages are accepted from this app's own pages only");
    }
    NotebookPage page = NotebookPage.of(request.query("page"));
    Optional<DemoUser> user = host.user(request);
    if (page == null) {
      return error(404, "no such notebook page");
    }
    if (user.isEmpty()) {
      return error(401, "sign in first");
    }
    CodatumMessage message;
    try {
      message = JSON.readValue(request.body(), CodatumMessage.class);
    } catch (JsonProcessingException e) {
      return error(400, "the body is not a message of Codatum's protocol");
    }
    List<EncodedParam> params;
    if (message instanceof CodatumMessage.ParamChanged changed) {
      params = changed.params();
    } else if (message instanceof CodatumMessage.ExecuteSqlsTriggered triggered) {
      params = triggered.params();
    } else {
      return Response.json(200, "{\"stored\":[]}");
    }
    for (EncodedParam param : params) {
      if (param.paramValue().length() > Database.MAX_PARAM_VALUE) {
        return error(
            400,
            "param "
                + paramName(page, param.paramId())
                + ": the value is "
                + param.paramValue().length()
                + " characters long; this app keeps values of at most "
                + String.format(Locale.ROOT, "%,d", Database.MAX_PARAM_VALUE)
                + " characters");
      }
    }
    List<EncodedParam> stored;
    try {
      stored = store(user.get(), page, params);
    } catch (NotebookParamException e) {
      return error(400, e.getMessage());
    }
    ObjectNode answer = JSON.createObjectNode();
    ArrayNode list = answer.putArray("stored");
    for (EncodedParam param : stored) {
      list.addObject()
          .put("param_id", param.paramId())
          .put("name", paramName(page, param.paramId()))
          .put("param_value", param.paramValue());
    }
    return Response.json(200, answer.toString());
  }

  /**
   * The page's name for a param, such as {@code period}; the id itself for a param it does not map.
   */
  private static String paramName(NotebookPage page, String paramId) {
    return page.mapper().params().stream()
        .filter(param -> param.paramId().equals(paramId))
        .map(NotebookParamMapper.Param::key)
        .findFirst()
        .orElse(paramId);
  }

  /**
   * Keeps the values the user chose for the page's visible params: read with the page's generated
   * class (which refuses a value of the wrong datatype), without the store (the host sets it,
   * whatever the browser says), and without params reset to their default.
   */
  private List<EncodedParam> store(DemoUser user, NotebookPage page, List<EncodedParam> received)
      throws SQLException {
    List<EncodedParam> values =
        page.canonical(received, user.storeId()).stream()
            .filter(param -> !param.hidden() && !param.resetsToDefault())
            .toList();
    database.replaceParams(user.id(), page.visibleParamIds(), values);
    return values;
  }

  /** The params the page's notebook gets for {@code user}: the store, and what the user chose. */
  private List<EncodedParam> params(DemoUser user, NotebookPage page) throws SQLException {
    try {
      return page.canonical(database.params(user.id()), user.storeId());
    } catch (NotebookParamException e) {
      LOG.log(
          Level.WARNING,
          "stored params of "
              + user.id()
              + " no longer fit page "
              + page.slug()
              + " ("
              + e.getMessage()
              + "); using the defaults");
      return page.canonical(List.of(), user.storeId());
    }
  }

  /**
   * The session's token for {@code page}: the one issued before, unless the user's params changed
   * since or it expires within {@link #RENEW_BEFORE}; then a new one.
   */
  private Sessions.CachedToken token(Sessions.Session session, DemoUser user, NotebookPage page)
      throws SQLException, IOException, InterruptedException {
    List<EncodedParam> params = params(user, page);
    synchronized (session) {
      Sessions.CachedToken cached = session.tokens().get(page);
      if (cached != null
          && cached.params().equals(params)
          && !cached.token().isExpiredAt(Instant.now().plus(RENEW_BEFORE))) {
        return cached;
      }
      IssuedToken token =
          codatum
              .client()
              .issueToken(
                  SignetCodatumIssueToken.builder()
                      .apiKey(codatum.apiKey())
                      .apiSecret(codatum.apiSecret())
                      .integrationId(codatum.integrationId())
                      .pageId(codatum.pageIds().get(page))
                      .tokenUserId(user.id())
                      .params(params)
                      .expiresIn(TOKEN_LIFETIME_SECONDS)
                      .build());
      Sessions.CachedToken issued = new Sessions.CachedToken(token, params);
      session.tokens().put(page, issued);
      return issued;
    }
  }

  private static String problem(Exception e) {
    if (e instanceof VendorRequestException vendor) {
      return "Codatum refused the token request: " + vendor.getMessage();
    }
    return "Codatum could not be reached: " + e.getMessage();
  }

  private static Response error(int status, String message) {
    return Response.json(status, JSON.createObjectNode().put("message", message).toString());
  }
}
