package dev.signet.tableau;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.runtime.Secret;
import dev.signet.runtime.Verification;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Sign then verify: whatever the ids, user name, scopes and user attributes hold, the verifier
 * reads back the token that was signed, its attributes as the map they were spread from.
 */
class TableauRoundTripPropertyTest {
  private static final Secret SECRET = Secret.ofUtf8("round-trip-connected-app-secret-value");

  /** The names an attribute cannot take: the token's own claims, and those RFC 7519 registers. */
  private static final Set<String> CLAIMS =
      Set.of("jti", "aud", "sub", "scp", "exp", "iat", "iss", "nbf");

  @Property(tries = 300)
  void whatIsSignedVerifiesAsItself(
      @ForAll("required") String secretId,
      @ForAll("required") String clientId,
      @ForAll("required") String jti,
      @ForAll("required") String username,
      @ForAll("scopes") List<String> scopes,
      @ForAll("attributes") Map<String, TableauAttribute> attributes,
      @ForAll @LongRange(min = 0, max = 4_000_000_000L) long iat,
      @ForAll @IntRange(min = 1, max = 600) int timeToLive) {
    SignetTableauToken signed =
        SignetTableauToken.builder()
            .secretId(secretId)
            .clientId(clientId)
            .jti(jti)
            .username(username)
            .scopes(TableauScopes.of(scopes))
            .userAttributes(attributes)
            .iat(iat)
            .exp(iat + timeToLive)
            .build();
    Verification<SignetTableauToken> verified =
        SignetTableauToken.verifier(Map.of(secretId, SECRET))
            .withClock(Clock.fixed(Instant.ofEpochSecond(iat), ZoneOffset.UTC))
            .verify(signed.token(SECRET));
    assertTrue(verified.isVerified(), verified::toString);
    SignetTableauToken read = verified.request().orElseThrow();
    assertEquals(signed, read);
    assertEquals(signed.claimsJson(), read.claimsJson());
    assertEquals(signed.headerJson(), read.headerJson());
  }

  /** Any text with a UTF-8 encoding: unpaired surrogates are refused in required values. */
  @Provide
  Arbitrary<String> required() {
    return Arbitraries.strings()
        .ofMinLength(1)
        .ofMaxLength(16)
        .filter(
            s -> new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(s));
  }

  @Provide
  Arbitrary<List<String>> scopes() {
    return Arbitraries.oneOf(
            Arbitraries.of(
                TableauScopes.VIEWS_EMBED,
                TableauScopes.VIEWS_EMBED_AUTHORING,
                TableauScopes.INSIGHTS_EMBED,
                TableauScopes.METRICS_EMBED),
            Arbitraries.strings().ofMaxLength(12))
        .list()
        .ofMinSize(1)
        .ofMaxSize(4);
  }

  @Provide
  Arbitrary<Map<String, TableauAttribute>> attributes() {
    Arbitrary<String> text = Arbitraries.strings().ofMaxLength(12);
    Arbitrary<TableauAttribute> value =
        Arbitraries.oneOf(
            text.map(TableauAttribute::of), text.list().ofMaxSize(3).map(TableauAttribute::ofList));
    Arbitrary<String> name = required().filter(n -> !CLAIMS.contains(n));
    return Combinators.combine(name.list().ofMaxSize(4), value.list().ofSize(4))
        .as(
            (names, values) -> {
              Map<String, TableauAttribute> attributes = new LinkedHashMap<>();
              for (int i = 0; i < names.size(); i++) {
                attributes.put(names.get(i), values.get(i));
              }
              return attributes;
            });
  }
}
