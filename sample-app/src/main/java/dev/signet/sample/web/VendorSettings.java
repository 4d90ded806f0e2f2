package dev.signet.sample.web;

import dev.signet.codatum.CodatumClient;
import dev.signet.codatum.CodatumEmbedUrl;
import dev.signet.looker.LookerOrigins;
import dev.signet.metabase.MetabaseDashboard;
import dev.signet.omni.OmniContentPaths;
import dev.signet.omni.OmniOrigins;
import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.Origin;
import dev.signet.runtime.Secret;
import dev.signet.runtime.SiteUrl;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which vendors the app talks to, read from environment variables. With none of a vendor's
 * variables set, the app starts a local stand-in for it; with any set, all that vendor needs must
 * be set and well-formed, or start-up stops with a {@link SettingsException} that names the
 * variable.
 *
 * <table>
 *   <caption>Variables</caption>
 *   <tr><td>OMNI_EMBED_SECRET</td><td>the embed secret (required for the real Omni)</td></tr>
 *   <tr><td>OMNI_HOST or OMNI_ORGANIZATION</td><td>a vanity host, or the organization's name; one of them</td></tr>
 *   <tr><td>OMNI_PORT</td><td>optional, when not 443</td></tr>
 *   <tr><td>OMNI_CONTENT_PATH</td><td>optional: /dashboards/ID, /w/ID/duplicate, /my (default), /entity-folder or /root</td></tr>
 *   <tr><td>LOOKER_EMBED_SECRET</td><td>the embed secret (required for the real Looker)</td></tr>
 *   <tr><td>LOOKER_HOST</td><td>the instance's host, with :port when it has one (required)</td></tr>
 *   <tr><td>LOOKER_MODELS</td><td>the models the embed users may query, separated by commas (required)</td></tr>
 *   <tr><td>LOOKER_TARGET</td><td>optional: the embedded page, /embed/dashboards/ID (default /embed/dashboards/1)</td></tr>
 *   <tr><td>METABASE_SITE_URL</td><td>the instance's URL, which may carry a path (required for the real Metabase)</td></tr>
 *   <tr><td>METABASE_SECRET_KEY</td><td>the embedding secret key (required)</td></tr>
 *   <tr><td>METABASE_DASHBOARD</td><td>optional: the embedded dashboard's id, a number or an entity id (default 1)</td></tr>
 *   <tr><td>CODATUM_API_KEY, CODATUM_API_SECRET</td><td>the workspace's API key and secret</td></tr>
 *   <tr><td>CODATUM_EMBED_URL</td><td>the integration's embed URL</td></tr>
 *   <tr><td>CODATUM_PAGE_ID</td><td>the published page the Sales page shows</td></tr>
 *   <tr><td>CODATUM_SECOND_PAGE_ID</td><td>optional: the page the Trend page shows (default: CODATUM_PAGE_ID)</td></tr>
 *   <tr><td>CODATUM_API_ORIGIN</td><td>optional: default https://api.codatum.com</td></tr>
 * </table>
 */
