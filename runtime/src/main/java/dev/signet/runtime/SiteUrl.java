package dev.signet.runtime;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * The URL a vendor's instance is served from, that embed URLs start with: {@code http} or {@code
 * https}, a host, perhaps a port, and perhaps a path, as a self-hosted Metabase at {@code
 * https://example.com/metabase} has. Unlike {@link Origin} it is not signed itself, so it is kept
 * as given, without a trailing {@code /}, and only checked to be a base other paths can follow.
 */
public final class SiteUrl {
  private final String text;

  private SiteUrl(String text) {
    this.text = text;
  }

  /**
   * The site at {@code url}, such as {@code https://metabase.example.com} or {@code
   * http://localhost:3000/metabase}; one trailing {@code /} is dropped.
   *
   * @throws InvalidParameterException naming {@code siteUrl} when it is not an absolute http(s) URL
   *     with a host, or carries a query, a fragment or user information
   */
  public static SiteUrl of(String url) {
    String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      throw new InvalidParameterException("siteUrl", "is not a URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("https") && !scheme.equals("http")) {
      throw new InvalidParameterException(
          "siteUrl", "must start with https:// or http://, such as https://analytics.example.com");
    }
    if (uri.getHost() == null || uri.getHost().isEmpty()) {
      throw new InvalidParameterException("siteUrl", "must name a host");
    }
    if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
      throw new InvalidParameterException(
          "siteUrl", "must be scheme, host, port and path alone, without ?, # or user@");
    }
    return new SiteUrl(trimmed);
  }

  /** The URL as given, without a trailing {@code /}: embed paths are appended to it. */
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof SiteUrl && text.equals(((SiteUrl) other).text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }
}
