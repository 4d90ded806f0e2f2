package dev.signet.sample.tools;

import dev.signet.codatum.SignetCodatumIssueToken;
import dev.signet.lightdash.SignetLightdashEmbed;
import dev.signet.looker.SignetLookerLogin;
import dev.signet.metabase.SignetMetabaseDashboardEmbed;
import dev.signet.metabase.SignetMetabaseQuestionEmbed;
import dev.signet.mode.SignetModeEmbed;
import dev.signet.omni.SignetOmniGenerateSession;
import dev.signet.omni.SignetOmniGenerateUrl;
import dev.signet.omni.SignetOmniLogin;
import dev.signet.omni.SignetOmniRedeemSession;
import dev.signet.sample.tools.Description.Property;
import dev.signet.sigma.SignetSigmaJwtEmbed;
import dev.signet.sigma.SignetSigmaSignedUrl;
import dev.signet.tableau.SignetTableauToken;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The declarations of every vendor module this app depends on, each with its description, and which
 * of them a pasted URL or token is.
 */
public final class Declarations {
  /** The generated classes of the vendor modules, in the order the tools list them. */
  private static final List<Class<?>> GENERATED =
      List.of(
          SignetOmniLogin.class,
          SignetOmniRedeemSession.class,
          SignetOmniGenerateSession.class,
          SignetOmniGenerateUrl.class,
          SignetLookerLogin.class,
          SignetSigmaJwtEmbed.class,
          SignetSigmaSignedUrl.class,
          SignetModeEmbed.class,
          SignetMetabaseDashboardEmbed.class,
          SignetMetabaseQuestionEmbed.class,
          SignetTableauToken.class,
          SignetLightdashEmbed.class,
          SignetCodatumIssueToken.class);

  private static final List<Description> ALL = GENERATED.stream().map(Description::of).toList();

  private Declarations() {}

  /** Every vendor module's declarations. */
  public static List<Description> all() {
    return ALL;
  }

  /** The declaration whose generated class has the simple name {@code id}. */
  public static Optional<Description> byId(String id) {
    return ALL.stream().filter(d -> d.id().equals(id)).findFirst();
  }

  /**
   * The signed declaration that {@code input} is an instance of, by its form alone (nothing is
   * verified): a URL whose path has the declaration's form and that carries its signature or token
   * where the declaration puts it, the most specific path winning; or, for text that is not a URL,
   * the JWT that travels in none.
   */
  public static Optional<Description> detect(String input) {
    if (!input.startsWith("http://") && !input.startsWith("https://")) {
      return ALL.stream().filter(d -> d.tokenPlacement().equals("NONE")).findFirst();
    }
    URI uri;
    try {
      uri = new URI(input);
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
    String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
    String query = uri.getRawQuery() == null ? "" : uri.getRawQuery();
    return ALL.stream()
        .filter(d -> d.isSigned() && !d.tokenPlacement().equals("NONE"))
        .filter(d -> pathPrefix(d, rawPath).isPresent())
        .filter(
            d ->
                switch (d.kind().equals(Description.SIGNED_URL)
                    ? "SIGNATURE"
                    : d.tokenPlacement()) {
                  // A signed URL's path is the whole path: an origin has none of its own.
                  case "SIGNATURE" ->
                      pathPrefix(d, rawPath).orElseThrow().isEmpty()
                          && hasParameter(query, d.signatureParameter());
                  case "QUERY" -> hasParameter(query, d.tokenParameter());
                  case "FRAGMENT" -> uri.getRawFragment() != null;
                  default -> true;
                })
        .max(Comparator.comparingInt(Declarations::literalLength));
  }

  /**
   * The site a JWT's URL was made for: the URL up to where the declaration's path begins.
   *
   * @throws IllegalArgumentException when the URL's path does not end in the declaration's form
   */
  static String siteOf(Description description, String url) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("URL: not a URL: " + e.getReason());
    }
    String prefix =
        pathPrefix(description, uri.getRawPath() == null ? "" : uri.getRawPath())
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "URL: its path does not end in "
                            + description.id()
                            + "'s "
                            + description.path()));
    return Signing.originOf(url) + prefix;
  }

  /**
   * What comes before the declaration's path in {@code rawPath} (a site's own path), when the path
   * ends in the declaration's form: each {@code {name}} one segment, or several for a value
   * declared to keep its slashes.
   */
  private static Optional<String> pathPrefix(Description description, String rawPath) {
    StringBuilder regex = new StringBuilder("(.*?)");
    Matcher variable = Pattern.compile("\\{([^}]+)}").matcher(description.path());
    int end = 0;
    while (variable.find()) {
      regex.append(Pattern.quote(description.path().substring(end, variable.start())));
      boolean segments =
          description
              .property(variable.group(1))
              .map(Property::where)
              .filter(where -> where.endsWith("PATH_SEGMENTS"))
              .isPresent();
      regex.append(segments ? ".+" : "[^/]+");
      end = variable.end();
    }
    regex.append(Pattern.quote(description.path().substring(end)));
    Matcher path = Pattern.compile(regex.toString()).matcher(rawPath);
    return path.matches() ? Optional.of(path.group(1)) : Optional.empty();
  }

  private static int literalLength(Description description) {
    return description.path().replaceAll("\\{[^}]+}", "").length();
  }

  private static boolean hasParameter(String rawQuery, String name) {
    return Arrays.stream(rawQuery.split("&"))
        .map(pair -> pair.substring(0, pair.indexOf('=') < 0 ? pair.length() : pair.indexOf('=')))
        .anyMatch(
            raw -> raw.equals(name) || URLDecoder.decode(raw, StandardCharsets.UTF_8).equals(name));
  }
}
