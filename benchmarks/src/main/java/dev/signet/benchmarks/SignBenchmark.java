package dev.signet.benchmarks;

import dev.signet.omni.SignetOmniLogin;
import dev.signet.omni.Theme;
import dev.signet.omni.UserAttribute;
import dev.signet.runtime.MacAlgorithm;
import dev.signet.runtime.Origin;
import dev.signet.runtime.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Signing {@link OmniExample}'s request to a URL, side by side with what a developer would
 * otherwise write and with the floor no signer can beat. Throughput, in operations per second of
 * all threads together.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class SignBenchmark {
  // Fields, not constants, so that the JIT cannot fold the inputs.
  String secretText = OmniExample.SECRET;
  String organization = OmniExample.ORGANIZATION;
  String contentPath = OmniExample.CONTENT_PATH;
  String externalId = OmniExample.EXTERNAL_ID;
  String name = OmniExample.NAME;
  String nonce = OmniExample.NONCE;
  String email = OmniExample.EMAIL;
  String entity = OmniExample.ENTITY;
  Theme theme = OmniExample.THEME;
  String themeText = OmniExample.THEME_TEXT;
  String userAttribute = OmniExample.USER_ATTRIBUTE;
  String userAttributeValue = OmniExample.USER_ATTRIBUTE_VALUE;
  String userAttributesJson = OmniExample.USER_ATTRIBUTES_JSON;

  /** Made once and shared by all threads, as the README says to. */
  Secret secret;

  Origin origin;
  SignetOmniLogin request;

  @Setup
  public void setUp() {
    secret = OmniExample.secret();
    origin = OmniExample.origin();
    request = OmniExample.request();
  }

  /** The generated signer: the built request to its signed URL. */
  @Benchmark
  public String signet() {
    return request.signedUrl(origin, secret);
  }

  /**
   * Not a target, for context: the values to a signed URL through the generated builder, which
   * checks every value (line breaks, UTF-16, the given nonce's length and alphabet) and writes the
   * user attributes' JSON. This is the scope of {@link #handWritten()} and of Omni's SDK.
   */
  @Benchmark
  public String signetBuildAndSign() {
    return SignetOmniLogin.builder()
        .contentPath(contentPath)
        .externalId(externalId)
        .name(name)
        .nonce(nonce)
        .email(email)
        .entity(entity)
        .theme(theme)
        .userAttributes(Map.of(userAttribute, UserAttribute.of(userAttributeValue)))
        .build()
        .signedUrl(origin, secret);
  }

  /**
   * Not a target, for context: as {@link #signetBuildAndSign()}, but with a nonce drawn from {@code
   * SecureRandom} as {@code build()} does when none is given: what a page view costs.
   */
  @Benchmark
  public String signetFreshNonce() {
    return SignetOmniLogin.builder()
        .contentPath(contentPath)
        .externalId(externalId)
        .name(name)
        .email(email)
        .entity(entity)
        .theme(theme)
        .userAttributes(Map.of(userAttribute, UserAttribute.of(userAttributeValue)))
        .build()
        .signedUrl(origin, secret);
  }

  /** What a developer writes from Omni's "hard mode": see {@link HandWrittenSigner}. */
  @Benchmark
  public String handWritten() {
    return HandWrittenSigner.signedUrl(
        secretText,
        organization,
        contentPath,
        externalId,
        name,
        nonce,
        email,
        entity,
        themeText,
        userAttributesJson);
  }

  /** A keyed {@link Mac} per thread, and the signed text's bytes, both made before measuring. */
  @State(Scope.Thread)
  public static class Floor {
    Mac mac;
    byte[] signedText;
    final Base64.Encoder base64url = Base64.getUrlEncoder().withoutPadding();

    @Setup
    public void setUp() throws GeneralSecurityException {
      mac = Mac.getInstance("HmacSHA256");
      mac.init(
          new SecretKeySpec(OmniExample.SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      signedText =
          OmniExample.request()
              .canonicalText(OmniExample.origin())
              .getBytes(StandardCharsets.UTF_8);
    }
  }

  /**
   * The floor: HMAC-SHA256 of the prebuilt signed text's UTF-8 bytes with a reused, keyed {@link
   * Mac}, written as base64url. No signer can do less; it also writes no URL.
   */
  @Benchmark
  public String hmacFloor(Floor floor) {
    return floor.base64url.encodeToString(floor.mac.doFinal(floor.signedText));
  }

  /**
   * {@link #hmacFloor} with Signet's MAC: the same prebuilt text and encoding, the MAC from the
   * secret's precomputed pad states ({@link Secret#mac}), which a {@link Mac} hashes again on every
   * call.
   */
  @Benchmark
  public String hmacPrecomputed(Floor floor) {
    return floor.base64url.encodeToString(secret.mac(MacAlgorithm.HMAC_SHA256, floor.signedText));
  }
}
