package dev.signet.codatum;

import dev.signet.runtime.JsonParser;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * A token that Codatum's token API issued: a JWT, and its expiry read from the payload's {@code
 * exp}.
 *
 * <p>The host does not verify the token's signature, and cannot: Codatum signs it with its own key
 * and checks it when the iframe presents it. Reading {@code exp} only tells the host when to issue
 * a new one. The token is a bearer credential, so {@link #toString()} leaves it out.
 */
public final class IssuedToken {
  private final String token;
  private final Instant expiresAt;

  private IssuedToken(String token, Instant expiresAt) {
    this.token = token;
    this.expiresAt = expiresAt;
  }

  /**
   * The token {@code jwt}: three base64url parts joined by dots, the second a JSON object whose
   * {@code exp} is the expiry in seconds since the epoch.
   *
   * @throws IllegalArgumentException when {@code jwt} is not such a token; the message never holds
   *     the token
   */
  public static IssuedToken of(String jwt) {
    Objects.requireNonNull(jwt, "jwt");
    String[] parts = jwt.split("\\.", -1);
    if (parts.length != 3) {
      throw new IllegalArgumentException(
          "a JWT has three parts joined by dots, not " + parts.length);
    }
    for (int i = 0; i < 3; i++) {
      if (parts[i].isEmpty() || !parts[i].chars().allMatch(IssuedToken::isBase64Url)) {
        throw new IllegalArgumentException(
            "part " + (i + 1) + " of the JWT is not unpadded base64url text");
      }
    }
    Object payload;
    try {
      payload =
          JsonParser.parse(
              new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the JWT's payload is not base64url-encoded JSON");
    }
    if (!(payload instanceof Map<?, ?> claims) || !(claims.get("exp") instanceof BigDecimal exp)) {
      throw new IllegalArgumentException("the JWT's payload has no numeric exp");
    }
    try {
      // A NumericDate may have a fraction; a second is precision enough for an expiry.
      return new IssuedToken(
          jwt, Instant.ofEpochSecond(exp.setScale(0, RoundingMode.FLOOR).longValueExact()));
    } catch (ArithmeticException | DateTimeException e) {
      throw new IllegalArgumentException("the JWT's exp is out of range");
    }
  }

  /**
   * The token in the token API's answer, {@code {"token": "..."}}.
   *
   * @throws IllegalArgumentException when the answer is not such an object or its token is not a
   *     JWT; the message never holds the answer
   */
  public static IssuedToken fromAnswer(String answer) {
    Object json;
    try {
      json = JsonParser.parse(answer);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the answer is not JSON");
    }
    if (!(json instanceof Map<?, ?> object) || !(object.get("token") instanceof String token)) {
      throw new IllegalArgumentException("the answer has no \"token\" string");
    }
    return of(token);
  }

  private static boolean isBase64Url(int c) {
    return (c >= 'A' && c <= 'Z')
        || (c >= 'a' && c <= 'z')
        || (c >= '0' && c <= '9')
        || c == '-'
        || c == '_';
  }

  /** The JWT, to hand to the iframe with {@code SET_TOKEN} or {@link CodatumEmbedUrl#withToken}. */
  public String token() {
    return token;
  }

  /** When the token expires: its {@code exp}. */
  public Instant expiresAt() {
    return expiresAt;
  }

  /** Whether the token has expired at {@code now}. */
  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof IssuedToken that && token.equals(that.token);
  }

  @Override
  public int hashCode() {
    return token.hashCode();
  }

  /** The expiry; never the token. */
  @Override
  public String toString() {
    return "IssuedToken[token=[redacted], expiresAt=" + expiresAt + "]";
  }
}
