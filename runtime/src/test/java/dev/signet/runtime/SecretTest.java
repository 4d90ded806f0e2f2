package dev.signet.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class SecretTest {
  private static final HexFormat HEX = HexFormat.of();
  private static final byte[] HI_THERE = ascii("Hi There");
  private static final byte[] WHAT_DO_YA_WANT = ascii("what do ya want for nothing?");
  private static final byte[] LARGER_THAN_BLOCK =
      ascii("Test Using Larger Than Block-Size Key - Hash Key First");

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] repeated(int value, int count) {
    byte[] bytes = new byte[count];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  private static String macHex(Secret secret, MacAlgorithm algorithm, byte[] message) {
    return HEX.formatHex(secret.mac(algorithm, message));
  }

  // ---------------------------------------------------------------- RFC 4231 (HMAC-SHA-2)

  @Test
  void rfc4231TestCase1() {
    Secret secret = Secret.ofBytes(repeated(0x0b, 20));
    assertEquals(
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
        macHex(secret, MacAlgorithm.HMAC_SHA256, HI_THERE));
    assertEquals(
        "87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde"
            + "daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854",
        macHex(secret, MacAlgorithm.HMAC_SHA512, HI_THERE));
  }

  @Test
  void rfc4231TestCase2WithTextSecret() {
    // "Jefe" as UTF-8 text, the way vendors hand out secrets.
    Secret secret = Secret.ofUtf8("Jefe");
    assertEquals(
        "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
        macHex(secret, MacAlgorithm.HMAC_SHA256, WHAT_DO_YA_WANT));
    assertEquals(
        "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
            + "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737",
        macHex(secret, MacAlgorithm.HMAC_SHA512, WHAT_DO_YA_WANT));
  }

  @Test
  void rfc4231TestCase3() {
    Secret secret = Secret.ofBytes(repeated(0xaa, 20));
    assertEquals(
        "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe",
        macHex(secret, MacAlgorithm.HMAC_SHA256, repeated(0xdd, 50)));
    assertEquals(
        "fa73b0089d56a284efb0f0756c890be9b1b5dbdd8ee81a3655f83e33b2279d39"
            + "bf3e848279a722c806b485a47e67c807b946a337bee8942674278859e13292fb",
        macHex(secret, MacAlgorithm.HMAC_SHA512, repeated(0xdd, 50)));
  }

  @Test
  void rfc4231TestCase6KeyLargerThanBlock() {
    Secret secret = Secret.ofBytes(repeated(0xaa, 131));
    assertEquals(
        "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54",
        macHex(secret, MacAlgorithm.HMAC_SHA256, LARGER_THAN_BLOCK));
    assertEquals(
        "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f352"
            + "6b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598",
        macHex(secret, MacAlgorithm.HMAC_SHA512, LARGER_THAN_BLOCK));
  }

  // ---------------------------------------------------------------- RFC 2202 (HMAC-SHA-1)

  @Test
  void rfc2202Sha1TestCases() {
    assertEquals(
        "b617318655057264e28bc0b6fb378c8ef146be00",
        macHex(Secret.ofBytes(repeated(0x0b, 20)), MacAlgorithm.HMAC_SHA1, HI_THERE));
    assertEquals(
        "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79",
        macHex(Secret.ofUtf8("Jefe"), MacAlgorithm.HMAC_SHA1, WHAT_DO_YA_WANT));
    assertEquals(
        "125d7342b9ac11cd91a39af48aa17b4f63f175d3",
        macHex(Secret.ofBytes(repeated(0xaa, 20)), MacAlgorithm.HMAC_SHA1, repeated(0xdd, 50)));
    assertEquals(
        "aa4ae5e15272d00e95705637ce8a3b55ed402112",
        macHex(Secret.ofBytes(repeated(0xaa, 80)), MacAlgorithm.HMAC_SHA1, LARGER_THAN_BLOCK));
  }

  // ---------------------------------------------------------------- keys

  @Test
  void textSecretIsKeyedWithItsUtf8Bytes() {
    String text = "s\u00E9cr\u20ACt\uD83D\uDD11";
    assertArrayEquals(
        Secret.ofBytes(text.getBytes(StandardCharsets.UTF_8))
            .mac(MacAlgorithm.HMAC_SHA256, HI_THERE),
        Secret.ofUtf8(text).mac(MacAlgorithm.HMAC_SHA256, HI_THERE));
  }

  @Test
  void byteSecretIsCopiedSoLaterChangesToTheArrayDoNotAffectIt() {
    byte[] key = repeated(0x0b, 20);
    Secret secret = Secret.ofBytes(key);
    Arrays.fill(key, (byte) 0);
    assertEquals(
        "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7",
        macHex(secret, MacAlgorithm.HMAC_SHA256, HI_THERE));
  }

  @Test
  void emptySecretIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Secret.ofUtf8(""));
    assertThrows(IllegalArgumentException.class, () -> Secret.ofBytes(new byte[0]));
  }

  @Test
  void emptyMessageHasAMac() {
    // RFC 4231 has no empty-message case, so compare with a Mac from the JDK keyed directly.
    assertArrayEquals(
        jdkMac("HmacSHA256", ascii("key"), new byte[0]),
        Secret.ofUtf8("key").mac(MacAlgorithm.HMAC_SHA256, new byte[0]));
  }

  // ---------------------------------------------------------------- never shown

  @Test
  void toStringNeverShowsTheSecret() {
    String text = "sk_live_51HxYzVerySecretValue";
    Secret secret = Secret.ofUtf8(text);
    assertFalse(secret.toString().contains(text), secret.toString());
    assertFalse(secret.toString().contains("sk_live"), secret.toString());
    assertFalse(String.valueOf(secret).contains(text));
    assertFalse(("secret=" + secret).contains(text));
    assertEquals("Secret[redacted]", secret.toString());
  }

  @Test
  void toStringNeverShowsByteSecretsInAnyCommonForm() {
    byte[] key = ascii("0123456789abcdef");
    String shown = Secret.ofBytes(key).toString();
    assertFalse(shown.contains("0123456789abcdef"), shown);
    assertFalse(shown.contains(HEX.formatHex(key)), shown);
    assertFalse(shown.contains(java.util.Base64.getEncoder().encodeToString(key)), shown);
    assertFalse(shown.contains(Arrays.toString(key)), shown);
  }

  // ---------------------------------------------------------------- equality

  @Test
  void equalByContent() {
    Secret a = Secret.ofUtf8("Jefe");
    Secret b = Secret.ofBytes(ascii("Jefe"));
    assertEquals(a, b);
    assertEquals(b, a);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(a, a);
  }

  @Test
  void differentContentIsNotEqual() {
    assertNotEquals(Secret.ofUtf8("Jefe"), Secret.ofUtf8("jefe"));
    assertNotEquals(Secret.ofUtf8("Jefe"), Secret.ofUtf8("Jefe "));
    assertNotEquals(Secret.ofUtf8("Jefe"), Secret.ofUtf8("Jef"));
    assertNotEquals(Secret.ofUtf8("Jefe"), "Jefe");
    assertNotEquals(Secret.ofUtf8("Jefe"), null);
  }

  // ---------------------------------------------------------------- reuse and threads

  @ParameterizedTest
  @EnumSource(MacAlgorithm.class)
  void reuseGivesTheSameResultsAsAFreshMac(MacAlgorithm algorithm) {
    // The precomputed pad states must come out of each call unchanged, whatever came before.
    Secret secret = Secret.ofUtf8("Jefe");
    byte[] first = secret.mac(algorithm, WHAT_DO_YA_WANT);
    secret.mac(algorithm, HI_THERE);
    secret.mac(algorithm, new byte[10_000]);
    byte[] again = secret.mac(algorithm, WHAT_DO_YA_WANT);
    assertArrayEquals(first, again);
    assertArrayEquals(jdkMac(algorithm.jcaName(), ascii("Jefe"), WHAT_DO_YA_WANT), again);
  }

  /**
   * The precomputed pads against the JDK's Mac for every key length up to twice SHA-512's block
   * (around each block size: padded, exactly a block, hashed first) and messages up to three
   * blocks, with a message length shorter than the array.
   */
  @ParameterizedTest
  @EnumSource(MacAlgorithm.class)
  void everyKeyAndMessageLengthMacsAsTheJdkDoes(MacAlgorithm algorithm) {
    Random random = new Random(algorithm.ordinal());
    for (int keyLength = 1; keyLength <= 260; keyLength++) {
      byte[] key = new byte[keyLength];
      random.nextBytes(key);
      Secret secret = Secret.ofBytes(key);
      for (int messageLength : new int[] {0, 1, 55, 56, 63, 64, 65, 111, 112, 128, 129, 383}) {
        byte[] message = new byte[messageLength + 7];
        random.nextBytes(message);
        assertArrayEquals(
            jdkMac(algorithm.jcaName(), key, Arrays.copyOf(message, messageLength)),
            secret.mac(algorithm, message, messageLength),
            () -> "key of " + key.length + " bytes, message of " + messageLength);
      }
    }
  }

  @Test
  void algorithmsOfOneSecretDoNotShareState() {
    Secret secret = Secret.ofUtf8("Jefe");
    for (int i = 0; i < 3; i++) {
      for (MacAlgorithm algorithm : MacAlgorithm.values()) {
        assertArrayEquals(
            jdkMac(algorithm.jcaName(), ascii("Jefe"), WHAT_DO_YA_WANT),
            secret.mac(algorithm, WHAT_DO_YA_WANT),
            algorithm.name());
      }
    }
  }

  @Test
  void twoSecretsDoNotShareState() {
    Secret jefe = Secret.ofUtf8("Jefe");
    Secret other = Secret.ofUtf8("other");
    byte[] jefeMac = jefe.mac(MacAlgorithm.HMAC_SHA256, HI_THERE);
    byte[] otherMac = other.mac(MacAlgorithm.HMAC_SHA256, HI_THERE);
    assertFalse(Arrays.equals(jefeMac, otherMac));
    assertArrayEquals(jdkMac("HmacSHA256", ascii("Jefe"), HI_THERE), jefeMac);
    assertArrayEquals(jdkMac("HmacSHA256", ascii("other"), HI_THERE), otherMac);
  }

  @Test
  void concurrentUseFromManyThreadsGivesCorrectResults() throws Exception {
    // One shared Secret, many threads signing different messages at once: a Mac shared across
    // threads would mix their inputs and give wrong MACs.
    Secret secret = Secret.ofUtf8("shared secret");
    int threads = 8;
    int perThread = 2000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Integer>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int thread = t;
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  int correct = 0;
                  for (int i = 0; i < perThread; i++) {
                    MacAlgorithm algorithm = MacAlgorithm.values()[(thread + i) % 3];
                    byte[] message =
                        ascii("thread " + thread + " message " + i + " ".repeat(i % 200));
                    byte[] expected = jdkMac(algorithm.jcaName(), ascii("shared secret"), message);
                    if (Arrays.equals(expected, secret.mac(algorithm, message))) {
                      correct++;
                    }
                  }
                  return correct;
                }));
      }
      start.countDown();
      for (Future<Integer> result : results) {
        assertEquals(perThread, result.get(60, TimeUnit.SECONDS));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static byte[] jdkMac(String algorithm, byte[] key, byte[] message) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, algorithm));
      return mac.doFinal(message);
    } catch (java.security.GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }
}
