package dev.signet.benchmarks;

import dev.signet.omni.SignetOmniLogin;
import dev.signet.omni.UserAttribute;
import dev.signet.runtime.MacAlgorithm;
import dev.signet.runtime.Origin;
import dev.signet.runtime.QueryString;
import dev.signet.runtime.Secret;
import dev.signet.runtime.SignedText;
import dev.signet.runtime.internal.ReceivedValues;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
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
 * Not a target: parts of what {@code SignBenchmark.signet} and {@code VerifyBenchmark.verify} do
 * with {@link OmniExample}'s request, each run alone through the runtime's own code, so that the
 * report can tell where a missed target's time goes. Its set-up checks that each part computes what
 * the whole computes. Throughput, in operations per second, as the other benchmarks.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class PartsBenchmark {
  /** The example's parameters, in Omni's signed order, as {@code SignetOmniLogin} holds them. */
  static final List<String> NAMES =
      List.of(
          "contentPath=",
          "externalId=",
          "name=",
          "nonce=",
          "email=",
          "entity=",
          "theme=",
          "userAttributes=");

  Origin origin;
  Secret secret;
  SignedText.Lines lines;
  SignedText.Values texts;
  String query;

  @Setup
  public void setUp() {
    origin = OmniExample.origin();
    secret = OmniExample.secret();
    lines =
        new SignedText.Lines(
            SignetOmniLogin.PATH,
            "\n",
            SignedText.Normalization.JAVASCRIPT_TRIM_LINES,
            false,
            NAMES);
    texts =
        lines.values(
            new String[] {
              OmniExample.CONTENT_PATH,
              OmniExample.EXTERNAL_ID,
              OmniExample.NAME,
              OmniExample.NONCE,
              OmniExample.EMAIL,
              OmniExample.ENTITY,
              OmniExample.THEME_TEXT,
              OmniExample.USER_ATTRIBUTES_JSON
            });
    SignetOmniLogin request = OmniExample.request();
    String url = request.signedUrl(origin, secret);
    query = url.substring(url.indexOf('?') + 1);
    if (!texts.isPlain()
        || !lines.signedText(origin, texts, false).text().equals(request.canonicalText(origin))) {
      throw new IllegalStateException("the parts do not write the text that signet signs");
    }
    List<QueryString.Pair> pairs = queryRead();
    if (pairs.size() != NAMES.size() + 1
        || !userAttributesRead().equals(request.userAttributes().orElseThrow())) {
      throw new IllegalStateException("the parts do not read what the verifier reads");
    }
    String[] scanned = queryScanFloor();
    for (int i = 0; i < scanned.length; i++) {
      if (!query.contains(pairs.get(i).name() + "=" + scanned[i])) {
        throw new IllegalStateException("the floor does not find the query's values");
      }
    }
  }

  /**
   * The signed text written into the thread's buffer and its MAC, as both signing and the verifier
   * compute it: {@code signet} without the URL, {@code verify}'s MAC.
   */
  @Benchmark
  public byte[] signedTextAndMac() {
    return lines.mac(origin, texts, secret, MacAlgorithm.HMAC_SHA256);
  }

  /**
   * The signed URL's query read into decoded names and values, as strictly as the verifier reads it
   * (which reads each name where it stands, rather than making a list of pairs).
   */
  @Benchmark
  public List<QueryString.Pair> queryRead() {
    try {
      return QueryString.parse(query);
    } catch (QueryString.MalformedQueryException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Not Signet's code: a floor for {@link #queryRead}, the least that any reader of the query does
   * however strict it is: the query's characters copied as bytes, each byte looked up once, and
   * each value made a string, without decoding an escape or refusing anything.
   */
  @Benchmark
  public String[] queryScanFloor() {
    byte[] bytes = query.getBytes(StandardCharsets.ISO_8859_1);
    String[] values = new String[NAMES.size() + 1];
    int count = 0;
    int valueStart = -1;
    for (int i = 0; i <= bytes.length; i++) {
      byte kind = i == bytes.length ? PAIR_END : SCAN_CLASS[bytes[i] & 0xFF];
      if (kind == NAME_END && valueStart < 0) {
        valueStart = i + 1;
      } else if (kind == PAIR_END) {
        values[count++] =
            new String(bytes, valueStart, i - valueStart, StandardCharsets.ISO_8859_1);
        valueStart = -1;
      }
    }
    return values;
  }

  private static final byte NAME_END = 1;
  private static final byte PAIR_END = 2;

  /** What {@link #queryScanFloor} looks up per byte: {@code =} ends a name, {@code &} a pair. */
  private static final byte[] SCAN_CLASS = new byte[256];

  static {
    SCAN_CLASS['='] = NAME_END;
    SCAN_CLASS['&'] = PAIR_END;
  }

  /**
   * The example's one JSON value read as the generated verifier reads it: parsed, then each member
   * made a {@link UserAttribute}. (The verifier then writes it back to compare it with the text
   * received.)
   */
  @Benchmark
  public Map<String, UserAttribute> userAttributesRead() {
    return ReceivedValues.map(
        "userAttributes",
        ReceivedValues.json("userAttributes", OmniExample.USER_ATTRIBUTES_JSON),
        Function.identity(),
        UserAttribute::fromJson);
  }
}
