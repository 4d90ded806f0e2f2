package dev.signet.sample.web;

import dev.signet.omni.OmniOrigins;
import dev.signet.omni.SignetOmniLogin;
import dev.signet.omni.SignetOmniRedeemSession;
import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.Origin;
import dev.signet.runtime.Secret;
import dev.signet.runtime.SignedTextReport;
import dev.signet.runtime.Verification;
import dev.signet.runtime.VerificationFailure;
import dev.signet.runtime.Verifier;
import dev.signet.sample.server.Html;
import dev.signet.sample.server.Http.Request;
import dev.signet.sample.server.Http.Response;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tools for developers. The embed URL builder, the counterpart of Omni's admin URL builder: a form
 * for every login parameter that shows the signed URL and the text that was signed. The inspector:
 * paste a URL and a secret and see whether it verifies; paste also the text your signer signed (or
 * the URL it produced) and see which signed line differs.
 *
 * <p>Why the inspector asks for that text: a signature is an HMAC, which says whether the text
 * rebuilt from a URL is the text that was signed, and nothing about where they differ. Only the
 * text the signer signed can show which line was changed on the way.
 */
final class BuilderPages {
  private final HostServer host;
  private final OmniTarget omni;
  private final boolean devTools;

  /**
   * @param devTools whether the tools are on with the real Omni's secret; with the stand-in's they
   *     always are
   */
  BuilderPages(HostServer host, OmniTarget omni, boolean devTools) {
    this.host = host;
    this.omni = omni;
    this.devTools = devTools;
  }

  /**
   * Why the tools cannot be used by this request, or null when they can: they need a signed-in
   * user, and with the real Omni's secret, which signs logins anyone could then open, they are off
   * unless {@code serve --dev-tools} turned them on.
   */
  private Response refusal(Request request, Optional<DemoUser> user, String path, String title) {
    if (request.method().equals("POST") && !request.isSameOrigin()) {
      return Response.text(403, "cross-origin form posts are refused");
    }
    if (user.isEmpty()) {
      return HostServer.signInFirst(request);
    }
    if (!omni.isStandin() && !devTools) {
      return Response.html(
          403,
          host.page(
              title,
              path,
              user.get(),
              "<h1>"
                  + Html.escape(title)
                  + "</h1>"
                  + "<p class=\"bad\" id=\"tools-off\">Off: this app signs with the real Omni's secret, and"
                  + " this tool would sign or check logins with it for any identity. Start the app with"
                  + " <code>serve --dev-tools</code> to turn the builder and the inspector on (for an Omni"
                  + " organization used for development); the builder then signs with that secret only for"
                  + " you.</p>"));
    }
    return null;
  }

  // ---- the builder

  Response builder(Request request) throws Exception {
    Optional<DemoUser> user = host.user(request);
    Response refused = refusal(request, user, "/builder", "Embed URL builder");
    if (refused != null) {
      return refused;
    }
    boolean posted = request.method().equals("POST");
    Map<String, String> values =
        new LinkedHashMap<>(posted ? request.form() : defaults(user.get()));
    StringBuilder result = new StringBuilder();
    if (posted) {
      result.append(sign(values, user.get()));
    }
    String body =
        "<h1>Embed URL builder</h1><p>Every parameter of Omni's embed login. Signs on this server with"
            + " Signet's generated <code>SignetOmniLogin</code> and shows the URL, the text that was"
            + " signed, and the check of the URL by the generated verifier.</p>"
            + result
            + "<form method=\"post\" action=\"/builder\" class=\"grid\" id=\"builder-form\">"
            + originFields(values)
            + LoginForm.render(values)
            + "<span></span><div><button type=\"submit\" id=\"sign\">Sign</button></div></form>";
    return Response.html(host.page("Embed URL builder", "/builder", user.get(), body));
  }

  private Map<String, String> defaults(DemoUser user) {
    Map<String, String> values = new LinkedHashMap<>();
    String origin = omni.origin().toString().substring("https://".length());
    int colon = origin.lastIndexOf(':');
    values.put("host", colon < 0 ? origin : origin.substring(0, colon));
    values.put("port", colon < 0 ? "" : origin.substring(colon + 1));
    values.put("contentPath", omni.contentPath());
    values.put("externalId", user.id());
    values.put("name", user.name());
    values.put("email", user.email());
    values.put("entity", user.entity());
    values.put("userAttributes", user.userAttributes());
    return values;
  }

