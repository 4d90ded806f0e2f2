package dev.signet.sample.tools;

import dev.signet.runtime.JsonParser;
import dev.signet.runtime.Origin;
import dev.signet.runtime.Secret;
import dev.signet.runtime.SiteUrl;
import dev.signet.runtime.VendorRequest;
import dev.signet.runtime.Verification;
import dev.signet.sample.tools.Description.Property;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs a built request and verifies what was signed, through the generated class's own methods,
 * one way per kind: a signed URL at an origin, a JWT at a site (or alone), and a JSON request,
 * which is not signed but written, its secrets redacted.
 */
public final class Signing {
  private Signing() {}

  /** A JWT's three parts, wherever in a URL it travels: its header is a JSON object, {@code {"}. */
  private static final Pattern TOKEN =
      Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

  /**
   * What the builder shows of a request.
   *
   * @param output the signed URL, the token alone, or the redacted request a server sends
   * @param signedText the text a signed URL's signature covers
   * @param header a JWT's header, as JSON
   * @param claims a JWT's claims, as JSON
   * @param check the generated verifier's reading of {@code output}; empty for a JSON request
   */
  public record Signed(
      String output,
      Optional<String> signedText,
      Optional<String> header,
      Optional<String> claims,
      Optional<Verification<?>> check) {}

  /**
   * What the form asks for beside the values, by kind: where the request is sent, or nothing.
   *
   * @return the field's label and hint, or empty when the kind needs none
   */
  public static Optional<String> whereLabel(Description description) {
    if (description.kind().equals(Description.SIGNED_URL)) {
      return Optional.of("origin");
    }
    if (description.kind().equals(Description.SIGNED_JWT)
        && !description.tokenPlacement().equals("NONE")) {
      return Optional.of("site");
    }
    return Optional.empty();
  }

  /**
   * Signs {@code request}, a built instance of {@code description}'s class, for {@code where} (an
   * origin or site URL, per {@link #whereLabel}) with {@code secret}, and has a fresh generated
   * verifier read it back.
   *
   * @throws IllegalArgumentException naming the field when {@code where} is not an origin or site
   */
  public static Signed sign(Description description, Object request, String where, Secret secret) {
    Class<?> type = description.generated();
    switch (description.kind()) {
      case Description.SIGNED_URL -> {
        Origin origin = origin(where);
        String url = (String) call(type, request, "signedUrl", origin, secret);
        String text = (String) call(type, request, "canonicalText", origin);
        return new Signed(
            url,
            Optional.of(text),
            Optional.empty(),
            Optional.empty(),
            Optional.of(
                urlVerifier(description, origin, secret, Clock.systemUTC()).verifyUrl(url)));
      }
      case Description.SIGNED_JWT -> {
        Object verifier = jwtVerifier(description, keyIdOf(description, request), secret);
        String header = (String) call(type, request, "headerJson");
        String claims = (String) call(type, request, "claimsJson");
        String output;
        Verification<?> check;
        if (description.tokenPlacement().equals("NONE")) {
          output = (String) call(type, request, "token", secret);
          check = verification(verifier, "verify", output);
        } else {
          SiteUrl site = site(where);
          output = (String) call(type, request, "url", site, secret);
          check =
              verification(
                  call(verifier.getClass(), verifier, "withSite", site), "verifyUrl", output);
        }
        return new Signed(
            output, Optional.empty(), Optional.of(header), Optional.of(claims), Optional.of(check));
      }
      default -> {
        VendorRequest written = (VendorRequest) request;
        StringBuilder text =
            new StringBuilder(written.method()).append(' ').append(written.path()).append('\n');
        written.headers().forEach((n, v) -> text.append(n).append(": ").append(v).append('\n'));
        text.append('\n').append(written.body());
        return new Signed(
            written.redact(text.toString()),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
      }
    }
  }

  /**
   * Verifies {@code input}, a URL or (for a JWT that travels in none) a token, as {@code
   * description}'s generated verifier does with {@code secret}: a fresh verifier, which remembers
   * no nonce. A signed URL's origin, and a JWT's site, are the URL's own; the local stand-ins'
   * {@code http://} loopback URLs are read as the {@code https://} ones they were signed for.
   *
   * @param clock the time that timestamps and expiries are judged at, where the scheme has them
   * @throws IllegalArgumentException when {@code input} is no URL of {@code description}'s form
   */
  public static Verification<?> verify(
      Description description, String input, Secret secret, Clock clock) {
    if (description.kind().equals(Description.SIGNED_URL)) {
      String url = asSigned(input);
      return urlVerifier(description, origin(originOf(url)), secret, clock).verifyUrl(url);
    }
    Matcher token = TOKEN.matcher(input);
    Optional<String> keyId = token.find() ? headerKeyId(token.group()) : Optional.empty();
    Object verifier = withClock(jwtVerifier(description, keyId, secret), clock);
    if (description.tokenPlacement().equals("NONE")) {
      return verification(verifier, "verify", input);
    }
    String url = asSigned(input);
    SiteUrl site = site(Declarations.siteOf(description, url));
    return verification(call(verifier.getClass(), verifier, "withSite", site), "verifyUrl", url);
  }

  /** {@code url} as it was signed: a loopback {@code http://} URL as {@code https://}. */
  static String asSigned(String url) {
    for (String loopback : new String[] {"http://127.0.0.1", "http://localhost"}) {
      if (url.startsWith(loopback + ":") || url.startsWith(loopback + "/")) {
        return "https" + url.substring("http".length());
      }
    }
    return url;
  }

  /** {@code scheme://authority} of {@code url}. */
  static String originOf(String url) {
    try {
      URI uri = new URI(url);
      if (uri.getRawAuthority() == null) {
        throw new IllegalArgumentException("URL: has no host: " + url);
      }
      return uri.getScheme() + "://" + uri.getRawAuthority();
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("URL: not a URL: " + e.getReason());
    }
  }

  /** The origin {@code text} names: {@code https://host[:port]}, nothing after it. */
  static Origin origin(String text) {
    URI uri;
    try {
      uri = new URI(text.strip());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("origin: not a URL: " + e.getReason());
    }
    if (!"https".equals(uri.getScheme())
        || uri.getHost() == null
        || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "origin: must be https://HOST or https://HOST:PORT, nothing after it");
    }
    return Origin.https(uri.getHost(), uri.getPort() < 0 ? 443 : uri.getPort());
  }

