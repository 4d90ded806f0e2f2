package dev.signet.metabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.runtime.Secret;
import dev.signet.runtime.Verification;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/** Sign then verify: whatever the claims hold, the verifier reads back the request that signed. */
class MetabaseRoundTripPropertyTest {
  private static final Secret SECRET = Secret.ofUtf8("round-trip-secret-of-some-length-0123");

  @Property(tries = 300)
  void whatIsSignedVerifiesAsItself(
      @ForAll @LongRange(min = 1, max = 1L << 40) long dashboard,
      @ForAll("params") Map<String, MetabaseParam> params,
      @ForAll @LongRange(min = 0, max = 4_000_000_000L) long iat,
      @ForAll @IntRange(min = 1, max = 86_400) int timeToLive) {
    SignetMetabaseDashboardEmbed signed =
        SignetMetabaseDashboardEmbed.builder()
            .resource(MetabaseDashboard.of(dashboard))
            .params(params)
            .iat(iat)
            .exp(iat + timeToLive)
            .build();
    Verification<SignetMetabaseDashboardEmbed> verified =
        SignetMetabaseDashboardEmbed.verifier(SECRET)
            .withClock(Clock.fixed(Instant.ofEpochSecond(iat), ZoneOffset.UTC))
            .verify(signed.token(SECRET));
    assertTrue(verified.isVerified(), verified::toString);
    assertEquals(signed, verified.request().orElseThrow());
    assertEquals(signed.claimsJson(), verified.request().orElseThrow().claimsJson());
  }

  @Provide
  Arbitrary<Map<String, MetabaseParam>> params() {
    Arbitrary<String> text = Arbitraries.strings().ofMaxLength(12);
    Arbitrary<MetabaseParam> value =
        Arbitraries.oneOf(
            text.map(MetabaseParam::of),
            Arbitraries.longs().between(-(1L << 53), 1L << 53).map(MetabaseParam::of),
            text.list().ofMaxSize(3).map(list -> MetabaseParam.ofList(List.copyOf(list))));
    return Combinators.combine(text.list().ofMaxSize(4), value.list().ofSize(4))
        .as(
            (names, values) -> {
              Map<String, MetabaseParam> params = new LinkedHashMap<>();
              for (int i = 0; i < names.size(); i++) {
                params.put(names.get(i), values.get(i));
              }
              return params;
            });
  }
}