public record VendorSettings(
    Optional<Omni> omni,
    Optional<Looker> looker,
    Optional<Metabase> metabase,
    Optional<Codatum> codatum) {

  static final List<String> OMNI_VARIABLES =
      List.of(
          "OMNI_EMBED_SECRET", "OMNI_HOST", "OMNI_ORGANIZATION", "OMNI_PORT", "OMNI_CONTENT_PATH");
  static final List<String> LOOKER_VARIABLES =
      List.of("LOOKER_EMBED_SECRET", "LOOKER_HOST", "LOOKER_MODELS", "LOOKER_TARGET");

  /** The page the Looker page opens unless {@code LOOKER_TARGET} says otherwise. */
  static final String LOOKER_DEFAULT_TARGET = "/embed/dashboards/1";

  static final List<String> METABASE_VARIABLES =
      List.of("METABASE_SITE_URL", "METABASE_SECRET_KEY", "METABASE_DASHBOARD");

  /** The dashboard the Metabase page embeds unless {@code METABASE_DASHBOARD} says otherwise. */
  static final MetabaseDashboard METABASE_DEFAULT_DASHBOARD = MetabaseDashboard.of(1);

  static final List<String> CODATUM_VARIABLES =
      List.of(
          "CODATUM_API_KEY",
          "CODATUM_API_SECRET",
          "CODATUM_EMBED_URL",
          "CODATUM_PAGE_ID",
          "CODATUM_SECOND_PAGE_ID",
          "CODATUM_API_ORIGIN");

  /** The real Omni: where its embeds are served, the secret, and what the Omni page opens. */
  public record Omni(Origin origin, Secret secret, String contentPath) {}

  /**
   * The real Looker: the instance's origin, the embed secret, the embedded page and the models the
   * app's users may query.
   */
  public record Looker(Origin origin, Secret secret, String target, List<String> models) {
    public Looker {
      models = List.copyOf(models);
    }
  }

  /**
   * The real Metabase: where it is served (its site URL), the embedding secret key, and the
   * dashboard the Metabase page embeds.
   */
  public record Metabase(SiteUrl siteUrl, Secret secret, MetabaseDashboard dashboard) {}

  /** The real Codatum. {@link #toString()} leaves the secret out. */
  public record Codatum(
      String apiKey,
      String apiSecret,
      CodatumEmbedUrl embedUrl,
      String pageId,
      String secondPageId,
      URI apiOrigin) {
    @Override
    public String toString() {
      return "Codatum[apiKey="
          + apiKey
          + ", apiSecret=[redacted], embedUrl="
          + embedUrl
          + ", pageId="
          + pageId
          + ", secondPageId="
          + secondPageId
          + ", apiOrigin="
          + apiOrigin
          + "]";
    }
  }

  /** A setting that is missing or malformed; the message starts with the variable's name. */
  public static final class SettingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SettingsException(String variable, String problem) {
      super(variable + ": " + problem);
    }
  }

  /** Every stand-in. */
  public static VendorSettings standins() {
    return new VendorSettings(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  /**
   * The settings that {@code environment} gives.
   *
   * @throws SettingsException naming the first variable that is missing or malformed
   */
  public static VendorSettings from(Map<String, String> environment) {
    return new VendorSettings(
        omni(environment), looker(environment), metabase(environment), codatum(environment));
  }

  private static Optional<Omni> omni(Map<String, String> env) {
    if (OMNI_VARIABLES.stream().noneMatch(env::containsKey)) {
      return Optional.empty();
    }
    String secret = require(env, "OMNI_EMBED_SECRET", OMNI_VARIABLES);
    String host = optional(env, "OMNI_HOST");
    String organization = optional(env, "OMNI_ORGANIZATION");
    if (host == null && organization == null) {
      throw new SettingsException(
          "OMNI_HOST",
          "set OMNI_HOST (a vanity host, such as analytics.example.com) or"
              + " OMNI_ORGANIZATION (the organization's name, as in ORG.embed-omniapp.co)");
    }
    if (host != null && organization != null) {
      throw new SettingsException("OMNI_HOST", "set OMNI_HOST or OMNI_ORGANIZATION, not both");
    }
    Integer port = null;
    String portText = optional(env, "OMNI_PORT");
    if (portText != null) {
      try {
        port = Integer.parseInt(portText);
      } catch (NumberFormatException e) {
        throw new SettingsException("OMNI_PORT", "must be a port number from 1 to 65535");
      }
    }
    Origin origin;
    try {
      origin = OmniOrigins.of(host, organization, port);
    } catch (InvalidParameterException e) {
      String variable =
          switch (String.valueOf(e.parameter())) {
            case "port" -> "OMNI_PORT";
            case "organizationName" -> "OMNI_ORGANIZATION";
            default -> host != null ? "OMNI_HOST" : "OMNI_ORGANIZATION";
          };
      throw new SettingsException(variable, problemOf(e));
    }
    String contentPath = optional(env, "OMNI_CONTENT_PATH");
    return Optional.of(
        new Omni(
            origin,
            Secret.ofUtf8(secret),
            contentPath == null ? OmniContentPaths.MY : contentPath(contentPath)));
  }

  /** A content path Omni knows, checked by {@link OmniContentPaths#check}. */
  static String contentPath(String path) {
    try {
      return OmniContentPaths.check(path);
    } catch (InvalidParameterException e) {
      throw new SettingsException("OMNI_CONTENT_PATH", problemOf(e));
    }
  }

  private static Optional<Looker> looker(Map<String, String> env) {
    if (LOOKER_VARIABLES.stream().noneMatch(env::containsKey)) {
      return Optional.empty();
    }
    String secret = require(env, "LOOKER_EMBED_SECRET", LOOKER_VARIABLES);
    String host = require(env, "LOOKER_HOST", LOOKER_VARIABLES);
    Origin origin;
    try {
      origin = LookerOrigins.of(host);
    } catch (IllegalArgumentException e) {
      throw new SettingsException(
          "LOOKER_HOST",
          "must be the instance's host as the browser reaches it, such as"
              + " mycompany.looker.com or analytics.example.com:9999 ("
              + (e instanceof InvalidParameterException invalid
                  ? problemOf(invalid)
                  : e.getMessage())
              + ")");
    }
    List<String> models =
        Arrays.stream(require(env, "LOOKER_MODELS", LOOKER_VARIABLES).split(",", -1))
            .map(String::strip)
            .toList();
    if (models.stream().anyMatch(String::isEmpty)) {
      throw new SettingsException(
          "LOOKER_MODELS", "must be model names separated by commas, none of them empty");
    }
    String target = optional(env, "LOOKER_TARGET");
    if (target != null
        && (!target.startsWith("/embed/") || !target.chars().allMatch(c -> c > ' ' && c < 0x7f))) {
      throw new SettingsException(
          "LOOKER_TARGET",
          "must be an embed path such as /embed/dashboards/56 or /embed/looks/7 (no spaces)");
    }
    return Optional.of(
        new Looker(
            origin,
            Secret.ofUtf8(secret),
            target == null ? LOOKER_DEFAULT_TARGET : target,
            models));
  }

  private static Optional<Metabase> metabase(Map<String, String> env) {
    if (METABASE_VARIABLES.stream().noneMatch(env::containsKey)) {
      return Optional.empty();
    }
    String site = require(env, "METABASE_SITE_URL", METABASE_VARIABLES);
    SiteUrl siteUrl;
    try {
      siteUrl = SiteUrl.of(site);
    } catch (InvalidParameterException e) {
      throw new SettingsException(
          "METABASE_SITE_URL",
          "must be the instance's URL, such as https://metabase.example.com or"
              + " https://example.com/metabase ("
              + problemOf(e)
              + ")");
    }
    String secret = require(env, "METABASE_SECRET_KEY", METABASE_VARIABLES);
    String dashboard = optional(env, "METABASE_DASHBOARD");
    return Optional.of(
        new Metabase(
            siteUrl,
            Secret.ofUtf8(secret),
            dashboard == null ? METABASE_DEFAULT_DASHBOARD : dashboard(dashboard)));
  }

  /** A dashboard's number, or its 21-character entity id. */
  private static MetabaseDashboard dashboard(String id) {
    try {
      if (id.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return MetabaseDashboard.of(Long.parseLong(id));
      }
      return MetabaseDashboard.ofEntityId(id);
    } catch (NumberFormatException | InvalidParameterException e) {
      throw new SettingsException(
          "METABASE_DASHBOARD",
          "must be the dashboard's id, a number such as 12, or its entity id of 21 characters");
    }
  }

  private static Optional<Codatum> codatum(Map<String, String> env) {
    if (CODATUM_VARIABLES.stream().noneMatch(env::containsKey)) {
      return Optional.empty();
    }
    String apiKey = require(env, "CODATUM_API_KEY", CODATUM_VARIABLES);
    String apiSecret = require(env, "CODATUM_API_SECRET", CODATUM_VARIABLES);
    String embedText = require(env, "CODATUM_EMBED_URL", CODATUM_VARIABLES);
    CodatumEmbedUrl embedUrl;
    try {
      embedUrl = CodatumEmbedUrl.parse(embedText);
    } catch (InvalidParameterException e) {
      throw new SettingsException("CODATUM_EMBED_URL", problemOf(e));
    }
    String pageId = require(env, "CODATUM_PAGE_ID", CODATUM_VARIABLES);
    String secondPageId = optional(env, "CODATUM_SECOND_PAGE_ID");
    String originText = optional(env, "CODATUM_API_ORIGIN");
    URI apiOrigin = originText == null ? CodatumClient.API_ORIGIN : apiOrigin(originText);
    return Optional.of(
        new Codatum(
            apiKey,
            apiSecret,
            embedUrl,
            pageId,
            secondPageId == null ? pageId : secondPageId,
            apiOrigin));
  }

  private static URI apiOrigin(String text) {
    String problem =
        "must be an origin such as https://api.codatum.com (scheme, host, optional port)";
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new SettingsException("CODATUM_API_ORIGIN", problem);
    }
    boolean bare =
        uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/");
    if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
        || uri.getHost() == null
        || uri.getRawUserInfo() != null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null
        || !bare) {
      throw new SettingsException("CODATUM_API_ORIGIN", problem);
    }
    return URI.create(uri.getScheme() + "://" + uri.getRawAuthority());
  }

  /**
   * The rule an {@link InvalidParameterException} names, without the parameter's name before it.
   */
  private static String problemOf(InvalidParameterException e) {
    String prefix = e.parameter() + ": ";
    String message = e.getMessage();
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }

  private static String require(Map<String, String> env, String name, List<String> group) {
    String value = optional(env, name);
    if (value == null) {
      List<String> given = new ArrayList<>();
      group.stream().filter(env::containsKey).forEach(given::add);
      throw new SettingsException(
          name,
          "is not set, but "
              + String.join(", ", given)
              + (given.size() == 1 ? " is" : " are")
              + " (to use the stand-in, set none of "
              + String.join(", ", group)
              + ")");
    }
    return value;
  }

  /** The value, or null when unset; a set but blank value is malformed. */
  private static String optional(Map<String, String> env, String name) {
    String value = env.get(name);
    if (value == null) {
      return null;
    }
    if (value.isBlank()) {
      throw new SettingsException(name, "is set but empty; give it a value or unset it");
    }
    if (!value.equals(value.strip())) {
      throw new SettingsException(name, "has leading or trailing whitespace");
    }
    return value;
  }
}
