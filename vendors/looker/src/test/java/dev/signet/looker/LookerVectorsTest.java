package dev.signet.looker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.JsonParser;
import dev.signet.runtime.Origin;
import dev.signet.runtime.Secret;
import dev.signet.runtime.UrlVerifier;
import dev.signet.runtime.Verification;
import dev.signet.runtime.VerificationFailure.Reason;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code vectors/looker.jsonl}, built with the generated {@link SignetLookerLogin}:
 * the signed text to the character and the signature as the reference gives them, what must be
 * refused refused at {@code build()} naming the parameter; and the generated verifier accepts the
 * reference's own URL and refuses it tampered, expired and replayed.
 */
class LookerVectorsTest {
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> vectors() throws IOException {
    List<Map<String, Object>> vectors = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(
            new InputStreamReader(
                LookerVectorsTest.class.getResourceAsStream("/vectors/looker.jsonl"),
                StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        vectors.add((Map<String, Object>) JsonParser.parse(line));
      }
    }
    return vectors;
  }

  static Stream<Arguments> cases() throws IOException {
    return vectors().stream().map(v -> Arguments.of(Named.of((String) v.get("id"), v)));
  }

  @Test
  void theCopyHoldsAllTheVectors() throws IOException {
    assertEquals(60, vectors().size());
    assertEquals(6, vectors().stream().filter(v -> "reject".equals(v.get("expect"))).count());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  @SuppressWarnings("unchecked")
  void signsOrRefusesAsTheVectorSays(Map<String, Object> vector) {
    Map<String, Object> signed = (Map<String, Object>) vector.get("case");
    if ("reject".equals(vector.get("expect"))) {
      if (((String) signed.get("secret")).isEmpty()) {
        // Refused where the secret is read (the sample app's sign command), not by the request.
        return;
      }
      InvalidParameterException refusal =
          assertThrows(InvalidParameterException.class, () -> login(signed));
      assertTrue(refusal.getMessage().startsWith(refusal.parameter() + ": "), refusal::getMessage);
      return;
    }
    Map<String, Object> expect = (Map<String, Object>) vector.get("expect");
    SignetLookerLogin login = login(signed);
    Origin origin = LookerOrigins.of((String) signed.get("host"));
    assertEquals(expect.get("signedText"), login.canonicalText(origin));
    Secret secret = Secret.ofUtf8((String) signed.get("secret"));
    String url = login.signedUrl(origin, secret);
    assertTrue(
        url.endsWith(
            "&signature="
                + ((String) expect.get("signature"))
                    .replace("+", "%2B")
                    .replace("/", "%2F")
                    .replace("=", "%3D")),
        url);

    long time = ((BigDecimal) signed.get("time")).longValueExact();
    Clock then = Clock.fixed(Instant.ofEpochSecond(time + 30), ZoneOffset.UTC);
    UrlVerifier<SignetLookerLogin> verifier =
        SignetLookerLogin.verifier(origin, secret).withClock(then);
    String theirs = (String) expect.get("url");
    Verification<SignetLookerLogin> verified = verifier.verifyUrl(theirs);
    assertTrue(verified.isVerified(), () -> verified.failure().orElseThrow().toString());
    // The request read back holds what is signed; the unsigned names are apart from it.
    assertEquals(
        login.canonicalText(origin), verified.request().orElseThrow().canonicalText(origin));
    assertEquals(
        Reason.REPLAYED_NONCE, verifier.verifyUrl(theirs).failure().orElseThrow().reason());
    assertEquals(
        Reason.EXPIRED,
        SignetLookerLogin.verifier(origin, secret)
            .withClock(Clock.offset(then, Duration.ofMinutes(10)))
            .verifyUrl(theirs)
            .failure()
            .orElseThrow()
            .reason());
    String tampered = theirs.replace("models=%5B%22", "models=%5B%22x");
    assertEquals(
        Reason.BAD_SIGNATURE,
        SignetLookerLogin.verifier(origin, secret)
            .withClock(then)
            .verifyUrl(tampered)
            .failure()
            .orElseThrow()
            .reason());
    if (((Map<String, Object>) signed.get("user")).containsKey("first_name")) {
      Verification<SignetLookerLogin> renamed =
          SignetLookerLogin.verifier(origin, secret)
              .withClock(then)
              .verifyUrl(theirs.replaceFirst("first_name=[^&]*", "first_name=%22Mallory%22"));
      assertTrue(renamed.isVerified(), "first_name is not signed");
      assertEquals("\"Mallory\"", renamed.unauthenticated().get("first_name"));
      assertTrue(renamed.request().orElseThrow().firstName().isEmpty(), "never in the request");
    }
    assertFalse(login.toString().contains((String) signed.get("secret")));
  }

  /** The login the case describes, built property by property. */
  @SuppressWarnings("unchecked")
  static SignetLookerLogin login(Map<String, Object> signed) {
    Map<String, Object> user = (Map<String, Object>) signed.get("user");
    SignetLookerLogin.BuildStage login =
        SignetLookerLogin.builder()
            .target((String) signed.get("src"))
            .sessionLength(((BigDecimal) user.get("session_length")).longValueExact())
            .externalUserId((String) user.getOrDefault("external_user_id", ""))
            .permissions((List<String>) user.get("permissions"))
            .models((List<String>) user.get("models"))
            .nonce((String) signed.get("nonce"))
            .time(((BigDecimal) signed.get("time")).longValueExact());
    if (user.containsKey("first_name")) {
      login.firstName((String) user.get("first_name"));
    }
    if (user.containsKey("last_name")) {
      login.lastName((String) user.get("last_name"));
    }
    if (user.containsKey("group_ids")) {
      login.groupIds(
          ((List<Object>) user.get("group_ids")).stream().map(JsonValue::fromJson).toList());
    }
    if (user.containsKey("external_group_id")) {
      login.externalGroupId((String) user.get("external_group_id"));
    }
    if (user.containsKey("user_attributes")) {
      login.userAttributes(values((Map<String, Object>) user.get("user_attributes")));
    }
    if (user.containsKey("access_filters")) {
      login.accessFilters(values((Map<String, Object>) user.get("access_filters")));
    }
    if (user.containsKey("user_timezone")) {
      login.userTimezone(JsonValue.fromJson(user.get("user_timezone")));
    }
    if (user.containsKey("force_logout_login")) {
      login.forceLogoutLogin((Boolean) user.get("force_logout_login"));
    }
    return login.build();
  }

  private static Map<String, JsonValue> values(Map<String, Object> json) {
    Map<String, JsonValue> values = new LinkedHashMap<>();
    json.forEach((key, value) -> values.put(key, JsonValue.fromJson(value)));
    return values;
  }
}
