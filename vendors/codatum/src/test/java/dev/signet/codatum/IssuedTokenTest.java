package dev.signet.codatum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IssuedTokenTest {

  @Test
  void readsTheExpiryFromThePayload() {
    String jwt = Jwts.expiringAt(1_893_456_000L);
    IssuedToken token = IssuedToken.of(jwt);
    assertEquals(jwt, token.token());
    assertEquals(Instant.parse("2030-01-01T00:00:00Z"), token.expiresAt());
    assertFalse(token.isExpiredAt(Instant.parse("2029-12-31T23:59:59Z")));
    assertTrue(token.isExpiredAt(Instant.parse("2030-01-01T00:00:00Z")));
    assertEquals("IssuedToken[token=[redacted], expiresAt=2030-01-01T00:00:00Z]", token.toString());
  }

  @Test
  void aFractionalExpiry() {
    assertEquals(
        Instant.ofEpochSecond(1_893_456_000L),
        IssuedToken.of(Jwts.withPayload("{\"exp\":1893456000.75}")).expiresAt());
  }

  @Test
  void fromTheTokenApisAnswer() {
    String jwt = Jwts.expiringAt(1_893_456_000L);
    assertEquals(jwt, IssuedToken.fromAnswer("{\"token\":\"" + jwt + "\"}").token());
    assertEquals(
        "the answer has no \"token\" string",
        assertThrows(IllegalArgumentException.class, () -> IssuedToken.fromAnswer("{\"token\":42}"))
            .getMessage());
    assertEquals(
        "the answer is not JSON",
        assertThrows(IllegalArgumentException.class, () -> IssuedToken.fromAnswer("token=abc"))
            .getMessage());
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "abc.def | a JWT has three parts joined by dots, not 2",
        "a.b.c.d | a JWT has three parts joined by dots, not 4",
        "eyJhbGciOiJIUzI1NiJ9..c2ln | part 2 of the JWT is not unpadded base64url text",
        "eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjF9=.c2ln | part 2 of the JWT is not unpadded base64url text",
        "eyJhbGciOiJIUzI1NiJ9.bm90IGpzb24.c2ln | the JWT's payload is not base64url-encoded JSON",
        "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln | the JWT's payload has no numeric exp",
        "eyJhbGciOiJIUzI1NiJ9.eyJleHAiOiIxIn0.c2ln | the JWT's payload has no numeric exp",
        "eyJhbGciOiJIUzI1NiJ9.eyJleHAiOjFlMzB9.c2ln | the JWT's exp is out of range"
      })
  void refusesWhatIsNoJwtWithoutShowingIt(String jwt, String message) {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> IssuedToken.of(jwt));
    assertEquals(message, refused.getMessage());
    assertFalse(refused.getMessage().contains(jwt));
  }
}
