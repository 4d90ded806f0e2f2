package dev.signet.sample.web;

import dev.signet.runtime.Secret;
import dev.signet.runtime.SignedTextReport;
import dev.signet.runtime.Verification;
import dev.signet.runtime.VerificationFailure;
import dev.signet.sample.server.Html;
import dev.signet.sample.server.Http.Request;
import dev.signet.sample.server.Http.Response;
import dev.signet.sample.tools.Declarations;
import dev.signet.sample.tools.DeclaredRequests;
import dev.signet.sample.tools.Description;
import dev.signet.sample.tools.Description.Property;
import dev.signet.sample.tools.Signing;
import dev.signet.sample.tools.Signing.Signed;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Tools for developers, for every vendor module's declarations. The builder: a form for every value
 * of a declaration, derived from its description, that signs on this server and shows the URL or
 * token, what was signed, and the generated verifier's reading of it. The inspector: paste a URL or
 * token and a secret and see whether it verifies; for a signed URL, paste also the text your signer
 * signed (or the URL it produced) and see which signed line differs.
 *
 * <p>Why the inspector asks for that text: a signature is an HMAC, which says whether the text
 * rebuilt from a URL is the text that was signed, and nothing about where they differ. Only the
 * text the signer signed can show which line was changed on the way.
 */
final class BuilderPages {
  /** The declaration the builder opens with. */
  private static final String FIRST = "SignetOmniLogin";

  /** Form fields of values carry this prefix, so that no parameter's name meets the page's own. */
  private static final String VALUE = "p.";

  private final HostServer host;
  private final Map<String, ToolTarget> targets;
  private final boolean devTools;

  /**
   * @param targets the vendors the app embeds, each with its secret
   * @param devTools whether the tools are on although a target signs with a real vendor's secret;
   *     with the stand-ins' secrets they always are
   */
  BuilderPages(HostServer host, List<ToolTarget> targets, boolean devTools) {
    this.host = host;
    this.targets = targets.stream().collect(Collectors.toMap(ToolTarget::module, target -> target));
    this.devTools = devTools;
  }

