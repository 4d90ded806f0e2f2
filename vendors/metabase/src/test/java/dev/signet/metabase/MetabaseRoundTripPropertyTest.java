package dev.signet.metabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.runtime.Secret;
import dev.signet.runtime.SiteUrl;
import dev.signet.runtime.Verification;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * Sign then verify the URL: whatever the claims and the appearance hold, the verifier reads back
 * the claims that signed, and the appearance options apart, as given.
 */
class MetabaseRoundTripPropertyTest {
  private static final Secret SECRET = Secret.ofUtf8("round-trip-secret-of-some-length-0123");

  private static final SiteUrl SITE = SiteUrl.of("http://127.0.0.1:3000/metabase");

  @Property(tries = 300)
  void whatIsSignedVerifiesAsItself(
      @ForAll @LongRange(min = 1, max = 1L << 40) long dashboard,
      @ForAll("params") Map<String, MetabaseParam> params,
      @ForAll @LongRange(min = 0, max = 4_000_000_000L) long iat,
      @ForAll @IntRange(min = 1, max = 86_400) int timeToLive,
      @ForAll Optional<Boolean> bordered,
      @ForAll Optional<MetabaseTheme> theme,
      @ForAll Optional<@IntRange(min = 0, max = 86_400) Integer> refresh,
      @ForAll("text") Optional<String> hideParameters) {
    SignetMetabaseDashboardEmbed signed =
        SignetMetabaseDashboardEmbed.builder()
            .resource(MetabaseDashboard.of(dashboard))
            .params(params)
            .iat(iat)
            .exp(iat + timeToLive)
            .bordered(bordered)
            .theme(theme)
            .refresh(refresh)
            .hideParameters(hideParameters)
            .build();
    String url = signed.url(SITE, SECRET);
    Verification<SignetMetabaseDashboardEmbed> verified =
        SignetMetabaseDashboardEmbed.verifier(SECRET)
            .withClock(Clock.fixed(Instant.ofEpochSecond(iat), ZoneOffset.UTC))
            .withSite(SITE)
            .verifyUrl(url);
    assertTrue(verified.isVerified(), () -> url + ": " + verified);
    SignetMetabaseDashboardEmbed read = verified.request().orElseThrow();
    assertEquals(signed.claimsJson(), read.claimsJson());
    assertEquals(signed.resource(), read.resource());
    assertEquals(signed.params(), read.params());
    // The appearance, unsigned, comes back apart: each option as its text, in the URL's order.
    Map<String, String> options = new LinkedHashMap<>();
    bordered.ifPresent(value -> options.put("bordered", value.toString()));
    theme.ifPresent(value -> options.put("theme", value.name().toLowerCase(Locale.ROOT)));
    refresh.ifPresent(value -> options.put("refresh", value.toString()));
    hideParameters.ifPresent(value -> options.put("hide_parameters", value));
    assertEquals(
        List.copyOf(options.entrySet()), List.copyOf(verified.unauthenticated().entrySet()));
    assertEquals(Optional.empty(), read.theme());
  }

  @Provide
  Arbitrary<Optional<String>> text() {
    return Arbitraries.strings()
        .withCharRange(' ', '\uD7FF')
        .withChars('&', '=', '#', '%', '+', '/')
        .ofMinLength(1)
        .ofMaxLength(20)
        .optional();
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
