package dev.signet.sample.standin;

import dev.signet.runtime.Nonces;
import dev.signet.runtime.SignedTextReport;
import dev.signet.runtime.Verification;
import dev.signet.runtime.VerificationFailure;
import dev.signet.sample.server.Html;
import dev.signet.sample.server.Http.Request;
import dev.signet.sample.server.Http.Response;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What the stand-ins that check a signed embed URL share, whether its signature is over the URL's
 * values (Omni, Looker) or a JWT in it (Metabase): a URL that the vendor's generated verifier
 * accepts starts a session, as the vendors do, and is redirected to the session's page ({@code
 * /embed/session/ID}), which shows what the URL carried and can be reloaded; a refused URL gets a
 * 403 page that names the reason and, for a signed-values URL, shows the signed text rebuilt from
 * what was received. A stand-in lays out its own session page; a signed URL is accepted once.
 *
 * <p>A browser keeps the fragment of the URL it was redirected from ({@code #bordered=true}) when
 * the redirect's {@code Location} has none, so a session page can read the options a vendor sends
 * there, as the vendor's own embed page reads them.
 *
 * @param <T> the request type the verifier reads
 */
final class EmbedSessions<T> {
  static final String PATH = "/embed/session/";
  private static final String SESSION_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  /** Sessions kept at once; the oldest goes first, as the stand-ins have no logout. */
  private static final int MAX_SESSIONS = 1000;

  /**
   * A verified login: the request, and the values that came with it unsigned (by wire name, as
   * received), which anyone holding the URL could have changed.
   */
  record Login<T>(T request, Map<String, String> unauthenticated) {}

  private final String vendor;
  private final String loginPath;
  private final Map<String, Login<T>> sessions =
      Collections.synchronizedMap(
          new LinkedHashMap<>() {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Login<T>> eldest) {
              return size() > MAX_SESSIONS;
            }
          });

  /**
   * @param vendor the vendor's name, for the pages' titles
   * @param loginPath where sessions start, for the page that finds none
   */
  EmbedSessions(String vendor, String loginPath) {
    this.vendor = vendor;
    this.loginPath = loginPath;
  }

  /** A session and a redirect into it for a verified login; the refusal page for another. */
  Response login(Verification<T> verification, String standinUrl) {
    if (!verification.isVerified()) {
      VerificationFailure failure = verification.failure().orElseThrow();
      return Response.html(403, refused(failure, verification.report().orElse(null), standinUrl));
    }
    String session = Nonces.random(32, SESSION_ALPHABET);
    sessions.put(
        session, new Login<>(verification.request().orElseThrow(), verification.unauthenticated()));
    return Response.redirect(PATH + session);
  }

  /** The page {@code page} lays out for the session the path names, or a 404. */
  Response session(Request request, Function<Login<T>, String> page) {
    Login<T> login = sessions.get(request.path().substring(PATH.length()));
    if (login == null || !request.method().equals("GET")) {
      return Response.html(
          404,
          Html.page(
              vendor + " (stand-in): no session",
              "<main><h1 id=\"no-session\" class=\"bad\">No such session</h1><p>Embed sessions"
                  + " start at "
                  + Html.escape(loginPath)
                  + " with a signed URL.</p></main>"));
    }
    return Response.html(page.apply(login));
  }

  /**
   * A table of {@code values}, a row for each: the name, and the value in a cell whose {@code
   * data-param} is the name.
   */
  static String table(String id, Map<String, String> values) {
    StringBuilder rows = new StringBuilder("<table id=\"").append(Html.escape(id)).append("\">");
    values.forEach(
        (name, value) ->
            rows.append("<tr><th>")
                .append(Html.escape(name))
                .append("</th><td data-param=\"")
                .append(Html.escape(name))
                .append("\">")
                .append(Html.escape(value))
                .append("</td></tr>"));
    return rows.append("</table>").toString();
  }

  private String refused(VerificationFailure failure, SignedTextReport report, String standinUrl) {
    StringBuilder lines = new StringBuilder();
    if (report != null) {
      lines.append("<h2>The signed text rebuilt from the URL</h2><table id=\"report\">");
      for (int i = 0; i < report.lines().size(); i++) {
        SignedTextReport.Line line = report.lines().get(i);
        lines
            .append("<tr><td>")
            .append(i + 1)
            .append("</td><th>")
            .append(Html.escape(line.source()))
            .append("</th><td><code>")
            .append(Html.escape(line.text()))
            .append("</code></td></tr>");
      }
      lines.append(
          "</table><p class=\"note\">Compare it with the text your server signed"
              + " (canonicalText) or paste both into the host's inspector.</p>");
    }
    String explanation =
        switch (failure.reason()) {
          case BAD_SIGNATURE ->
              "The signature does not match what was received: the URL (or its token) was changed"
                  + " after it was signed, or signed with another secret or for another host.";
          case REPLAYED_NONCE ->
              "This URL was used before. Each signed URL is accepted once: sign a"
                  + " new one for every page load.";
          case EXPIRED, NOT_YET_VALID ->
              "The URL is not fresh by the stand-in's clock: sign a new URL for every page"
                  + " load, and use it at once, from a server whose clock is right.";
          case NONCE_NOT_RECORDED, NONCE_STORE_UNAVAILABLE ->
              "The stand-in could not record the URL's"
                  + " nonce or token, so it cannot tell a replay, and refuses the URL: sign a new"
                  + " one.";
          case MALFORMED_TOKEN ->
              "The token is not a signed JWT: three parts of unpadded base64url joined by dots.";
          case UNSUPPORTED_ALGORITHM ->
              "The token is not signed with the one algorithm this embed's tokens are signed with;"
                  + " an unsigned token (alg none) is never accepted.";
          case UNKNOWN_KEY -> "The token names a signing key (kid) the stand-in does not have.";
          default -> "The URL is not a well-formed embed URL.";
        };
    return Html.page(
        vendor + " (stand-in): refused",
        "<main><p class=\"note\">Stand-in "
            + Html.escape(vendor)
            + " at "
            + Html.escape(standinUrl)
            + "</p>"
            + "<h1 id=\"refused\" class=\"bad\">Embed refused</h1>"
            + "<p id=\"reason\" data-reason=\""
            + Html.escape(failure.reason())
            + "\"><b>"
            + Html.escape(failure.reason())
            + "</b>"
            + failure.parameterName().map(p -> " (" + Html.escape(p) + ")").orElse("")
            + ": "
            + Html.escape(failure.message())
            + "</p><p>"
            + Html.escape(explanation)
            + "</p>"
            + lines
            + "</main>");
  }
}
