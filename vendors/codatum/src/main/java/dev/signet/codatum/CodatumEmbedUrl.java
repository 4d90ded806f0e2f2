package dev.signet.codatum;

import dev.signet.runtime.FormEncoding;
import dev.signet.runtime.InvalidParameterException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The embed URL of a Codatum notebook integration, {@code
 * https://app.codatum.com/protected/workspace/{24 hex}/notebook/{24 hex}}, with its optional {@code
 * theme} and {@code locale}. Its last path segment is the integration id that the token API asks
 * for. Instances are immutable.
 */
public final class CodatumEmbedUrl {
  /**
   * The origin the iframe is served from: the parent posts {@code SET_TOKEN} to it and only to it.
   */
  public static final String ORIGIN = "https://app.codatum.com";

  private static final Pattern PATH =
      Pattern.compile("/protected/workspace/([0-9a-f]{24})/notebook/([0-9a-f]{24})");
  private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

  /** The notebook's color theme. */
  public enum Theme {
    LIGHT,
    DARK,
    /** As the user's system prefers. */
    SYSTEM
  }

  private final String workspaceId;
  private final String integrationId;
  private final Theme theme;
  private final String locale;

  private CodatumEmbedUrl(String workspaceId, String integrationId, Theme theme, String locale) {
    this.workspaceId = workspaceId;
    this.integrationId = integrationId;
    this.theme = theme;
    this.locale = locale;
  }

  /**
   * The embed URL {@code url}, as the integration's settings show it.
   *
   * @throws InvalidParameterException naming what is wrong: another origin, a path other than
   *     {@code /protected/workspace/{24 hex}/notebook/{24 hex}}, a query parameter other than
   *     {@code theme} and {@code locale}, or a value of one of those that Codatum does not know
   */
  public static CodatumEmbedUrl parse(String url) {
    URI uri;
    try {
      uri = new URI(Objects.requireNonNull(url, "url"));
    } catch (URISyntaxException e) {
      throw new InvalidParameterException("embedUrl", "is not a URL: " + e.getReason());
    }
    if (!"https".equals(uri.getScheme())
        || !"app.codatum.com".equals(uri.getRawAuthority())
        || uri.getRawFragment() != null) {
      throw new InvalidParameterException(
          "embedUrl", "must start with " + ORIGIN + " and have no fragment");
    }
    Matcher path = PATH.matcher(uri.getRawPath() == null ? "" : uri.getRawPath());
    if (!path.matches()) {
      throw new InvalidParameterException(
          "embedUrl",
          "must have the path /protected/workspace/{workspace id}/notebook/{integration id},"
              + " each id 24 lower-case hex digits");
    }
    Theme theme = null;
    String locale = null;
    String query = uri.getRawQuery();
    if (query != null && !query.isEmpty()) {
      for (String pair : query.split("&", -1)) {
        int equals = pair.indexOf('=');
        String name = equals < 0 ? pair : pair.substring(0, equals);
        String value = equals < 0 ? "" : pair.substring(equals + 1);
        switch (name) {
          case "theme" -> theme = theme(value);
          case "locale" -> locale = locale(value);
          case "token" ->
              throw new InvalidParameterException(
                  "embedUrl",
                  "already carries a token; parse the integration's own URL and add a token with"
                      + " withToken");
          default ->
              throw new InvalidParameterException(
                  "embedUrl",
                  "has the query parameter \"" + name + "\"; Codatum takes theme and locale");
        }
      }
    }
    return new CodatumEmbedUrl(path.group(1), path.group(2), theme, locale);
  }

  private static Theme theme(String value) {
    for (Theme theme : Theme.values()) {
      if (theme.name().equals(value)) {
        return theme;
      }
    }
    throw new InvalidParameterException("theme", "must be LIGHT, DARK or SYSTEM");
  }

  private static String locale(String value) {
    if (!LOCALE.matcher(value).matches()) {
      throw new InvalidParameterException("locale", "must be a language tag such as en or ja");
    }
    return value;
  }

  /** The workspace's id. */
  public String workspaceId() {
    return workspaceId;
  }

  /** The integration's id: the URL's last path segment, which the token API asks for. */
  public String integrationId() {
    return integrationId;
  }

  public Optional<Theme> theme() {
    return Optional.ofNullable(theme);
  }

  public Optional<String> locale() {
    return Optional.ofNullable(locale);
  }

  /** This URL with {@code theme}. */
  public CodatumEmbedUrl withTheme(Theme theme) {
    return new CodatumEmbedUrl(workspaceId, integrationId, Objects.requireNonNull(theme), locale);
  }

  /**
   * This URL with {@code locale}, a language tag such as {@code en} or {@code ja}.
   *
   * @throws InvalidParameterException for anything else
   */
  public CodatumEmbedUrl withLocale(String locale) {
    return new CodatumEmbedUrl(workspaceId, integrationId, theme, locale(locale));
  }

  /**
   * The iframe's {@code src} for Codatum's second pattern: this URL with {@code ?token=}. Prefer
   * the first pattern (the token sent by {@code SET_TOKEN}), which keeps the token out of the URL,
   * the browser's history and servers' logs.
   */
  public String withToken(IssuedToken token) {
    StringBuilder url = new StringBuilder(toString());
    url.append(url.indexOf("?") < 0 ? '?' : '&');
    FormEncoding.appendParameter(url, "token", token.token());
    return url.toString();
  }

  /** The URL: the iframe's {@code src} for Codatum's first pattern. */
  @Override
  public String toString() {
    StringBuilder url =
        new StringBuilder(ORIGIN)
            .append("/protected/workspace/")
            .append(workspaceId)
            .append("/notebook/")
            .append(integrationId);
    char separator = '?';
    if (theme != null) {
      url.append(separator).append("theme=").append(theme.name());
      separator = '&';
    }
    if (locale != null) {
      url.append(separator).append("locale=").append(locale);
    }
    return url.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CodatumEmbedUrl that && toString().equals(that.toString());
  }

  @Override
  public int hashCode() {
    return toString().hashCode();
  }
}
