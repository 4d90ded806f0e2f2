package dev.signet.benchmarks;

import dev.signet.omni.SignetOmniLogin;
import dev.signet.runtime.FormEncoding;
import dev.signet.runtime.MacAlgorithm;
import dev.signet.runtime.Origin;
import dev.signet.runtime.Secret;
import dev.signet.runtime.SignatureFormat;
import dev.signet.runtime.SignedText;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
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
 * Not a target: where {@link SignBenchmark#signet()}'s time goes, taken apart. Each method does
 * what the generated {@code signedUrl} does with {@link OmniExample}'s request, up to one more
 * step: the buffers alone, eight values of one character (what each value costs whatever its
 * length), the example's eight values, and the signature with the URL's string. Throughput, in
 * operations per second, as the other benchmarks.
 *
 * <p>Two more methods use no Signet code at all: the least any signer does with the example's
 * characters, in the plainest loops Java offers, so that what is left of {@code signet}'s time can
 * be told apart from what touching the characters costs on the machine.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class SigningPartsBenchmark {
  /** The present parameters' encoded names and texts, in the order the request signs them. */
  String[] names = {
    "contentPath=",
    "externalId=",
    "name=",
    "nonce=",
    "email=",
    "entity=",
    "theme=",
    "userAttributes="
  };

  String[] values = {
    OmniExample.CONTENT_PATH,
    OmniExample.EXTERNAL_ID,
    OmniExample.NAME,
    OmniExample.NONCE,
    OmniExample.EMAIL,
    OmniExample.ENTITY,
    OmniExample.THEME_TEXT,
    OmniExample.USER_ATTRIBUTES_JSON
  };

  String[] oneCharacter = {"a", "b", "c", "d", "e", "f", "g", "h"};

  /**
   * Each ASCII character's form encoding for {@link #valuesFormEncodedOnly()}: up to three bytes
   * packed from the lowest, their count in the highest byte.
   */
  static final int[] FORM_ENCODED = new int[128];

  static {
    String kept = "*-._0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    String hex = "0123456789ABCDEF";
    for (int c = 0; c < 128; c++) {
      FORM_ENCODED[c] =
          kept.indexOf(c) >= 0
              ? 1 << 24 | c
              : c == ' '
                  ? 1 << 24 | '+'
                  : 3 << 24 | hex.charAt(c & 0xF) << 16 | hex.charAt(c >> 4) << 8 | '%';
    }
  }

  Origin origin;
  Secret secret;

  @Setup
  public void setUp() {
    origin = OmniExample.origin();
    secret = OmniExample.secret();
    if (!exampleSignedUrl().equals(OmniExample.request().signedUrl(origin, secret))) {
      throw new IllegalStateException("the parts do not make the URL that signet makes");
    }
    StringBuilder copied = new StringBuilder();
    StringBuilder encoded = new StringBuilder();
    for (String value : values) {
      copied.append(value);
      FormEncoding.append(encoded, value);
    }
    if (!new String(valuesCopiedOnly(), StandardCharsets.ISO_8859_1).startsWith(copied + "\0")
        || !new String(valuesFormEncodedOnly(), StandardCharsets.ISO_8859_1)
            .startsWith(encoded + "\0")) {
      throw new IllegalStateException("the plain loops do not write the values as signet does");
    }
  }

  private SignedText start() {
    return SignedText.withUrl(
        origin, SignetOmniLogin.PATH, "\n", SignedText.Normalization.JAVASCRIPT_TRIM_LINES);
  }

  private SignedText add(String[] texts) {
    SignedText text = start();
    for (int i = 0; i < names.length; i++) {
      text.value(names[i], texts[i]);
    }
    return text;
  }

  /** The text's and the URL's buffers, with the request URL written into both. */
  @Benchmark
  public SignedText buffers() {
    return start();
  }

  /** As {@link #buffers()}, then eight values of one character: the cost of a value as such. */
  @Benchmark
  public SignedText oneCharacterValues() {
    return add(oneCharacter);
  }

  /** As {@link #buffers()}, then the example's eight values, in the text and the URL. */
  @Benchmark
  public SignedText exampleValues() {
    return add(values);
  }

  /** As {@link #exampleValues()}, then the MAC, the signature and the URL's string. */
  @Benchmark
  public String exampleSignedUrl() {
    return add(values)
        .signedUrl(
            secret, MacAlgorithm.HMAC_SHA256, SignatureFormat.BASE64URL_UNPADDED, "signature=");
  }

  /**
   * No Signet code: the example's values copied, character by character, into one byte array, as
   * the text holds them (they are ASCII). The least a signer does for the text.
   */
  @Benchmark
  public byte[] valuesCopiedOnly() {
    byte[] text = new byte[256];
    int at = 0;
    for (String value : values) {
      for (int i = 0; i < value.length(); i++) {
        text[at++] = (byte) value.charAt(i);
      }
    }
    return text;
  }

  /**
   * No Signet code: the example's values form-encoded, character by character, into one byte array,
   * each character's encoding taken from a table and written without a branch. The least a signer
   * does for the URL.
   */
  @Benchmark
  public byte[] valuesFormEncodedOnly() {
    byte[] url = new byte[512];
    int at = 0;
    for (String value : values) {
      for (int i = 0; i < value.length(); i++) {
        int encoded = FORM_ENCODED[value.charAt(i)];
        url[at] = (byte) encoded;
        url[at + 1] = (byte) (encoded >> 8);
        url[at + 2] = (byte) (encoded >> 16);
        at += encoded >>> 24;
      }
    }
    return url;
  }
}
