package dev.signet.sigma;

import dev.signet.runtime.Origin;
import dev.signet.runtime.SiteUrl;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * An embed path as Sigma gives it, {@code https://app.sigmacomputing.com/embed/1-1wCx...}, cut into
 * the origin and the path that {@link SigmaSignedUrl#path()} and {@link SigmaJwtEmbed#path()} take.
 *
 * @param origin where the embed is served
 * @param path the path after the host, without its leading {@code /}
 */
public record SigmaEmbedPaths(Origin origin, String path) {

  /**
   * The origin and path of {@code embedPath}.
   *
   * @throws IllegalArgumentException when it is not an {@code https} URL with a path and nothing
   *     after it
   */
  public static SigmaEmbedPaths of(String embedPath) {
    URI uri;
    try {
      uri = new URI(embedPath);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("embedPath: is not a URL");
    }
    if (!"https".equals(uri.getScheme())
        || uri.getHost() == null
        || uri.getRawPath() == null
        || uri.getRawPath().length() < 2
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null
        || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "embedPath: must be https://HOST/PATH, as Sigma gives it, without a query");
    }
    Origin origin =
        uri.getPort() < 0
            ? Origin.https(uri.getHost())
            : Origin.https(uri.getHost(), uri.getPort());
    return new SigmaEmbedPaths(origin, uri.getPath().substring(1));
  }

  /** The origin as the site a JWT embed's URL starts with. */
  public SiteUrl site() {
    return SiteUrl.of(origin.toString());
  }
}