  private String originFields(Map<String, String> values) {
    return "<label for=\"host\">host</label><div><input type=\"text\" id=\"host\" name=\"host\" value=\""
        + Html.escape(values.getOrDefault("host", ""))
        + "\"> <span class=\"hint\">a vanity host; or"
        + " give the organization</span></div>"
        + "<label for=\"organization\">organization</label><div><input type=\"text\" id=\"organization\""
        + " name=\"organization\" value=\""
        + Html.escape(values.getOrDefault("organization", ""))
        + "\"> <span class=\"hint\">ORG of ORG.embed-omniapp.co</span></div>"
        + "<label for=\"port\">port</label><div><input type=\"text\" id=\"port\" name=\"port\" value=\""
        + Html.escape(values.getOrDefault("port", ""))
        + "\"> <span class=\"hint\">empty for 443</span></div>"
        // Never filled in, not even with what was typed: a page must not carry a secret.
        + "<label for=\"secret\">secret</label><div><input type=\"password\" id=\"secret\" name=\"secret\""
        + " autocomplete=\"off\"> <span class=\"hint\">"
        + (omni.isStandin()
            ? "empty to sign with the stand-in Omni's secret; give it again on each signing"
            : "empty to sign with OMNI_EMBED_SECRET (then only for you), which never reaches this page")
        + "</span></div>";
  }

  private String sign(Map<String, String> values, DemoUser user) {
    Origin origin;
    SignetOmniLogin login;
    String typedSecret = values.getOrDefault("secret", "");
    if (!omni.isStandin() && typedSecret.isEmpty() && !user.id().equals(values.get("externalId"))) {
      return "<p class=\"bad\" id=\"build-error\">Not signed: with this app's real Omni secret the builder"
          + " signs only for you, externalId "
          + Html.escape(user.id())
          + ". Give another secret to sign"
          + " for anyone else.</p>";
    }
    try {
      String port = values.getOrDefault("port", "");
      origin =
          OmniOrigins.of(
              values.get("host"),
              values.get("organization"),
              port.isEmpty() ? null : parsePort(port));
      login = LoginForm.read(values);
    } catch (IllegalArgumentException e) {
      return "<p class=\"bad\" id=\"build-error\">Not signed: "
          + Html.escape(e.getMessage())
          + "</p>";
    }
    Secret secret = secret(typedSecret);
    String url = login.signedUrl(origin, secret);
    // The generated verifier, fresh (it remembers no nonce), reads the URL back: the same check
    // an embed host makes, and it labels each line of the signed text with its parameter.
    Verification<SignetOmniLogin> check = SignetOmniLogin.verifier(origin, secret).verifyUrl(url);
    String browserUrl = origin.equals(omni.origin()) ? omni.browserUrl().apply(url) : url;
    return "<h2>Signed URL</h2><textarea id=\"signed-url\" rows=\"4\" readonly>"
        + Html.escape(url)
        + "</textarea><p>"
        + (check.isVerified()
            ? "<span class=\"ok\" id=\"builder-check\">Verifies</span> with Signet's verifier for "
            : "<span class=\"bad\" id=\"builder-check\">Does not verify</span> with Signet's verifier for ")
        + "<code>"
        + Html.escape(origin)
        + "</code>. <a id=\"open-url\" target=\"_blank\" rel=\"noopener\" href=\""
        + Html.escape(browserUrl)
        + "\">Open it</a> (once: the embed refuses a nonce it has seen).</p>"
        + "<h2>Signed text</h2><pre id=\"signed-text\">"
        + Html.escape(login.canonicalText(origin))
        + "</pre>"
        + check.report().map(report -> lines(report, null, 0)).orElse("")
        + "<form method=\"post\" action=\"/inspector\"><input type=\"hidden\" name=\"url\" value=\""
        + Html.escape(url)
        + "\"><input type=\"hidden\" name=\"expected\" value=\""
        + Html.escape(login.canonicalText(origin))
        + "\"><button type=\"submit\" id=\"to-inspector\">"
        + "Inspect this URL</button> <span class=\"hint\">with its signed text; enter the secret there</span></form>";
  }

  private static int parsePort(String port) {
    try {
      return Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw new InvalidParameterException("port", "must be a number from 1 to 65535");
    }
  }

  /** The secret typed in, or the app's own when none was. */
  private Secret secret(String typed) {
    return typed == null || typed.isEmpty() ? omni.secret() : Secret.ofUtf8(typed);
  }

  // ---- the inspector

