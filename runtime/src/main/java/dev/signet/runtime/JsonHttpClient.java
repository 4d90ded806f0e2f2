package dev.signet.runtime;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Sends {@link VendorRequest}s to one vendor's API with the JDK's {@link HttpClient}.
 *
 * <p>Every request has a time limit, redirects are not followed (a credential is never sent on to
 * another address), and an answer outside 2xx becomes a {@link VendorRequestException} that carries
 * the status and the vendor's {@code message}, redacted. This class logs nothing, and puts neither
 * the body nor the headers of a request into any exception.
 *
 * <p>Instances are immutable and thread-safe; create one per vendor and reuse it.
 */
public final class JsonHttpClient {
  private final HttpClient httpClient;
  private final URI baseUri;
  private final String basePath;
  private final Duration requestTimeout;

  private JsonHttpClient(HttpClient httpClient, URI baseUri, Duration requestTimeout) {
    this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
    this.baseUri = checkBaseUri(baseUri);
    String path = baseUri.getRawPath() == null ? "" : baseUri.getRawPath();
    this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    this.requestTimeout = checkTimeout("requestTimeout", requestTimeout);
  }

  /**
   * A client of the API at {@code baseUri} (such as {@code https://api.codatum.com}), with its own
   * {@link HttpClient}.
   *
   * @param connectTimeout how long to wait for a connection
   * @param requestTimeout how long to wait for the answer of each request
   * @throws IllegalArgumentException when the base URI is not an absolute http or https URI without
   *     query, fragment or user info, or a timeout is not positive
   */
  public static JsonHttpClient of(URI baseUri, Duration connectTimeout, Duration requestTimeout) {
    HttpClient httpClient =
        HttpClient.newBuilder()
            .connectTimeout(checkTimeout("connectTimeout", connectTimeout))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    return new JsonHttpClient(httpClient, baseUri, requestTimeout);
  }

  /**
   * A client of the API at {@code baseUri} that sends through {@code httpClient}, whose own
   * settings (connect timeout, redirects, proxy, TLS) then apply.
   */
  public static JsonHttpClient of(HttpClient httpClient, URI baseUri, Duration requestTimeout) {
    return new JsonHttpClient(httpClient, baseUri, requestTimeout);
  }

  /** The URI that request paths follow. */
  public URI baseUri() {
    return baseUri;
  }

  /**
   * Where {@code request} goes: the base URI's scheme, authority and path, then the request's path.
   *
   * @throws IllegalArgumentException when the request's path does not start with {@code /}, holds a
   *     {@code ?}, a {@code #}, whitespace or a control character (each of which would change the
   *     URL: a query, a fragment that is never sent, or a broken request line), or is not a URI
   *     path; the message shows the path, redacted
   */
  public URI uriOf(VendorRequest request) {
    String path = request.path();
    if (path == null || !path.startsWith("/")) {
      throw badPath(
          request,
          path,
          "must start with /, such as \"/api/notebook/issueToken\": it follows the base URI");
    }
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      if (c == '?'
          || c == '#'
          || Character.isISOControl(c)
          || Character.isWhitespace(c)
          || Character.isSpaceChar(c)) {
        throw badPath(
            request,
            path,
            "must hold no ?, #, whitespace or control characters, which would change the URL it"
                + " is sent to (found U+"
                + String.format("%04X", (int) c)
                + " at index "
                + i
                + ")");
      }
    }
    String prefix = baseUri.getScheme() + "://" + baseUri.getRawAuthority() + basePath;
    try {
      return new URI(prefix + path);
    } catch (URISyntaxException notAPath) {
      int index = notAPath.getIndex() - prefix.length();
      throw badPath(
          request,
          path,
          "must be a URI path, with other characters %-encoded ("
              + notAPath.getReason()
              + (index >= 0 ? " at index " + index : "")
              + ")");
    }
  }

  /** A refusal of the request's path, which it shows redacted and quoted as JSON. */
  private static IllegalArgumentException badPath(
      VendorRequest request, String path, String problem) {
    StringBuilder message = new StringBuilder("path ");
    Json.appendString(message, path == null ? null : request.redact(path));
    return new IllegalArgumentException(message.append(' ').append(problem).toString());
  }

  /**
   * Sends {@code request} and gives the body of a 2xx answer.
   *
   * @throws IllegalArgumentException when the request's path is refused, as {@link #uriOf} says;
   *     then nothing is sent
   * @throws VendorRequestException when the answer's status is outside 2xx; it carries the status
   *     and the vendor's {@code message} when the answer is a JSON object that has one
   * @throws IOException when no answer came, {@link java.net.http.HttpTimeoutException} among them
   *     when the connection or the answer took too long
   * @throws InterruptedException when the thread was interrupted while waiting
   */
  public String send(VendorRequest request) throws IOException, InterruptedException {
    return send(request, Function.identity());
  }

  /**
   * Sends {@code request} and reads the body of a 2xx answer with {@code readAnswer}, which throws
   * {@link IllegalArgumentException} for an answer it cannot read.
   *
   * @throws IllegalArgumentException when the request's path is refused, as {@link #uriOf} says;
   *     then nothing is sent
   * @throws VendorRequestException when the answer's status is outside 2xx, or {@code readAnswer}
   *     refuses the answer; then the message says why, redacted, and holds none of the answer
   *     itself
   * @throws IOException when no answer came, {@link java.net.http.HttpTimeoutException} among them
   *     when the connection or the answer took too long
   * @throws InterruptedException when the thread was interrupted while waiting
   */
  public <T> T send(VendorRequest request, Function<String, T> readAnswer)
      throws IOException, InterruptedException {
    HttpRequest.Builder http =
        HttpRequest.newBuilder(uriOf(request))
            .timeout(requestTimeout)
            .method(
                request.method(),
                HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
    for (Map.Entry<String, String> header : request.headers().entrySet()) {
      http.header(header.getKey(), header.getValue());
    }
    HttpResponse<String> response =
        httpClient.send(http.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    int status = response.statusCode();
    String name = request.method() + " " + request.path();
    if (status >= 200 && status < 300) {
      try {
        return readAnswer.apply(response.body());
      } catch (IllegalArgumentException unreadable) {
        throw new VendorRequestException(
            name,
            status,
            null,
            "the vendor's answer cannot be read: " + request.redact(unreadable.getMessage()));
      }
    }
    String message = vendorMessage(response.body());
    throw new VendorRequestException(
        name,
        status,
        message == null ? null : request.redact(message),
        "the vendor answered with status " + status);
  }

  /** The string {@code message} of an answer that is a JSON object, or null. */
  private static String vendorMessage(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      Object answer = JsonParser.parse(body);
      if (answer instanceof Map<?, ?> object && object.get("message") instanceof String text) {
        return text;
      }
    } catch (IllegalArgumentException notJson) {
      // An HTML error page from a proxy, say: it carries no vendor message.
    }
    return null;
  }

  private static URI checkBaseUri(URI baseUri) {
    Objects.requireNonNull(baseUri, "baseUri");
    String scheme = baseUri.getScheme();
    if (!baseUri.isAbsolute()
        || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))
        || baseUri.getRawAuthority() == null
        || baseUri.getRawUserInfo() != null
        || baseUri.getRawQuery() != null
        || baseUri.getRawFragment() != null) {
      throw new IllegalArgumentException(
          "baseUri must be an absolute http or https URI without user info, query or fragment,"
              + " such as https://api.codatum.com");
    }
    return baseUri;
  }

  private static Duration checkTimeout(String name, Duration timeout) {
    Objects.requireNonNull(timeout, name);
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    return timeout;
  }
}
