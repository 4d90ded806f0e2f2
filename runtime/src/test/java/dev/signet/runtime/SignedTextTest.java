package dev.signet.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.signet.runtime.SignedText.Normalization;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@link SignedText} writes the text and the URL together; here both are checked against the plain
 * way to write them: join the values, normalize the joined text with JavaScript's expression
 * transcribed into regular expressions ({@link TextNormalizationTest#reference}), form-encode each
 * value with {@link FormEncoding}, and compute the MAC with a {@link Mac} of its own.
 */
class SignedTextTest {
  private static final Origin ORIGIN = Origin.https("acme.example.com");
  private static final String PATH = "/embed/login";
  private static final String REQUEST_URL = "https://acme.example.com/embed/login";
  private static final String SECRET = "s3cr3t-for-signed-text";

  /** Characters that matter to some rule, and a few that matter to none. */
  private static final String[] PIECES = {
    "a",
    "Z",
    "0",
    "-",
    "_",
    ".",
    "*",
    "~",
    " ",
    "+",
    "%",
    "&",
    "=",
    "?",
    "#",
    "/",
    "\n",
    "\r",
    "\u007F",
    "\u0080",
    "\t",
    "\u000B",
    "\u000C",
    "\u00A0",
    "\u0085",
    "\u1680",
    "\u180E",
    "\u2000",
    "\u200A",
    "\u200B",
    "\u2028",
    "\u2029",
    "\u202F",
    "\u205F",
    "\u3000",
    "\uFEFF",
    "é",
    "ß",
    "\u07FF",
    "\u0800",
    "€",
    "\uFFFD",
    "😀",
    "\uD800\uDC00",
    "{\"a\":1}",
    "abc",
    "   ",
    "\n  \n"
  };

  private static String randomValue(Random random) {
    StringBuilder value = new StringBuilder();
    int pieces = random.nextInt(6);
    for (int i = 0; i < pieces; i++) {
      value.append(PIECES[random.nextInt(PIECES.length)]);
    }
    return value.toString();
  }

  private static String encoded(String text) {
    StringBuilder out = new StringBuilder();
    FormEncoding.append(out, text);
    return out.toString();
  }

  private static String reference(
      List<String> names,
      List<String> values,
      String separator,
      Normalization normalization,
      boolean signNames) {
    StringBuilder text = new StringBuilder(REQUEST_URL);
    for (int i = 0; i < values.size(); i++) {
      text.append(separator);
      text.append(signNames ? encoded(names.get(i)) + "=" + encoded(values.get(i)) : values.get(i));
    }
    return normalization == Normalization.JAVASCRIPT_TRIM_LINES
        ? TextNormalizationTest.reference(text.toString())
        : text.toString();
  }

  private static String referenceUrl(
      List<String> names, List<String> values, String signedText, SignatureFormat format)
      throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
    StringBuilder url = new StringBuilder(REQUEST_URL).append('?');
    for (int i = 0; i < values.size(); i++) {
      url.append(encoded(names.get(i))).append('=').append(encoded(values.get(i))).append('&');
    }
    url.append("sig=")
        .append(encoded(format.encode(mac.doFinal(signedText.getBytes(StandardCharsets.UTF_8)))));
    return url.toString();
  }

  /**
   * Adds each value to {@code text}, going on with what each call returns, as generated code does.
   */
  private static SignedText add(
      SignedText text, List<String> names, List<String> values, boolean signNames) {
    SignedText added = text;
    for (int i = 0; i < values.size(); i++) {
      String encodedName = encoded(names.get(i)) + "=";
      added =
          signNames
              ? added.nameAndValue(encodedName, values.get(i))
              : added.value(encodedName, values.get(i));
    }
    return added;
  }

  @ParameterizedTest
  @EnumSource(Normalization.class)
  void agreesWithJoiningNormalizingAndEncodingApart(Normalization normalization) throws Exception {
    Random random = new Random(20261123L + normalization.ordinal());
    String[] separators = {"\n", "|", " ", "\t", "\r", "\n\n", "·"};
    for (int round = 0; round < 3000; round++) {
      int count = random.nextInt(7);
      List<String> names = new ArrayList<>();
      List<String> values = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        names.add(i % 3 == 0 ? "p" + i : "näme " + i);
        values.add(randomValue(random));
      }
      String separator = separators[random.nextInt(separators.length)];
      boolean signNames = random.nextBoolean();
      SignatureFormat format =
          SignatureFormat.values()[random.nextInt(SignatureFormat.values().length)];
      String expectedText = reference(names, values, separator, normalization, signNames);
      String context =
          "values " + values + ", separator \"" + separator + "\", names signed: " + signNames;

      assertEquals(
          expectedText,
          add(SignedText.textOnly(ORIGIN, PATH, separator, normalization), names, values, signNames)
              .text(),
          context);
      SignedText withUrl =
          add(SignedText.withUrl(ORIGIN, PATH, separator, normalization), names, values, signNames);
      assertEquals(expectedText, withUrl.text(), context);
      assertEquals(
          referenceUrl(names, values, expectedText, format),
          withUrl.signedUrl(Secret.ofUtf8(SECRET), MacAlgorithm.HMAC_SHA256, format, "sig="),
          context);
    }
  }

  @Test
  void trimsLinesAsJavascriptDoes() {
    SignedText text =
        SignedText.textOnly(ORIGIN, PATH, "\n", Normalization.JAVASCRIPT_TRIM_LINES)
            .value("a=", " \u3000leading")
            .value("b=", "   ")
            .value("c=", "inner \n\t next")
            .value("d=", "trailing \u00A0\n ");
    assertEquals(REQUEST_URL + "\nleading\ninner \nnext\ntrailing", text.text());
  }

  @Test
  void keepsWhitespaceWithoutNormalization() {
    SignedText text =
        SignedText.textOnly(ORIGIN, PATH, "\n", Normalization.NONE)
            .value("a=", " x ")
            .value("b=", "\n");
    assertEquals(REQUEST_URL + "\n x \n\n", text.text());
  }

  @Test
  void writesAnUnpairedSurrogateAsTheReplacementCharacterInTextAndUrl() {
    SignedText text =
        SignedText.withUrl(ORIGIN, PATH, "\n", Normalization.NONE).value("v=", "a\uD800b\uDC00");
    assertEquals(REQUEST_URL + "\na\uFFFDb\uFFFD", text.text());
    String url =
        text.signedUrl(
            Secret.ofUtf8(SECRET), MacAlgorithm.HMAC_SHA256, SignatureFormat.HEX, "sig=");
    assertEquals(
        REQUEST_URL + "?v=a%EF%BF%BDb%EF%BF%BD&sig=", url.substring(0, url.indexOf("sig=") + 4));
  }

  /** The JDK writes an unpaired surrogate as one byte, '?', as long as an ASCII character. */
  @ParameterizedTest
  @CsvSource({
    "'?\\uD800', '?\\uFFFD', '%3F%EF%BF%BD'",
    "'\\uDC00?', '\\uFFFD?', '%EF%BF%BD%3F'",
    "'a?b', 'a?b', 'a%3Fb'",
    "'??', '??', '%3F%3F'"
  })
  void tellsAQuestionMarkFromAnUnpairedSurrogate(
      String escapedValue, String escapedText, String encoded) {
    String value = unescape(escapedValue);
    for (Normalization normalization : Normalization.values()) {
      SignedText text = SignedText.withUrl(ORIGIN, PATH, "\n", normalization).value("v=", value);
      assertEquals(REQUEST_URL + "\n" + unescape(escapedText), text.text());
      String url =
          text.signedUrl(
              Secret.ofUtf8(SECRET), MacAlgorithm.HMAC_SHA256, SignatureFormat.HEX, "sig=");
      assertEquals(
          REQUEST_URL + "?v=" + encoded + "&sig=", url.substring(0, url.indexOf("sig=") + 4));
      SignedText signedNames =
          SignedText.textOnly(ORIGIN, PATH, "\n", normalization).nameAndValue("v=", value);
      assertEquals(REQUEST_URL + "\nv=" + encoded, signedNames.text());
    }
  }

  /** Reads the \\uXXXX escapes of the sources above, so that they show which unit is which. */
  private static String unescape(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      if (text.startsWith("\\u", i)) {
        out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
        i += 5;
      } else {
        out.append(text.charAt(i));
      }
    }
    return out.toString();
  }

  @Test
  void growsPastItsFirstBuffers() throws Exception {
    String longValue = "ü€😀 x".repeat(400);
    List<String> names = List.of("first", "second");
    List<String> values = List.of(longValue, longValue.toUpperCase(java.util.Locale.ROOT));
    for (boolean signNames : new boolean[] {false, true}) {
      String expectedText =
          reference(names, values, "\n", Normalization.JAVASCRIPT_TRIM_LINES, signNames);
      SignedText text =
          add(
              SignedText.withUrl(ORIGIN, PATH, "\n", Normalization.JAVASCRIPT_TRIM_LINES),
              names,
              values,
              signNames);
      assertEquals(expectedText, text.text());
      assertEquals(
          referenceUrl(names, values, expectedText, SignatureFormat.BASE64),
          text.signedUrl(
              Secret.ofUtf8(SECRET), MacAlgorithm.HMAC_SHA256, SignatureFormat.BASE64, "sig="));
      // Without the URL the text is written apart, and grows on its own.
      assertEquals(
          expectedText,
          add(
                  SignedText.textOnly(ORIGIN, PATH, "\n", Normalization.JAVASCRIPT_TRIM_LINES),
                  names,
                  values,
                  signNames)
              .text());
    }
  }

  /**
   * A value of three-byte characters fills exactly the room the text reserves for it, so some
   * length leaves the buffer full just before the next separator, which must grow it.
   */
  @Test
  void aSeparatorAfterAFullBufferGrowsIt() {
    for (int length = 60; length < 100; length++) {
      List<String> values = List.of("€".repeat(length), "x");
      List<String> names = List.of("a", "b");
      for (Normalization normalization : Normalization.values()) {
        assertEquals(
            reference(names, values, "\n", normalization, false),
            add(SignedText.textOnly(ORIGIN, PATH, "\n", normalization), names, values, false)
                .text(),
            "length " + length);
      }
    }
  }

  @Test
  void signsTheSameBytesAsTheTextHolds() throws Exception {
    SignedText text = SignedText.withUrl(ORIGIN, PATH, "\n", Normalization.NONE).value("v=", "é");
    String url =
        text.signedUrl(
            Secret.ofUtf8(SECRET),
            MacAlgorithm.HMAC_SHA512,
            SignatureFormat.BASE64URL_UNPADDED,
            "s=");
    Mac mac = Mac.getInstance("HmacSHA512");
    mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA512"));
    byte[] expected = mac.doFinal((REQUEST_URL + "\né").getBytes(StandardCharsets.UTF_8));
    assertArrayEquals(
        expected, Base64.getUrlDecoder().decode(url.substring(url.indexOf("&s=") + 3)));
  }

  @Test
  void aTextMadeWithoutItsUrlCannotBeSignedIntoOne() {
    SignedText text = SignedText.textOnly(ORIGIN, PATH, "\n", Normalization.NONE);
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                text.signedUrl(
                    Secret.ofUtf8(SECRET), MacAlgorithm.HMAC_SHA256, SignatureFormat.HEX, "sig="));
    assertEquals("this signed text was made without its URL", e.getMessage());
  }

  @Test
  void namesTheMissingOrigin() {
    NullPointerException e =
        assertThrows(
            NullPointerException.class,
            () -> SignedText.withUrl(null, PATH, "\n", Normalization.NONE));
    assertEquals("origin", e.getMessage());
  }
}