  private static SiteUrl site(String text) {
    try {
      return SiteUrl.of(text.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("site: " + e.getMessage(), e);
    }
  }

  private static Optional<String> keyIdOf(Description description, Object request) {
    Optional<Property> keyId = description.keyId();
    return keyId.isEmpty()
        ? Optional.empty()
        : DeclaredRequests.value(request, keyId.get()).map(Object::toString);
  }

  /** The {@code kid} in a token's header, where it has one that can be read. */
  private static Optional<String> headerKeyId(String token) {
    try {
      String header = token.substring(0, token.indexOf('.'));
      Object json =
          JsonParser.parse(
              new String(Base64.getUrlDecoder().decode(header), StandardCharsets.UTF_8));
      return json instanceof Map<?, ?> map && map.get("kid") instanceof String kid
          ? Optional.of(kid)
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      // The verifier says what is wrong with the header.
      return Optional.empty();
    }
  }

  /** A signed URL's generated verifier, whichever runtime class its scheme uses. */
  private interface UrlCheck {
    Verification<?> verifyUrl(String url);
  }

  private static UrlCheck urlVerifier(
      Description description, Origin origin, Secret secret, Clock clock) {
    Object verifier =
        withClock(
            FormValues.invoke(
                DeclaredRequests.method(
                    description.generated(), "verifier", Origin.class, Secret.class),
                null,
                origin,
                secret),
            clock);
    return url -> verification(verifier, "verifyUrl", url);
  }

  /** {@code verifier} reading the time from {@code clock}, where its scheme reads a time at all. */
  private static Object withClock(Object verifier, Clock clock) {
    Method withClock;
    try {
      withClock = verifier.getClass().getMethod("withClock", Clock.class);
    } catch (NoSuchMethodException e) {
      // A scheme without timestamps (Omni's): nothing to judge by a clock.
      return verifier;
    }
    return FormValues.invoke(withClock, verifier, clock);
  }

  /**
   * The generated JWT verifier: by key id where the declaration's tokens name their key, so that
   * the verifier finds {@code secret} under the id the token carries.
   */
  private static Object jwtVerifier(
      Description description, Optional<String> keyId, Secret secret) {
    if (description.keyId().isEmpty()) {
      return FormValues.invoke(
          DeclaredRequests.method(description.generated(), "verifier", Secret.class), null, secret);
    }
    return FormValues.invoke(
        DeclaredRequests.method(description.generated(), "verifier", Map.class),
        null,
        keyId.isPresent() ? Map.of(keyId.get(), secret) : Map.of("", secret));
  }

  private static Verification<?> verification(Object verifier, String method, String input) {
    return (Verification<?>)
        FormValues.invoke(
            DeclaredRequests.method(verifier.getClass(), method, String.class), verifier, input);
  }

  private static Object call(Class<?> type, Object target, String name, Object... arguments) {
    Class<?>[] parameters = new Class<?>[arguments.length];
    for (int i = 0; i < arguments.length; i++) {
      parameters[i] = arguments[i].getClass();
    }
    return FormValues.invoke(DeclaredRequests.method(type, name, parameters), target, arguments);
  }
}
