package dev.signet.sample.web;

import dev.signet.looker.SignetLookerLogin;
import dev.signet.runtime.InvalidParameterException;
import dev.signet.sample.server.Html;
import dev.signet.sample.server.Http.Request;
import dev.signet.sample.server.Http.Response;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The Looker page: an embed URL signed for the signed-in user on every load, with {@link
 * SignetLookerLogin}, from the user's row: the id is Looker's {@code external_user_id}, the entity
 * its {@code external_group_id}, the user attributes its {@code user_attributes}, and the name,
 * split at its first space, the unsigned {@code first_name} and {@code last_name}.
 */
final class LookerPage {
  /** What every demo user may do: see the embedded dashboard and the data under it. */
  static final List<String> PERMISSIONS =
      List.of("access_data", "see_looks", "see_user_dashboards");

  /** An hour; Looker allows up to 30 days. */
  static final long SESSION_LENGTH = 3600;

  private final HostServer host;
  private final LookerTarget looker;

  LookerPage(HostServer host, LookerTarget looker) {
    this.host = host;
    this.looker = looker;
  }

  Response page(Request request) throws SQLException {
    Optional<DemoUser> found = host.user(request);
    if (found.isEmpty()) {
      return HostServer.signInFirst(request);
    }
    DemoUser user = found.get();
    SignetLookerLogin login;
    try {
      login = login(user);
    } catch (InvalidParameterException e) {
      return host.badUserRow(user, e, "Looker", "Looker dashboard", "/looker");
    }
    String signedUrl = login.signedUrl(looker.origin(), looker.secret());
    String body =
        "<h1>Looker dashboard</h1><p>Signed on the server for <b>"
            + Html.escape(user.id())
            + "</b> (Looker's <code>external_user_id</code>), group <code>"
            + Html.escape(user.entity())
            + "</code>, user attributes <code>"
            + Html.escape(user.userAttributes())
            + "</code>, from the user table; permissions "
            + Html.escape(String.join(", ", PERMISSIONS))
            + " on the models "
            + Html.escape(String.join(", ", looker.models()))
            + ". Each load signs a new URL (a new nonce, the time now): the embed refuses a URL it"
            + " has seen, or one more than five minutes old. The name, "
            + Html.escape(user.name())
            + ", travels unsigned, as Looker's scheme sends it.</p>"
            + "<iframe id=\"looker\" title=\"Looker dashboard\" style=\"height:920px\" src=\""
            + Html.escape(looker.browserUrl().apply(signedUrl))
            + "\"></iframe>"
            + "<details><summary>The signed text</summary><pre id=\"signed-text\">"
            + Html.escape(login.canonicalText(looker.origin()))
            + "</pre></details>";
    return Response.html(host.page("Looker dashboard", "/looker", user, body));
  }

  /**
   * The login for {@code user}, refused naming the parameter when the row cannot be signed.
   *
   * @throws InvalidParameterException naming the Looker parameter whose column is refused
   */
  SignetLookerLogin login(DemoUser user) {
    SignetLookerLogin.BuildStage login =
        SignetLookerLogin.builder()
            .target(looker.target())
            .sessionLength(SESSION_LENGTH)
            .externalUserId(user.id())
            .permissions(PERMISSIONS)
            .models(looker.models())
            .externalGroupId(Optional.ofNullable(user.entity()))
            .firstName(user.firstName())
            .lastName(user.lastName())
            // A new embed login replaces whoever was signed in to Looker in this browser.
            .forceLogoutLogin(true);
    try {
      login.userAttributes(user.lookerUserAttributes());
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("user_attributes", e.getMessage());
    }
    return login.build();
  }
}
