package dev.signet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.signet.runtime.internal.ParameterChecks;
import dev.signet.runtime.internal.Redaction;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parts of sending that need no server: the generated requests are sent in the sample app's
 * tests.
 */
class VendorRequestsTest {
  private static final Duration SECOND = Duration.ofSeconds(1);

  private static VendorRequest request(String path) {
    return new VendorRequest() {
      @Override
      public String method() {
        return "POST";
      }

      @Override
      public String path() {
        return path;
      }

      @Override
      public Map<String, String> headers() {
        return Map.of();
      }

      @Override
      public String body() {
        return "{}";
      }

      @Override
      public String redact(String text) {
        return text;
      }
    };
  }

  @Test
  void pathsFollowTheBaseUrisPath() {
    assertEquals(
        "https://api.codatum.com/api/notebook/issueToken",
        JsonHttpClient.of(URI.create("https://api.codatum.com"), SECOND, SECOND)
            .uriOf(request("/api/notebook/issueToken"))
            .toString());
    assertEquals(
        "http://127.0.0.1:8080/v2/api/x",
        JsonHttpClient.of(URI.create("http://127.0.0.1:8080/v2/"), SECOND, SECOND)
            .uriOf(request("/api/x"))
            .toString());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "api.codatum.com",
        "ftp://api.codatum.com",
        "https://user:password@api.codatum.com",
        "https://api.codatum.com?x=1",
        "https://api.codatum.com#top",
        "/api"
      })
  void refusesABaseUriThatIsNotAPlainHttpOrigin(String uri) {
    IllegalArgumentException refused =
        assertThrows(
            IllegalArgumentException.class,
            () -> JsonHttpClient.of(URI.create(uri), SECOND, SECOND));
    assertEquals(
        "baseUri must be an absolute http or https URI without user info, query or fragment,"
            + " such as https://api.codatum.com",
        refused.getMessage());
  }

  @Test
  void refusesTimeoutsThatAreNotPositive() {
    URI uri = URI.create("https://api.codatum.com");
    assertThrows(
        IllegalArgumentException.class, () -> JsonHttpClient.of(uri, Duration.ZERO, SECOND));
    assertThrows(
        IllegalArgumentException.class,
        () -> JsonHttpClient.of(uri, SECOND, Duration.ofMillis(-1)));
  }

  @Test
  void redactionReplacesEverySecretLongestFirst() {
    assertEquals(
        "[redacted] and [redacted], [redacted]",
        Redaction.redact("abcdef and abc, abcdef", "abc", "abcdef"));
    assertEquals("nothing to hide", Redaction.redact("nothing to hide", "", null));
    assertEquals(null, Redaction.redact(null, "abc"));
  }

  @Test
  void exceptionsSayWhatWasRefused() {
    VendorRequestException refused =
        new VendorRequestException(
            "POST /x", 401, "bad key", "the vendor answered with status 401");
    assertEquals("POST /x: the vendor answered with status 401: bad key", refused.getMessage());
    assertEquals(401, refused.status());
  }

  @Test
  void uriComponentsAreEncodedAsJavaScriptEncodesThem() {
    // encodeURIComponent('{"a":"b c"}') and encodeURIComponent("-_.!~*'()ü🚀/?&=+")
    assertEquals("%7B%22a%22%3A%22b%20c%22%7D", UriComponentEncoding.encode("{\"a\":\"b c\"}"));
    assertEquals(
        "-_.!~*'()%C3%BC%F0%9F%9A%80%2F%3F%26%3D%2B",
        UriComponentEncoding.encode("-_.!~*'()ü🚀/?&=+"));
    assertThrows(IllegalArgumentException.class, () -> UriComponentEncoding.encode("\ud800"));
  }

  @Test
  void headerValuesArePrintableAscii() {
    assertEquals("Bearer abc", ParameterChecks.headerValue("Authorization", "Bearer abc"));
    InvalidParameterException refused =
        assertThrows(
            InvalidParameterException.class,
            () -> ParameterChecks.headerValue("Authorization", "secret\r\nX-Evil: 1"));
    assertEquals(
        "Authorization: is sent as a header and must be printable ASCII, without line breaks"
            + " (found U+000D at index 6)",
        refused.getMessage());
    assertThrows(
        InvalidParameterException.class, () -> ParameterChecks.headerValue("X", "caf\u00e9"));
  }
}
