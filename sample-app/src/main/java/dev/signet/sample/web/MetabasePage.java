package dev.signet.sample.web;

import dev.signet.metabase.MetabaseParam;
import dev.signet.metabase.MetabaseTheme;
import dev.signet.metabase.SignetMetabaseDashboardEmbed;
import dev.signet.runtime.InvalidParameterException;
import dev.signet.sample.server.Html;
import dev.signet.sample.server.Http.Request;
import dev.signet.sample.server.Http.Response;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Metabase page: a static-embedding token for the dashboard, signed for the signed-in user on
 * every load with {@link SignetMetabaseDashboardEmbed}, whose locked parameters come from the
 * user's row: {@code tenant} is the entity, {@code region} the {@code region} user attribute. The
 * appearance options after {@code #} ({@code bordered}, {@code titled}, {@code theme}) are not
 * signed.
 *
 * <p>For a dashboard of your own, lock the filters {@code tenant} and {@code region} in its embed
 * settings: Metabase wants a value for every locked filter, and the token gives these two.
 */
final class MetabasePage {
  /** The locked parameter that the user's entity fills. */
  static final String TENANT = "tenant";

  /** The locked parameter that the user's {@code region} attribute fills. */
  static final String REGION = "region";

  private final HostServer host;
  private final MetabaseTarget metabase;
  private final Clock clock = Clock.systemUTC();

  /** The issue time of the last token signed for each user, in seconds since the epoch. */
  private final Map<String, Long> lastIssued = new ConcurrentHashMap<>();

  MetabasePage(HostServer host, MetabaseTarget metabase) {
    this.host = host;
    this.metabase = metabase;
  }

  Response page(Request request) throws SQLException {
    Optional<DemoUser> found = host.user(request);
    if (found.isEmpty()) {
      return HostServer.signInFirst(request);
    }
    DemoUser user = found.get();
    Optional<MetabaseTheme> theme =
        HostServer.named(MetabaseTheme.values(), request.query("theme"));
    SignetMetabaseDashboardEmbed embed;
    try {
      embed = embed(user).iat(issueTime(user)).theme(theme).build();
    } catch (InvalidParameterException e) {
      return host.badUserRow(user, e, "Metabase", "Metabase dashboard", "/metabase");
    }
    String body =
        "<h1>Metabase dashboard</h1><p>A static-embedding token signed on the server for <b>"
            + Html.escape(user.name())
            + "</b> ("
            + Html.escape(user.id())
            + "), its locked filters from the user table: <code>tenant</code> "
            + Html.escape(user.entity())
            + " (the entity) and <code>region</code> from the user attributes <code>"
            + Html.escape(user.userAttributes())
            + "</code>. Each load signs a new token, valid ten minutes; the embed refuses a token"
            + " it has seen. The appearance after <code>#</code> is not signed. Theme:"
            + " <a href=\"/metabase\">light</a>"
            + HostServer.themeLinks("/metabase", MetabaseTheme.values())
            + "</p>"
            + "<iframe id=\"metabase\" title=\"Metabase dashboard\" style=\"height:760px\" src=\""
            + Html.escape(embed.url(metabase.siteUrl(), metabase.secret()))
            + "\"></iframe>"
            + "<details><summary>The signed token's header and claims</summary>"
            + "<pre id=\"signed-header\">"
            + Html.escape(embed.headerJson())
            + "</pre><pre id=\"signed-claims\">"
            + Html.escape(embed.claimsJson())
            + "</pre></details>";
    return Response.html(host.page("Metabase dashboard", "/metabase", user, body));
  }

  /**
   * The page's token for {@code user}, but for its issue time and theme.
   *
   * @throws InvalidParameterException naming the parameter whose column is refused
   */
  SignetMetabaseDashboardEmbed.BuildStage embed(DemoUser user) {
    return SignetMetabaseDashboardEmbed.builder()
        .resource(metabase.dashboard())
        .params(lockedParams(user))
        .bordered(true)
        .titled(true);
  }

  /**
   * An issue time for a new token of {@code user}: now, or a second after the last one signed for
   * them. Metabase's claims carry no nonce, so two tokens signed for one user within a second would
   * be the same token, and an embed that accepts each token once, as the stand-in does, would
   * refuse the second page load as a replay. Each rapid reload moves the time a second ahead of the
   * clock, far within the minute of skew a verifier allows.
   */
  private long issueTime(DemoUser user) {
    long now = clock.instant().getEpochSecond();
    return lastIssued.merge(user.id(), now, (last, current) -> Math.max(current, last + 1));
  }

  /**
   * The user's locked parameters, refused naming the parameter when the row gives none: a locked
   * filter without a value would show every tenant's or region's rows.
   *
   * @throws InvalidParameterException naming {@link #TENANT} or {@link #REGION}
   */
  private static Map<String, MetabaseParam> lockedParams(DemoUser user) {
    Map<String, MetabaseParam> params = new LinkedHashMap<>();
    if (user.entity() == null || user.entity().isEmpty()) {
      throw new InvalidParameterException(TENANT, "the user has no entity to filter on");
    }
    params.put(TENANT, MetabaseParam.of(user.entity()));
    try {
      params.put(REGION, user.metabaseRegion());
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException(REGION, e.getMessage());
    }
    return params;
  }
}