  Response inspector(Request request) throws Exception {
    Optional<DemoUser> user = host.user(request);
    Response refused = refusal(request, user, "/inspector", "Inspector");
    if (refused != null) {
      return refused;
    }
    boolean posted = request.method().equals("POST");
    String url = posted ? request.form().getOrDefault("url", "").strip() : "";
    String secret = posted ? request.form().getOrDefault("secret", "") : "";
    String expected = posted ? request.form().getOrDefault("expected", "") : "";
    String result = posted && !url.isEmpty() ? inspect(url, secret, expected) : "";
    String body =
        "<h1>Inspector</h1><p>Paste a signed Omni URL (login or redeem-session) and the secret: Signet's"
            + " generated verifier rebuilds the signed text from the URL and checks the signature."
            + " To see <em>which</em> signed line differs, paste also what your signer signed: its signed"
            + " text (<code>canonicalText(origin)</code>) or the URL it produced. A signature alone cannot"
            + " tell: it only says that the texts differ. The inspector remembers no nonces.</p>"
            + result
            + "<form method=\"post\" action=\"/inspector\" id=\"inspector-form\">"
            + "<p><label for=\"inspect-url\">URL</label><br><textarea id=\"inspect-url\" name=\"url\" rows=\"4\">"
            + Html.escape(url)
            + "</textarea></p>"
            + "<p><label for=\"inspect-secret\">Secret</label> <input type=\"password\" id=\"inspect-secret\""
            + " name=\"secret\" autocomplete=\"off\"> <span class=\"hint\">"
            + "empty for this app's Omni secret; never filled in, so give it again on each check</span></p>"
            + "<p><label for=\"inspect-expected\">What your signer signed (optional): its signed text, or"
            + " the URL it produced</label><br><textarea id=\"inspect-expected\" name=\"expected\" rows=\"8\">"
            + Html.escape(expected)
            + "</textarea></p>"
            + "<p><button type=\"submit\" id=\"inspect\">Inspect</button></p></form>";
    return Response.html(host.page("Inspector", "/inspector", user.get(), body));
  }

