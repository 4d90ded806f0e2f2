package dev.signet.looker.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.looker.JsonValue;
import dev.signet.looker.LookerOrigins;
import dev.signet.looker.SignetLookerLogin;
import dev.signet.runtime.Origin;
import dev.signet.runtime.Secret;
import dev.signet.runtime.SignedTextReport;
import dev.signet.runtime.Verification;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.LongRange;

/**
 * The host-then-path layout signs and verifies alike for arbitrary values: any target, user, lists,
 * attributes and unsigned names, signed by the generated class, verify with its generated verifier,
 * read back to the same signed request, with the unsigned names apart.
 */
class LookerRoundTripPropertyTest {
  private static final Secret SECRET = Secret.ofUtf8("a secret for the round trip");

  /** Text of any Unicode scalar values: line breaks, quotes, %, /, ?, # and non-ASCII included. */
  @Provide
  Arbitrary<String> text() {
    return Arbitraries.strings()
        .withCharRange(' ', '\uD7FF')
        .withChars('\n', '\r', '\t', '%', '/', '?', '#', '&', '=', '+', '"', '\\')
        .ofMinLength(1)
        .ofMaxLength(30);
  }

  @Provide
  Arbitrary<Origin> origin() {
    return Arbitraries.of("mycompany.looker.com", "analytics.example.com:9999")
        .map(LookerOrigins::of);
  }

  @Property(tries = 300)
  void signedThenVerified(
      @ForAll("origin") Origin origin,
      @ForAll("text") String target,
      @ForAll("text") String user,
      @ForAll @LongRange(min = 0, max = 2_592_000) long sessionLength,
      @ForAll @LongRange(min = 1_000_000_000L, max = 4_000_000_000L) long time,
      @ForAll("text") String permission,
      @ForAll("text") String model,
      @ForAll("text") String attribute,
      @ForAll("text") String firstName,
      @ForAll boolean withGroups) {
    SignetLookerLogin.BuildStage builder =
        SignetLookerLogin.builder()
            .target(target)
            .sessionLength(sessionLength)
            .externalUserId(user)
            .permissions(List.of(permission))
            .models(List.of(model))
            .time(time)
            .userAttributes(Map.of("region", JsonValue.of(attribute)))
            .firstName(firstName);
    if (withGroups) {
      builder.groupIds(List.of(JsonValue.of(7), JsonValue.of(attribute)));
    }
    SignetLookerLogin login = builder.build();
    String url = login.signedUrl(origin, SECRET);
    Clock clock = Clock.fixed(Instant.ofEpochSecond(time), ZoneOffset.UTC);
    Verification<SignetLookerLogin> verified =
        SignetLookerLogin.verifier(origin, SECRET).withClock(clock).verifyUrl(url);
    assertTrue(verified.isVerified(), () -> url + ": " + verified.failure().orElseThrow());
    SignetLookerLogin read = verified.request().orElseThrow();
    assertEquals(login.canonicalText(origin), read.canonicalText(origin));
    assertEquals(Optional.empty(), read.firstName());
    assertEquals(JsonValue.of(firstName).toString(), verified.unauthenticated().get("first_name"));
    // The report names each signed line, host and path first, and its lines are the signed text.
    List<SignedTextReport.Line> lines = verified.report().orElseThrow().lines();
    assertEquals(List.of("host", "path"), List.of(lines.get(0).source(), lines.get(1).source()));
    assertEquals(
        login.canonicalText(origin),
        lines.stream().map(SignedTextReport.Line::text).collect(Collectors.joining("\n")));
    assertEquals(withGroups, lines.stream().anyMatch(line -> line.source().equals("group_ids")));
  }
}
