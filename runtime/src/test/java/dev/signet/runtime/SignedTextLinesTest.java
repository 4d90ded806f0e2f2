package dev.signet.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.runtime.SignedText.Lines;
import dev.signet.runtime.SignedText.Normalization;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link Lines} writes plain ASCII requests in bulk and hands the others to a {@link SignedText}:
 * whichever way it takes, its URL and MAC must be the ones a {@link SignedText} fed value by value
 * gives, which {@link SignedTextTest} checks against the plain way to write them.
 */
class SignedTextLinesTest {
  private static final Origin ORIGIN = Origin.https("acme.example.com");
  private static final Secret SECRET = Secret.ofUtf8("s3cr3t-for-lines");

  /**
   * Mostly what takes the bulk path (kept characters, escaped ASCII, whitespace inside and at the
   * end), and what does not: line breaks, leading whitespace, characters outside ASCII.
   */
  private static final String[] PIECES = {
    "abc",
    "Z9",
    "-_.*",
    "user-42",
    "0123456789abcdefghij",
    " ",
    "+",
    "%",
    "&",
    "=",
    "/",
    "@",
    "~",
    "{\"a\":\"b\"}",
    "\t",
    "\u000B",
    "\u007F",
    "\u0001",
    "\n",
    "\r",
    "é",
    "€",
    "😀",
    "\uD800",
    "\u00A0",
    "\u3000"
  };

  private static String randomValue(Random random) {
    StringBuilder value = new StringBuilder();
    int pieces = random.nextInt(5);
    for (int i = 0; i < pieces; i++) {
      // Most pieces from the first half: most values are plain ASCII.
      int bound = random.nextInt(4) == 0 ? PIECES.length : 14;
      value.append(PIECES[random.nextInt(bound)]);
    }
    return value.toString();
  }

  private static String encodedName(String name) {
    StringBuilder out = new StringBuilder();
    FormEncoding.append(out, name);
    return out.append('=').toString();
  }

