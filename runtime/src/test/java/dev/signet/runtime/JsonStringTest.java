package dev.signet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Json#appendString} must write what JavaScript's {@code JSON.stringify} writes, because the
 * JSON text is signed: one different byte and the vendor rejects the signature.
 *
 * <p>Jackson is the independent oracle. Its string escaping is the same as JSON.stringify's but for
 * the hex digits of {@code \}{@code u00XX} escapes (upper-case by default) and for unpaired
 * surrogates (written raw), so exact comparisons leave those out or configure them away.
 */
class JsonStringTest {
  private static final ObjectMapper JACKSON = new ObjectMapper();

  /** Jackson writing {@code \}{@code u001f} as JSON.stringify does, with lower-case hex. */
  private static final ObjectMapper JACKSON_LOWER_HEX =
      JsonMapper.builder().disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE).build();

  private static String json(CharSequence text) {
    StringBuilder out = new StringBuilder();
    Json.appendString(out, text);
    return out.toString();
  }

  private static String parsedByJackson(String json) throws JsonProcessingException {
    return JACKSON.readValue(json, String.class);
  }

  // ---------------------------------------------------------------- exact literals

  @Test
  void shortEscapesForQuoteBackslashAndTheFiveNamedControlCharacters() {
    assertEquals("\"\\\"\"", json("\""));
    assertEquals("\"\\\\\"", json("\\"));
    assertEquals("\"\\b\\f\\n\\r\\t\"", json("\b\f\n\r\t"));
  }

  @Test
  void otherControlCharactersAsUnicodeEscapesWithLowerCaseHex() {
    // JSON.stringify("\u0001\u001f\u000b") === '"\\u0001\\u001f\\u000b"'
    assertEquals("\"\\u0000\"", json("\u0000"));
    assertEquals("\"\\u0001\"", json("\u0001"));
    assertEquals("\"\\u000b\"", json("\u000B"));
    assertEquals("\"\\u001f\"", json("\u001F"));
    assertEquals("\"\\u001a\\u001b\\u001c\\u001d\\u001e\"", json("\u001A\u001B\u001C\u001D\u001E"));
  }

  @Test
  void everyAsciiCharacterAsJsonStringifyWritesIt() {
    for (char c = 0; c < 0x80; c++) {
      String expected;
      switch (c) {
        case '"':
          expected = "\\\"";
          break;
        case '\\':
          expected = "\\\\";
          break;
        case '\b':
          expected = "\\b";
          break;
        case '\f':
          expected = "\\f";
          break;
        case '\n':
          expected = "\\n";
          break;
        case '\r':
          expected = "\\r";
          break;
        case '\t':
          expected = "\\t";
          break;
        default:
          expected = c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c);
      }
      assertEquals("\"" + expected + "\"", json(String.valueOf(c)), "U+" + Integer.toHexString(c));
    }
  }

  @Test
  void charactersThatOtherEncodersEscapeAreWrittenRaw() {
    // JSON.stringify escapes none of these; encoders for HTML or for JavaScript source often do.
    assertEquals("\"/\"", json("/"));
    assertEquals("\"</script>\"", json("</script>"));
    assertEquals("\"<>&'=\"", json("<>&'="));
    assertEquals("\"\u007F\"", json("\u007F"));
    assertEquals("\"\u0085\"", json("\u0085"));
    assertEquals("\"\u2028\u2029\"", json("\u2028\u2029"));
    assertEquals("\"\u00E9\u4E2D\uFEFF\uFFFF\"", json("\u00E9\u4E2D\uFEFF\uFFFF"));
  }

  @Test
  void surrogatePairsAreWrittenRaw() {
    assertEquals("\"\uD83D\uDE00\"", json("\uD83D\uDE00"));
    assertEquals("\"\uD800\uDC00\uDBFF\uDFFF\"", json("\uD800\uDC00\uDBFF\uDFFF"));
  }

  @Test
  void unpairedSurrogatesAreEscapedWithLowerCaseHex() {
    // Well-formed JSON.stringify (ES2019): a lone surrogate becomes an escape, not U+FFFD.
    assertEquals("\"\\ud800\"", json("\uD800"));
    assertEquals("\"\\udfff\"", json("\uDFFF"));
    assertEquals("\"a\\udbffb\"", json("a\uDBFFb"));
    assertEquals("\"\\udc00\\ud800\"", json("\uDC00\uD800")); // low before high pairs nothing
    // A high surrogate followed by a pair: only the first one is alone.
    assertEquals("\"\\ud800\uD800\uDC00\"", json("\uD800\uD800\uDC00"));
    // A pair followed by a low surrogate: only the last one is alone.
    assertEquals("\"\uD800\uDC00\\udc00\"", json("\uD800\uDC00\uDC00"));
  }

  @Test
  void appendsToWhatIsAlreadyThereAndAcceptsAnyCharSequence() {
    StringBuilder out = new StringBuilder("x:");
    Json.appendString(out, new StringBuilder("a\"b"));
    assertEquals("x:\"a\\\"b\"", out.toString());
  }

  @Test
  void emptyString() {
    assertEquals("\"\"", json(""));
  }

  // ---------------------------------------------------------------- against Jackson

  @Test
  void everyBmpCharacterParsesBackWithJackson() throws JsonProcessingException {
    // All 65536 code units alone, lone surrogates included: the escapes must mean the character.
    for (int c = 0; c <= 0xFFFF; c++) {
      String text = String.valueOf((char) c);
      assertEquals(text, parsedByJackson(json(text)), "U+" + Integer.toHexString(c));
    }
  }

  @Test
  void everyAsciiCharacterAndBmpSampleIsWrittenAsJacksonWritesIt() throws JsonProcessingException {
    for (String text : asciiAndBmpSample()) {
      if (hasNoControlCharacterOrUnpairedSurrogate(text)) {
        assertEquals(JACKSON.writeValueAsString(text), json(text), TestStrings.codeUnits(text));
      }
      // With lower-case hex, Jackson writes the control characters as JSON.stringify does too.
      if (hasNoUnpairedSurrogate(text)) {
        assertEquals(
            JACKSON_LOWER_HEX.writeValueAsString(text), json(text), TestStrings.codeUnits(text));
      }
    }
  }

  @Test
  void surrogatePairsAreWrittenAsJacksonWritesThem() throws JsonProcessingException {
    for (int codePoint = 0x10000; codePoint <= 0x10FFFF; codePoint += 0x3F1) {
      String text = "a" + new String(Character.toChars(codePoint)) + "b";
      assertEquals(JACKSON.writeValueAsString(text), json(text), TestStrings.codeUnits(text));
      assertEquals(text, parsedByJackson(json(text)));
    }
  }

  @Test
  void randomStringsParseBackWithJacksonAndMatchItsOutput() throws JsonProcessingException {
    Random random = new Random(20240611L);
    int comparedExactly = 0;
    for (int i = 0; i < 5000; i++) {
      String text = TestStrings.randomString(random);
      String ours = json(text);
      assertEquals(text, parsedByJackson(ours), TestStrings.codeUnits(text));
      if (hasNoControlCharacterOrUnpairedSurrogate(text)) {
        assertEquals(JACKSON.writeValueAsString(text), ours, TestStrings.codeUnits(text));
        comparedExactly++;
      }
      if (hasNoUnpairedSurrogate(text)) {
        assertEquals(JACKSON_LOWER_HEX.writeValueAsString(text), ours, TestStrings.codeUnits(text));
      }
    }
    // The generator must give the exact comparison enough to do, or it proves little.
    assertTrue(comparedExactly > 1000, "compared exactly: " + comparedExactly);
  }

  // ---------------------------------------------------------------- helpers

  private static List<String> asciiAndBmpSample() {
    List<String> texts = new ArrayList<>();
    for (char c = 0; c < 0x80; c++) {
      texts.add(String.valueOf(c));
    }
    // Every 37th code unit from U+0080 up, surrogates included, each alone and between letters.
    for (int c = 0x80; c <= 0xFFFF; c += 37) {
      texts.add(String.valueOf((char) c));
      texts.add("x" + (char) c + "y");
    }
    for (char c : "\u00A0\u2028\u2029\uFEFF\uFFFD\uFFFE\uFFFF\uD7FF\uE000".toCharArray()) {
      texts.add(String.valueOf(c));
    }
    return texts;
  }

  private static boolean hasNoControlCharacterOrUnpairedSurrogate(String text) {
    return text.chars().noneMatch(c -> c < 0x20) && hasNoUnpairedSurrogate(text);
  }

  private static boolean hasNoUnpairedSurrogate(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  @Test
  void memberNamesAreWrittenAsStringsAndNullIsRefused() {
    StringBuilder out = new StringBuilder("{");
    Json.appendKey(out, "a\"b");
    assertEquals("{\"a\\\"b\"", out.toString());
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> Json.appendKey(out, null));
    assertEquals("a JSON object's member name is null", refused.getMessage());
    assertEquals("{\"a\\\"b\"", out.toString(), "nothing is written for a refused name");
  }
}