  /**
   * Why the tools cannot be used by this request, or null when they can: they need a signed-in
   * user, and with a real vendor's secret, which signs logins anyone could then open, they are off
   * unless {@code serve --dev-tools} turned them on.
   */
  private Response refusal(Request request, Optional<DemoUser> user, String path, String title) {
    if (request.method().equals("POST") && !request.isSameOrigin()) {
      return Response.text(403, "cross-origin form posts are refused");
    }
    if (user.isEmpty()) {
      return HostServer.signInFirst(request);
    }
    List<String> real =
        targets.values().stream().filter(t -> !t.isStandin()).map(ToolTarget::module).toList();
    if (!real.isEmpty() && !devTools) {
      return Response.html(
          403,
          host.page(
              title,
              path,
              user.get(),
              "<h1>"
                  + Html.escape(title)
                  + "</h1>"
                  + "<p class=\"bad\" id=\"tools-off\">Off: this app signs with a real vendor's secret ("
                  + Html.escape(String.join(", ", real))
                  + "), and these tools would sign or check embeds with it for any identity. Start the"
                  + " app with <code>serve --dev-tools</code> to turn the builder and the inspector on"
                  + " (for vendor accounts used for development); the builder then signs with such a"
                  + " secret only for you.</p>"));
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
    String id = posted ? request.form("declaration") : request.query("declaration");
    Optional<Description> chosen = Declarations.byId(id == null || id.isEmpty() ? FIRST : id);
    if (chosen.isEmpty()) {
      return Response.html(
          404,
          host.page(
              "Embed URL builder",
              "/builder",
              user.get(),
              "<h1>Embed URL builder</h1><p class=\"bad\" id=\"build-error\">No vendor module declares "
                  + Html.escape(id)
                  + ".</p>"
                  + chooser(null)));
    }
    Description description = chosen.get();
    Optional<ToolTarget> target = Optional.ofNullable(targets.get(description.module()));
    Map<String, String> values = new LinkedHashMap<>();
    String where;
    if (posted) {
      request
          .form()
          .forEach(
              (name, value) -> {
                if (name.startsWith(VALUE)) {
                  values.put(name.substring(VALUE.length()), value);
                }
              });
      where = request.form().getOrDefault("where", "");
    } else {
      values.putAll(example(description, target, user.get()));
      where = target.map(ToolTarget::where).orElse("");
    }
    String result =
        posted ? sign(description, values, where, request.form("secret"), target, user.get()) : "";
    String body =
        "<h1>Embed URL builder</h1><p>Every value of a vendor module's declaration, the form derived"
            + " from its description (<code>-Asignet.describe</code>). Signs on this server with the"
            + " generated <code>"
            + Html.escape(description.id())
            + "</code> and shows the result, what was signed, and the generated verifier's check of it.</p>"
            + chooser(description)
            + result
            + "<form method=\"post\" action=\"/builder\" class=\"grid\" id=\"builder-form\">"
            + "<input type=\"hidden\" name=\"declaration\" value=\""
            + Html.escape(description.id())
            + "\">"
            + whereField(description, where)
            + secretField(target)
            + fields(description, values)
            + "<span></span><div><button type=\"submit\" id=\"sign\">"
            + (description.isSigned() ? "Sign" : "Write the request")
            + "</button></div></form>";
    return Response.html(host.page("Embed URL builder", "/builder", user.get(), body));
  }

  /** A list of every declaration, by vendor module; {@code chosen} marked. */
  private static String chooser(Description chosen) {
    StringBuilder out =
        new StringBuilder(
            "<form method=\"get\" action=\"/builder\" id=\"choose\"><label for=\"declaration\">Declaration</label>"
                + " <select id=\"declaration\" name=\"declaration\">");
    for (Description description : Declarations.all()) {
      out.append("<option value=\"")
          .append(Html.escape(description.id()))
          .append('"')
          .append(description == chosen ? " selected" : "")
          .append('>')
          .append(Html.escape(description.module() + ": " + description.id()))
          .append("</option>");
    }
    return out.append(
            "</select> <button type=\"submit\" id=\"open-declaration\">Open</button></form>")
        .toString();
  }

  /**
   * What the app's own page would sign for {@code user}, as the form's texts; nothing for a vendor
   * the app does not embed, or a row the page could not sign.
   */
  private static Map<String, String> example(
      Description description, Optional<ToolTarget> target, DemoUser user) {
    var example = target.map(t -> t.examples().get(description.id()));
    if (example.isEmpty()) {
      return Map.of();
    }
    try {
      return DeclaredRequests.form(description, example.get().apply(user), true);
    } catch (IllegalArgumentException e) {
      return Map.of();
    }
  }

  private static String whereField(Description description, String where) {
    Optional<String> label = Signing.whereLabel(description);
    if (label.isEmpty()) {
      return "";
    }
    boolean origin = label.get().equals("origin");
    return "<label for=\"where\">"
        + label.get()
        + "</label><div><input type=\"text\" id=\"where\" name=\"where\" value=\""
        + Html.escape(where)
        + "\"> <span class=\"hint\">"
        + (origin
            ? "https://HOST or https://HOST:PORT, the vendor's origin"
            : "the vendor's site URL, where its path "
                + Html.escape(description.path())
                + " begins")
        + "</span></div>";
  }

  private static String secretField(Optional<ToolTarget> target) {
    // Never filled in, not even with what was typed: a page must not carry a secret.
    return "<label for=\"secret\">secret</label><div><input type=\"password\" id=\"secret\" name=\"secret\""
        + " autocomplete=\"off\"> <span class=\"hint\">"
        + target
            .map(
                t ->
                    t.isStandin()
                        ? "empty to sign with the stand-in's secret; give it again on each signing"
                        : "empty to sign with this app's secret (then only for you), which never reaches"
                            + " this page")
            .orElse("required: this app does not embed this vendor, so it holds no secret for it")
        + "</span></div>";
  }

  /** A row for each value of the declaration: a select, a JSON text area or a text field. */
  private static String fields(Description description, Map<String, String> values) {
    StringBuilder rows = new StringBuilder();
    for (Property property : description.properties()) {
      String id = "param-" + property.name();
      rows.append("<label for=\"")
          .append(Html.escape(id))
          .append("\">")
          .append(Html.escape(property.wireName()))
          .append("</label><div>");
      if (!property.isSettable()) {
        rows.append("<code id=\"")
            .append(Html.escape(id))
            .append("\">")
            .append(Html.escape(property.constant().orElseThrow()))
            .append("</code> <span class=\"hint\">fixed by the declaration</span></div>");
        continue;
      }
      String value = values.getOrDefault(property.name(), "");
      String name = Html.escape(VALUE + property.name());
      List<String> choices = DeclaredRequests.choices(description, property);
      String attributes = " id=\"" + Html.escape(id) + "\" name=\"" + name + "\"";
      if (property.redacted()) {
        // A secret among the values (an API secret): never filled in, as the secret field above.
        rows.append("<input type=\"password\" autocomplete=\"off\"").append(attributes).append('>');
      } else if (!choices.isEmpty()) {
        rows.append("<select")
            .append(attributes)
            .append("><option value=\"\"")
            .append(value.isEmpty() ? " selected" : "")
            .append("></option>");
        for (String choice : choices) {
          rows.append("<option")
              .append(choice.equals(value) ? " selected" : "")
              .append('>')
              .append(Html.escape(choice))
              .append("</option>");
        }
        rows.append("</select>");
      } else if (property.isStructured()) {
        rows.append("<textarea")
            .append(attributes)
            .append(" rows=\"2\">")
            .append(Html.escape(value))
            .append("</textarea>");
      } else {
        rows.append("<input type=\"text\"")
            .append(attributes)
            .append(" value=\"")
            .append(Html.escape(value))
            .append("\">");
      }
      rows.append(" <span class=\"hint\">")
          .append(Html.escape(hint(property)))
          .append("</span></div>");
    }
    return rows.toString();
  }

  /** What a field's value is: required or not, what fills it when empty, where it travels. */
  private static String hint(Property property) {
    StringBuilder hint = new StringBuilder();
    if (property.drawn()) {
      hint.append("empty to draw a nonce");
    } else if (property.clockValue()) {
      hint.append("seconds since the epoch; empty for the clock's");
    } else if (property.defaulted()) {
      hint.append("empty for the declaration's default");
    } else {
      hint.append(property.required() ? "required" : "optional, empty for absent");
    }
    if (property.isStructured()) {
      hint.append("; JSON");
    }
    if (property.spreadPrefix() != null) {
      hint.append("; each entry travels as ")
          .append(property.where().equals("CLAIM") ? "a claim" : "a parameter")
          .append(property.spreadPrefix().isEmpty() ? "" : " " + property.spreadPrefix() + "NAME")
          .append(" of its own");
    }
    if (property.isUnsigned()) {
      hint.append("; sent, not signed");
    } else if (property.where().startsWith("HEADER")) {
      hint.append("; in the JWT's header");
    }
    return hint.toString();
  }

  private String sign(
      Description description,
      Map<String, String> values,
      String where,
      String typedSecret,
      Optional<ToolTarget> target,
      DemoUser user) {
    Optional<Secret> secret;
    try {
      secret = secret(description, values, typedSecret, target, user);
    } catch (IllegalArgumentException e) {
      return "<p class=\"bad\" id=\"build-error\">Not signed: "
          + Html.escape(e.getMessage())
          + "</p>";
    }
    Signed signed;
    try {
      Object request = DeclaredRequests.build(description, values);
      signed = Signing.sign(description, request, where, secret.orElse(null));
    } catch (IllegalArgumentException e) {
      return "<p class=\"bad\" id=\"build-error\">Not "
          + (description.isSigned() ? "signed" : "written")
          + ": "
          + Html.escape(e.getMessage())
          + "</p>";
    }
    if (!description.isSigned()) {
      return "<h2>The request your server sends</h2><p class=\"hint\">Secrets redacted; no signature:"
          + " the vendor's API checks the key and secret it carries.</p><pre id=\"request-text\">"
          + Html.escape(signed.output())
          + "</pre>";
    }
    Verification<?> check = signed.check().orElseThrow();
    boolean isToken = description.tokenPlacement().equals("NONE");
    StringBuilder out =
        new StringBuilder("<h2>")
            .append(isToken ? "Signed token" : "Signed URL")
            .append("</h2><textarea id=\"signed-url\" rows=\"4\" readonly>")
            .append(Html.escape(signed.output()))
            .append("</textarea><p>")
            .append(
                check.isVerified()
                    ? "<span class=\"ok\" id=\"builder-check\">Verifies</span> with the generated verifier"
                    : "<span class=\"bad\" id=\"builder-check\">Does not verify</span> with the generated"
                        + " verifier: "
                        + Html.escape(check.failure().map(VerificationFailure::message).orElse("")))
            .append('.');
    if (!isToken && target.isPresent() && target.get().where().equals(where.strip())) {
      out.append(" <a id=\"open-url\" target=\"_blank\" rel=\"noopener\" href=\"")
          .append(Html.escape(target.get().browserUrl().apply(signed.output())))
          .append("\">Open it</a> (once: the embed refuses a URL it has seen).");
    }
    out.append("</p>");
    signed
        .signedText()
        .ifPresent(
            text ->
                out.append("<h2>Signed text</h2><pre id=\"signed-text\">")
                    .append(Html.escape(text))
                    .append("</pre>"));
    signed
        .header()
        .ifPresent(
            header ->
                out.append("<h2>Header and claims</h2><pre id=\"jwt-header\">")
                    .append(Html.escape(header))
                    .append("</pre><pre id=\"jwt-claims\">")
                    .append(Html.escape(signed.claims().orElse("")))
                    .append("</pre>"));
    check.report().ifPresent(report -> out.append(lines(report, null, 0)));
    out.append("<form method=\"post\" action=\"/inspector\">")
        .append(hidden("declaration", description.id()))
        .append(hidden("url", signed.output()))
        .append(signed.signedText().map(text -> hidden("expected", text)).orElse(""))
        .append(
            "<button type=\"submit\" id=\"to-inspector\">Inspect this</button> <span class=\"hint\">")
        .append("enter the secret there</span></form>");
    return out.toString();
  }

  /**
   * The secret to sign with: the one typed, or the app's own for the vendor; a real vendor's only
   * for the signed-in user, as the value that names the user says.
   *
   * @return empty for a JSON request, which carries its key and secret among its values
   * @throws IllegalArgumentException saying why none may be used
   */
  private static Optional<Secret> secret(
      Description description,
      Map<String, String> values,
      String typed,
      Optional<ToolTarget> target,
      DemoUser user) {
    if (!description.isSigned()) {
      return Optional.empty();
    }
    if (typed != null && !typed.isEmpty()) {
      return Optional.of(Secret.ofUtf8(typed));
    }
    if (target.isEmpty()) {
      throw new IllegalArgumentException(
          "secret: this app does not embed " + description.module() + ", so give its secret");
    }
    ToolTarget app = target.get();
    if (!app.isStandin()) {
      if (app.identity().isEmpty()) {
        throw new IllegalArgumentException(
            "secret: with this app's real "
                + app.module()
                + " secret the builder signs nothing, since no value of "
                + description.id()
                + " says who the user is; give another secret");
      }
      String identity = app.identity().get();
      if (!user.id().equals(values.get(identity))) {
        String wire = description.property(identity).map(Property::wireName).orElse(identity);
        throw new IllegalArgumentException(
            "with this app's real "
                + app.module()
                + " secret the builder signs only for you, "
                + wire
                + " "
                + user.id()
                + ". Give another secret to sign for anyone else");
      }
    }
    return Optional.of(app.secret());
  }

  private static String hidden(String name, String value) {
    return "<input type=\"hidden\" name=\""
        + Html.escape(name)
        + "\" value=\""
        + Html.escape(value)
        + "\">";
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
    String chosen = posted ? request.form().getOrDefault("declaration", "") : "";
    String result = posted && !url.isEmpty() ? inspect(url, secret, expected, chosen) : "";
    StringBuilder choices = new StringBuilder("<option value=\"\">(by the URL's form)</option>");
    for (Description description : Declarations.all()) {
      if (description.isSigned()) {
        choices
            .append("<option value=\"")
            .append(Html.escape(description.id()))
            .append('"')
            .append(description.id().equals(chosen) ? " selected" : "")
            .append('>')
            .append(Html.escape(description.module() + ": " + description.id()))
            .append("</option>");
      }
    }
    String body =
        "<h1>Inspector</h1><p>Paste a signed URL of any vendor module (or a token that travels in"
            + " none) and the secret: the declaration's generated verifier reads it and checks the"
            + " signature. For a signed URL, to see <em>which</em> signed line differs, paste also what"
            + " your signer signed: its signed text (<code>canonicalText(origin)</code>) or the URL it"
            + " produced. A signature alone cannot tell: it only says that the texts differ. The"
            + " inspector remembers no nonces.</p>"
            + result
            + "<form method=\"post\" action=\"/inspector\" id=\"inspector-form\">"
            + "<p><label for=\"inspect-declaration\">Declaration</label> <select id=\"inspect-declaration\""
            + " name=\"declaration\">"
            + choices
            + "</select></p>"
            + "<p><label for=\"inspect-url\">URL or token</label><br><textarea id=\"inspect-url\" name=\"url\" rows=\"4\">"
            + Html.escape(url)
            + "</textarea></p>"
            + "<p><label for=\"inspect-secret\">Secret</label> <input type=\"password\" id=\"inspect-secret\""
            + " name=\"secret\" autocomplete=\"off\"> <span class=\"hint\">"
            + "empty for this app's secret for the vendor; never filled in, so give it again on each"
            + " check</span></p>"
            + "<p><label for=\"inspect-expected\">What your signer signed (optional): its signed text, or"
            + " the URL it produced</label><br><textarea id=\"inspect-expected\" name=\"expected\" rows=\"8\">"
            + Html.escape(expected)
            + "</textarea></p>"
            + "<p><button type=\"submit\" id=\"inspect\">Inspect</button></p></form>";
    return Response.html(host.page("Inspector", "/inspector", user.get(), body));
  }

  private String inspect(String input, String secretText, String expectedInput, String chosen) {
    Optional<Description> found =
        chosen.isEmpty() ? Declarations.detect(input) : Declarations.byId(chosen);
    if (found.isEmpty() || !found.get().isSigned()) {
      return "<p class=\"bad\" id=\"verdict\">Not a URL of any vendor module's declaration: its path, and"
          + " the parameter that carries its signature or token, have no declaration's form. Choose"
          + " the declaration to be told what does not fit.</p>";
    }
    Description description = found.get();
    Optional<ToolTarget> target = Optional.ofNullable(targets.get(description.module()));
    if (secretText.isEmpty() && target.isEmpty()) {
      return "<p class=\"bad\" id=\"verdict\">Give the secret: this app does not embed "
          + Html.escape(description.module())
          + ", so it holds no secret for it.</p>";
    }
    Secret secret = secretText.isEmpty() ? target.get().secret() : Secret.ofUtf8(secretText);
    Verification<?> verification;
    try {
      verification = Signing.verify(description, input, secret, Clock.systemUTC());
    } catch (IllegalArgumentException e) {
      return "<p class=\"bad\" id=\"verdict\">" + Html.escape(e.getMessage()) + "</p>";
    }
    StringBuilder out =
        new StringBuilder("<h2>Result</h2><p id=\"declaration-used\">Read as <code>")
            .append(Html.escape(description.id()))
            .append("</code> (")
            .append(Html.escape(description.module()))
            .append(").</p>");
    if (verification.isVerified()) {
      out.append(
              "<p class=\"ok\" id=\"verdict\" data-verified=\"true\">Verifies: the signature is the one")
          .append(secretText.isEmpty() ? " this app's secret" : " the secret")
          .append(" gives, and every value is well-formed.</p><pre id=\"request\">")
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
    if (!verification.unauthenticated().isEmpty()) {
      out.append(
              "<p id=\"unauthenticated\">Sent unsigned, so whoever held the URL could have changed"
                  + " them: <code>")
          .append(Html.escape(verification.unauthenticated()))
          .append("</code></p>");
    }
    Optional<SignedTextReport> report = verification.report();
    if (report.isEmpty()) {
      if (description.kind().equals(Description.SIGNED_URL)) {
        out.append("<p>The verifier stopped before it could rebuild the signed text.</p>");
      }
      return out.toString();
    }
    String expected = expectedText(description, expectedInput, secret);
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
   * The text the developer's signer signed: the text pasted (line breaks as the browser sends them,
   * CR LF, read as LF; outer whitespace dropped, as a scheme's normalization drops it), or the text
   * rebuilt from a pasted URL of the same declaration, at that URL's own origin. Null when nothing
   * was pasted.
   */
  private static String expectedText(Description description, String input, Secret secret) {
    String text = input.replace("\r\n", "\n").strip();
    if (text.isEmpty()) {
      return null;
    }
    if (text.startsWith("http") && !text.contains("\n") && text.contains("?")) {
      try {
        // The pasted URL's own origin, not the inspected one's: a changed host must show as a
        // differing first line.
        Optional<SignedTextReport> report =
            Signing.verify(description, text, secret, Clock.systemUTC()).report();
        if (report.isPresent()) {
          return report.get().signedText();
        }
      } catch (IllegalArgumentException e) {
        // Then it is compared as text.
      }
    }
    return text;
  }

  /**
   * The source of the normalized line {@code number}. Normalization drops the lines of values that
   * are only whitespace; when it dropped any, lines no longer match sources one to one and no name
   * is given.
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
        new StringBuilder("<table id=\"lines\"><tr><th>#</th><th>source</th><th>")
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