  /** What {@link Lines} must give: a {@link SignedText} fed the values present, one by one. */
  private static SignedText byValue(
      String path,
      String separator,
      Normalization normalization,
      boolean signNames,
      List<String> encodedNames,
      String[] values,
      boolean withUrl) {
    SignedText text =
        withUrl
            ? SignedText.withUrl(ORIGIN, path, separator, normalization)
            : SignedText.textOnly(ORIGIN, path, separator, normalization);
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        if (signNames) {
          text.nameAndValue(encodedNames.get(i), values[i]);
        } else {
          text.value(encodedNames.get(i), values[i]);
        }
      }
    }
    return text;
  }

  @ParameterizedTest
  @EnumSource(Normalization.class)
  void signsAsASignedTextFedValueByValue(Normalization normalization) {
    Random random = new Random(20261207L + normalization.ordinal());
    String[] separators = {"\n", "\n", "|", " ", "\t", "\r", "\n\n", "·"};
    String[] paths = {"/embed/login", "/a b", "/é"};
    int plain = 0;
    for (int round = 0; round < 3000; round++) {
      int count = random.nextInt(9);
      List<String> encodedNames = new ArrayList<>();
      String[] texts = new String[count];
      for (int i = 0; i < count; i++) {
        encodedNames.add(encodedName(i % 3 == 0 ? "p" + i : "näme " + i));
        texts[i] = random.nextInt(4) == 0 ? null : randomValue(random);
      }
      String separator = separators[random.nextInt(separators.length)];
      String path = paths[random.nextInt(4) == 0 ? random.nextInt(paths.length) : 0];
      boolean signNames = random.nextInt(5) == 0;
      MacAlgorithm algorithm = MacAlgorithm.values()[random.nextInt(MacAlgorithm.values().length)];
      SignatureFormat format =
          SignatureFormat.values()[random.nextInt(SignatureFormat.values().length)];
      Lines lines = new Lines(path, separator, normalization, signNames, encodedNames);
      String context =
          "values "
              + Arrays.toString(texts)
              + ", separator \""
              + separator
              + "\", path "
              + path
              + ", names signed: "
              + signNames;
      String url =
          byValue(path, separator, normalization, signNames, encodedNames, texts, true)
              .signedUrl(SECRET, algorithm, format, "sig=");
      byte[] mac =
          byValue(path, separator, normalization, signNames, encodedNames, texts, false)
              .mac(SECRET, algorithm);
      String text =
          byValue(path, separator, normalization, signNames, encodedNames, texts, false).text();
      // Told plain or not by the lines, and never plain when made apart from them.
      for (SignedText.Values values : List.of(lines.values(texts), SignedText.Values.of(texts))) {
        assertEquals(
            url, lines.signedUrl(ORIGIN, values, SECRET, algorithm, format, "sig="), context);
        assertArrayEquals(mac, lines.mac(ORIGIN, values, SECRET, algorithm), context);
        assertEquals(text, lines.signedText(ORIGIN, values, false).text(), context);
      }
      plain += lines.values(texts).isPlain() ? 1 : 0;
    }
    // Both ways were taken, many times each.
    assertTrue(plain > 200 && plain < 2800, "plain requests: " + plain);
  }

  @Test
  void toldPlainOnlyWhenEveryValueIsAsciiAndKeptWhole() {
    List<String> names = List.of("a=", "b=");
    Lines trimming = new Lines("/p", "\n", Normalization.JAVASCRIPT_TRIM_LINES, false, names);
    Lines plainJoin = new Lines("/p", "\n", Normalization.NONE, false, names);
    assertTrue(trimming.values(new String[] {"user-42", "{\"a\": \"b c\"} "}).isPlain());
    assertTrue(trimming.values(new String[] {null, "x"}).isPlain());
    assertFalse(trimming.values(new String[] {"é", "x"}).isPlain());
    assertFalse(trimming.values(new String[] {"a\nb", "x"}).isPlain());
    assertFalse(trimming.values(new String[] {"a\rb", "x"}).isPlain());
    assertFalse(trimming.values(new String[] {" a", "x"}).isPlain());
    assertFalse(trimming.values(new String[] {"", "x"}).isPlain());
    assertTrue(plainJoin.values(new String[] {" a", ""}).isPlain());
    assertFalse(
        new Lines("/p", " ", Normalization.JAVASCRIPT_TRIM_LINES, false, names)
            .values(new String[] {"a", "b"})
            .isPlain());
    assertFalse(
        new Lines("/p", "\n", Normalization.NONE, true, names)
            .values(new String[] {"a", "b"})
            .isPlain());
    assertFalse(SignedText.Values.of("a", "b").isPlain());
  }

  /** Past the thread's first buffer, and past the largest it keeps, then back to small ones. */
  @Test
  void signsRequestsLargerThanItsBuffers() {
    List<String> encodedNames = List.of("a=", "b=", "c=");
    Lines lines = new Lines("/p", "\n", Normalization.JAVASCRIPT_TRIM_LINES, false, encodedNames);
    for (int length : new int[] {10, 600, 1500, 9000, 40000, 10}) {
      String[] values = {"x".repeat(length), "a b/".repeat(length / 4 + 1), "end "};
      SignedText.Values plain = lines.values(values);
      assertTrue(plain.isPlain());
      assertEquals(
          byValue(
                  "/p",
                  "\n",
                  Normalization.JAVASCRIPT_TRIM_LINES,
                  false,
                  encodedNames,
                  values,
                  true)
              .signedUrl(SECRET, MacAlgorithm.HMAC_SHA512, SignatureFormat.BASE64, "sig="),
          lines.signedUrl(
              ORIGIN, plain, SECRET, MacAlgorithm.HMAC_SHA512, SignatureFormat.BASE64, "sig="),
          "length " + length);
    }
  }

  /** Each thread writes into a buffer of its own: threads signing at once get their own URLs. */
  @Test
  void threadsSigningAtOnceGetTheirOwnUrls() throws Exception {
    List<String> encodedNames = List.of("id=", "name=");
    Lines lines =
        new Lines("/embed/login", "\n", Normalization.JAVASCRIPT_TRIM_LINES, false, encodedNames);
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<String>>> signed = new ArrayList<>();
      for (int thread = 0; thread < 4; thread++) {
        int seed = thread;
        signed.add(
            threads.submit(
                () -> {
                  List<String> failures = new ArrayList<>();
                  Random random = new Random(seed);
                  for (int i = 0; i < 2000; i++) {
                    String[] values = {
                      "user-" + seed + "-" + i, "x y".repeat(random.nextInt(200) + 1)
                    };
                    String expected =
                        byValue(
                                "/embed/login",
                                "\n",
                                Normalization.JAVASCRIPT_TRIM_LINES,
                                false,
                                encodedNames,
                                values,
                                true)
                            .signedUrl(
                                SECRET,
                                MacAlgorithm.HMAC_SHA256,
                                SignatureFormat.BASE64URL_UNPADDED,
                                "signature=");
                    String actual =
                        lines.signedUrl(
                            ORIGIN,
                            lines.values(values),
                            SECRET,
                            MacAlgorithm.HMAC_SHA256,
                            SignatureFormat.BASE64URL_UNPADDED,
                            "signature=");
                    if (!expected.equals(actual)) {
                      failures.add(actual);
                    }
                  }
                  return failures;
                }));
      }
      for (Future<List<String>> result : signed) {
        assertEquals(List.of(), result.get());
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
