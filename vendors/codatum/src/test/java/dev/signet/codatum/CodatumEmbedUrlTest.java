package dev.signet.codatum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.signet.runtime.InvalidParameterException;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CodatumEmbedUrlTest {
  private static final String URL =
      "https://app.codatum.com/protected/workspace/66a1b2c3d4e5f60718293a4b/notebook/66a1b2c3d4e5f60718293aff";

  @Test
  void readsTheIdsAndTheIntegrationIdIsTheLastSegment() {
    CodatumEmbedUrl embed = CodatumEmbedUrl.parse(URL);
    assertEquals("66a1b2c3d4e5f60718293a4b", embed.workspaceId());
    assertEquals("66a1b2c3d4e5f60718293aff", embed.integrationId());
    assertEquals(Optional.empty(), embed.theme());
    assertEquals(Optional.empty(), embed.locale());
    assertEquals(URL, embed.toString());
  }

  @Test
  void themeAndLocale() {
    CodatumEmbedUrl embed = CodatumEmbedUrl.parse(URL + "?theme=DARK&locale=ja");
    assertEquals(Optional.of(CodatumEmbedUrl.Theme.DARK), embed.theme());
    assertEquals(Optional.of("ja"), embed.locale());
    assertEquals(URL + "?theme=DARK&locale=ja", embed.toString());
    assertEquals(
        URL + "?theme=SYSTEM&locale=en",
        CodatumEmbedUrl.parse(URL)
            .withLocale("en")
            .withTheme(CodatumEmbedUrl.Theme.SYSTEM)
            .toString());
  }

  @Test
  void theUrlTokenPattern() {
    IssuedToken token = IssuedToken.of(Jwts.expiringAt(1_893_456_000L));
    assertEquals(URL + "?token=" + token.token(), CodatumEmbedUrl.parse(URL).withToken(token));
    assertEquals(
        URL + "?theme=LIGHT&token=" + token.token(),
        CodatumEmbedUrl.parse(URL + "?theme=LIGHT").withToken(token));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://app.codatum.com/protected/workspace/66a1b2c3d4e5f60718293a4b/notebook/66a1b2c3d4e5f60718293aff | embedUrl: must start with https://app.codatum.com and have no fragment",
        "https://evil.example/protected/workspace/66a1b2c3d4e5f60718293a4b/notebook/66a1b2c3d4e5f60718293aff | embedUrl: must start with https://app.codatum.com and have no fragment",
        "https://app.codatum.com:444/protected/workspace/66a1b2c3d4e5f60718293a4b/notebook/66a1b2c3d4e5f60718293aff | embedUrl: must start with https://app.codatum.com and have no fragment",
        "https://app.codatum.com/protected/workspace/66a1b2c3d4e5f60718293a4b/notebook/66a1b2c3d4e5f60718293aff#x | embedUrl: must start with https://app.codatum.com and have no fragment",
        "https://app.codatum.com/protected/workspace/66a1b2c3d4e5f60718293a4/notebook/66a1b2c3d4e5f60718293aff | embedUrl: must have the path /protected/workspace/{workspace id}/notebook/{integration id}, each id 24 lower-case hex digits",
        "https://app.codatum.com/protected/workspace/66a1b2c3d4e5f60718293a4b/notebook/66A1B2C3D4E5F60718293AFF | embedUrl: must have the path /protected/workspace/{workspace id}/notebook/{integration id}, each id 24 lower-case hex digits",
        "https://app.codatum.com/protected/workspace/66a1b2c3d4e5f60718293a4b/notebook/66a1b2c3d4e5f60718293aff/ | embedUrl: must have the path /protected/workspace/{workspace id}/notebook/{integration id}, each id 24 lower-case hex digits",
        "https://app.codatum.com/protected/workspace/66a1b2c3d4e5f60718293a4b/notebook/66a1b2c3d4e5f60718293aff?theme=dark | theme: must be LIGHT, DARK or SYSTEM",
        "https://app.codatum.com/protected/workspace/66a1b2c3d4e5f60718293a4b/notebook/66a1b2c3d4e5f60718293aff?locale=en%20US | locale: must be a language tag such as en or ja",
        "https://app.codatum.com/protected/workspace/66a1b2c3d4e5f60718293a4b/notebook/66a1b2c3d4e5f60718293aff?lang=en | embedUrl: has the query parameter \"lang\"; Codatum takes theme and locale",
        "https://app.codatum.com/protected/workspace/66a1b2c3d4e5f60718293a4b/notebook/66a1b2c3d4e5f60718293aff?token=abc | embedUrl: already carries a token; parse the integration's own URL and add a token with withToken",
        "not a url at all | embedUrl: is not a URL: Illegal character in path"
      })
  void refuses(String url, String message) {
    InvalidParameterException refused =
        assertThrows(InvalidParameterException.class, () -> CodatumEmbedUrl.parse(url));
    assertEquals(message, refused.getMessage());
  }
}