  private String inspect(String url, String secretText, String expectedInput) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      return "<p class=\"bad\" id=\"verdict\">Not a URL: " + Html.escape(e.getReason()) + "</p>";
    }
    Origin origin;
    try {
      origin = originOf(uri);
    } catch (InvalidParameterException e) {
      return "<p class=\"bad\" id=\"verdict\">" + Html.escape(e.getMessage()) + "</p>";
    }
    if (origin == null) {
      return "<p class=\"bad\" id=\"verdict\">Not an Omni URL: it must be https://HOST/embed/... without a"
          + " fragment (the local stand-in's http://127.0.0.1 URLs are checked as https).</p>";
    }
    Secret secret = secret(secretText);
    Verifier<?> verifier = verifier(uri.getRawPath(), origin, secret);
    if (verifier == null) {
      return "<p class=\"bad\" id=\"verdict\">The path is neither "
          + SignetOmniLogin.PATH
          + " nor "
          + SignetOmniRedeemSession.PATH
          + ".</p>";
    }
    Verification<?> verification =
        verifier.verifyQuery(uri.getRawQuery() == null ? "" : uri.getRawQuery());
    StringBuilder out = new StringBuilder("<h2>Result</h2>");
    if (verification.isVerified()) {
      out.append(
              "<p class=\"ok\" id=\"verdict\" data-verified=\"true\">Verifies: the signature is the one")
          .append(secretText.isEmpty() ? " this app's secret" : " the secret")
          .append(" gives for <code>")
          .append(Html.escape(origin))
          .append("</code>, and every value is well-formed.</p><pre id=\"request\">")
          .append(Html.escape(verification.request().orElseThrow()))
          .append("</pre>");
    } else {
      VerificationFailure failure = verification.failure().orElseThrow();
      out.append("<p class=\"bad\" id=\"verdict\" data-verified=\"false\" data-reason=\"")
          .append(Html.escape(failure.reason()))
          .append("\">Does not verify: <b>")
          .append(Html.escape(failure.reason()))
          .append("</b>")
          .append(failure.parameterName().map(p -> " (" + Html.escape(p) + ")").orElse(""))
          .append(": ")
          .append(Html.escape(failure.message()))
          .append("</p>");
    }
    Optional<SignedTextReport> report = verification.report();
    if (report.isEmpty()) {
      out.append("<p>The verifier stopped before it could rebuild the signed text.</p>");
      return out.toString();
    }
    String expected = expectedText(expectedInput, secret);
    if (expected == null) {
      out.append(lines(report.get(), null, 0));
      if (!verification.isVerified()) {
        out.append(
            "<p class=\"note\" id=\"no-expected\">To find the line that differs, paste what your"
                + " signer signed above.</p>");
      }
      return out.toString();
    }
    int differing = report.get().firstDifferingLine(expected, "\n");
    if (differing == 0) {
      out.append(
              "<p class=\"ok\" id=\"diff\" data-line=\"0\">The text rebuilt from the URL is the text your"
                  + " signer signed.")
          .append(
              verification.isVerified()
                  ? ""
                  : " So the secret, or the host"
                      + " the URL was signed for, is not the one given here.")
          .append("</p>");
    } else {
      String source = source(report.get(), differing);
      out.append("<p class=\"bad\" id=\"diff\" data-line=\"")
          .append(differing)
          .append("\" data-source=\"")
          .append(Html.escape(source))
          .append("\">Line ")
          .append(differing)
          .append(source.isEmpty() ? "" : " (" + Html.escape(source) + ")")
          .append(
              " differs from the text your signer signed: the URL was changed there, or your signer"
                  + " and the verifier write that value differently.</p>");
    }
    out.append(lines(report.get(), expected, differing));
    return out.toString();
  }

  /**
   * The origin an Omni URL was signed for, or null when it is not one: https, or for the local
   * stand-in http on the loopback address (signed as https); no fragment.
   *
   * @throws InvalidParameterException when its host cannot be an origin's
   */
  private static Origin originOf(URI uri) {
    String host = uri.getHost();
    boolean loopbackHttp =
        "http".equals(uri.getScheme()) && ("127.0.0.1".equals(host) || "localhost".equals(host));
    if (host == null
        || !("https".equals(uri.getScheme()) || loopbackHttp)
        || uri.getRawFragment() != null) {
      return null;
    }
    return Origin.https(host, uri.getPort() < 0 ? 443 : uri.getPort());
  }

  private static Verifier<?> verifier(String path, Origin origin, Secret secret) {
    if (SignetOmniLogin.PATH.equals(path)) {
      return SignetOmniLogin.verifier(origin, secret);
    }
    if (SignetOmniRedeemSession.PATH.equals(path)) {
      return SignetOmniRedeemSession.verifier(origin, secret);
    }
    return null;
  }

  /**
   * The text the developer's signer signed: the text pasted (line breaks as the browser sends them,
   * CR LF, read as LF; outer whitespace dropped, as the scheme's normalization drops it), or the
   * text rebuilt from a pasted URL. Null when nothing was pasted.
   */
  private static String expectedText(String input, Secret secret) {
    String text = input.replace("\r\n", "\n").strip();
    if (text.isEmpty()) {
      return null;
    }
    if (text.startsWith("http") && !text.contains("\n") && text.contains("?")) {
      try {
        URI uri = new URI(text);
        // The pasted URL's own origin, not the inspected one's: a changed host must show as a
        // differing first line.
        Origin own = originOf(uri);
        Verifier<?> verifier = own == null ? null : verifier(uri.getRawPath(), own, secret);
        Optional<SignedTextReport> report =
            verifier == null ? Optional.empty() : verifier.verifyQuery(uri.getRawQuery()).report();
        if (report.isPresent()) {
          return report.get().signedText();
        }
      } catch (URISyntaxException | InvalidParameterException e) {
        // Then it is compared as text.
      }
    }
    return text;
  }

  /**
   * The parameter the normalized line {@code number} comes from. Normalization drops the lines of
   * values that are only whitespace; when it dropped any, lines no longer match parameters one to
   * one and no name is given.
   */
  private static String source(SignedTextReport report, int number) {
    List<SignedTextReport.Line> lines = report.lines();
    int normalized = report.signedText().split("\n", -1).length;
    return normalized == lines.size() && number <= lines.size()
        ? lines.get(number - 1).source()
        : "";
  }

  /** The rebuilt lines, labelled; with {@code expected}, side by side, the differing one marked. */
  private static String lines(SignedTextReport report, String expected, int differing) {
    String[] rebuilt = report.signedText().split("\n", -1);
    String[] theirs = expected == null ? new String[0] : expected.split("\n", -1);
    boolean labelled = rebuilt.length == report.lines().size();
    StringBuilder table =
        new StringBuilder("<table id=\"lines\"><tr><th>#</th><th>parameter</th><th>")
            .append("rebuilt from the URL</th>")
            .append(expected == null ? "" : "<th>your signer signed</th>")
            .append("</tr>");
    for (int i = 0; i < Math.max(rebuilt.length, theirs.length); i++) {
      table
          .append("<tr")
          .append(i + 1 == differing ? " class=\"differs\" id=\"differing-line\"" : "")
          .append("><td>")
          .append(i + 1)
          .append("</td><td>")
          .append(labelled && i < rebuilt.length ? Html.escape(report.lines().get(i).source()) : "")
          .append("</td><td><code>")
          .append(i < rebuilt.length ? Html.escape(rebuilt[i]) : "")
          .append("</code></td>");
      if (expected != null) {
        table
            .append("<td><code>")
            .append(i < theirs.length ? Html.escape(theirs[i]) : "")
            .append("</code></td>");
      }
      table.append("</tr>");
    }
    return table.append("</table>").toString();
  }
}
