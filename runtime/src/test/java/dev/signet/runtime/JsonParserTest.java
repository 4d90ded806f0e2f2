package dev.signet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link JsonParser} reads what verifiers receive, so it must read every JSON text as Jackson reads
 * it and refuse what strict JSON refuses. Jackson (streaming, with duplicate detection on and its
 * default strictness) is the oracle: the same value for every text it accepts, a refusal for every
 * text it refuses. Numbers are compared as {@link BigDecimal}s, scale included.
 */
class JsonParserTest {
  private static final JsonFactory JACKSON =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  /** Jackson's reading of {@code text} in JsonParser's value model. */
  private static Object jackson(String text) throws IOException {
    try (com.fasterxml.jackson.core.JsonParser parser = JACKSON.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == null) {
        throw new JsonProcessingException("no value") {
          private static final long serialVersionUID = 1L;
        };
      }
      Object value;
      try {
        value = read(parser, first);
      } catch (NumberFormatException e) {
        // Jackson's refusal of an exponent beyond BigDecimal's range.
        throw new IOException(e);
      }
      if (parser.nextToken() != null) {
        throw new JsonProcessingException("text after the value") {
          private static final long serialVersionUID = 1L;
        };
      }
      return value;
    }
  }

  private static Object read(com.fasterxml.jackson.core.JsonParser parser, JsonToken token)
      throws IOException {
    switch (token) {
      case START_OBJECT:
        {
          Map<String, Object> members = new LinkedHashMap<>();
          for (JsonToken t = parser.nextToken();
              t != JsonToken.END_OBJECT;
              t = parser.nextToken()) {
            String name = parser.currentName();
            members.put(name, read(parser, parser.nextToken()));
          }
          return members;
        }
      case START_ARRAY:
        {
          List<Object> elements = new ArrayList<>();
          for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            elements.add(read(parser, t));
          }
          return elements;
        }
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        return new BigDecimal(parser.getBigIntegerValue());
      case VALUE_NUMBER_FLOAT:
        return parser.getDecimalValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new AssertionError("unexpected token " + token);
    }
  }

  private static IllegalArgumentException refusal(String text) {
    return assertThrows(IllegalArgumentException.class, () -> JsonParser.parse(text), text);
  }

  /** Refused by us, at {@code index}, and by Jackson too. */
  private static void assertRefusedLikeJackson(String text, int index) {
    IllegalArgumentException e = refusal(text);
    assertTrue(
        e.getMessage().startsWith("not JSON at index " + index + ": "),
        TestStrings.codeUnits(text) + " -> " + e.getMessage());
    assertThrows(IOException.class, () -> jackson(text), "Jackson accepts " + text);
  }

  /** Keys in order, numbers with their scale: {@code Map.equals} alone ignores the order. */
  private static void assertSameValue(Object expected, Object actual, String context) {
    if (expected instanceof Map<?, ?> expectedMap) {
      Map<?, ?> actualMap = assertInstanceOf(Map.class, actual, context);
      assertEquals(List.copyOf(expectedMap.keySet()), List.copyOf(actualMap.keySet()), context);
      for (Map.Entry<?, ?> member : expectedMap.entrySet()) {
        assertSameValue(member.getValue(), actualMap.get(member.getKey()), context);
      }
    } else if (expected instanceof List<?> expectedList) {
      List<?> actualList = assertInstanceOf(List.class, actual, context);
      assertEquals(expectedList.size(), actualList.size(), context);
      for (int i = 0; i < expectedList.size(); i++) {
        assertSameValue(expectedList.get(i), actualList.get(i), context);
      }
    } else {
      // BigDecimal.equals compares the scale as well: 1.50 is not 1.5.
      assertEquals(expected, actual, context);
    }
  }

  // ---------------------------------------------------------------- values

  @Test
  void scalars() {
    assertEquals(Boolean.TRUE, JsonParser.parse("true"));
    assertEquals(Boolean.FALSE, JsonParser.parse("false"));
    assertNull(JsonParser.parse("null"));
    assertEquals("", JsonParser.parse("\"\""));
    assertEquals("a b", JsonParser.parse("\"a b\""));
    assertEquals(new BigDecimal("0"), JsonParser.parse("0"));
    assertEquals(new BigDecimal("-12.50"), JsonParser.parse("-12.50"));
    assertEquals(new BigDecimal("1E+400"), JsonParser.parse("1e400"));
    assertEquals(new BigDecimal("2.5E-7"), JsonParser.parse("2.5E-7"));
    assertEquals(new BigDecimal("1E+2"), JsonParser.parse("1E+2"));
  }

  @Test
  void numbersKeepEveryDigitAndTheirScale() {
    BigDecimal n = (BigDecimal) JsonParser.parse("123456789012345678901234567890.1234567890");
    assertEquals("123456789012345678901234567890.1234567890", n.toPlainString());
    assertEquals(10, n.scale());
    // Beyond double's range in both directions, and -0, which BigDecimal holds as 0.
    assertEquals(0, new BigDecimal("1e-400").compareTo((BigDecimal) JsonParser.parse("1e-400")));
    assertEquals(0, BigDecimal.ZERO.compareTo((BigDecimal) JsonParser.parse("-0")));
  }

  @Test
  void everyEscape() {
    assertEquals("\"\\/\b\f\n\r\t", JsonParser.parse("\"\\\"\\\\\\/\\b\\f\\n\\r\\t\""));
    assertEquals("A\u00e9\uFFFF\u0000", JsonParser.parse("\"\\u0041\\u00E9\\uffff\\u0000\""));
    // Escaped surrogates, paired or not, become those code units.
    assertEquals("\uD83D\uDE00", JsonParser.parse("\"\\uD83D\\uDE00\""));
    assertEquals("\uDC00x", JsonParser.parse("\"\\udc00x\""));
    // Raw characters outside ASCII, and DEL, need no escape.
    assertEquals(
        "\u007F\u00e9\uD83D\uDE00\u2028", JsonParser.parse("\"\u007F\u00e9\uD83D\uDE00\u2028\""));
  }

  @Test
  void objectsKeepTheirMembersInTheTextsOrder() {
    Object parsed = JsonParser.parse("{\"z\":1,\"a\":[true,null,\"x\"],\"m\":{}}");
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("z", new BigDecimal(1));
    List<Object> array = new ArrayList<>();
    array.add(true);
    array.add(null);
    array.add("x");
    expected.put("a", array);
    expected.put("m", Map.of());
    assertSameValue(expected, parsed, "ordered");
  }

  @Test
  void whitespaceIsTheFourJsonCharactersAnywhereBetweenTokens() {
    assertSameValue(
        List.of(new BigDecimal(1), Map.of("k", "v")),
        JsonParser.parse(" \t\r\n[ 1 ,\n{ \"k\" \t: \"v\" } ] \r\n"),
        "whitespace");
  }

  @Test
  void containersAreUnmodifiable() {
    Object object = JsonParser.parse("{\"a\":[1]}");
    Map<?, ?> map = (Map<?, ?>) object;
    assertThrows(UnsupportedOperationException.class, () -> map.remove("a"));
    List<?> list = (List<?>) map.get("a");
    assertThrows(UnsupportedOperationException.class, () -> list.remove(0));
    assertThrows(
        UnsupportedOperationException.class, () -> ((Map<?, ?>) JsonParser.parse("{}")).clear());
    assertThrows(
        UnsupportedOperationException.class, () -> ((List<?>) JsonParser.parse("[]")).clear());
  }

  // ---------------------------------------------------------------- refusals

  @Test
  void refusesWhatStrictJsonRefusesAtTheRightIndex() {
    // Trailing commas.
    assertRefusedLikeJackson("[1,]", 3);
    assertRefusedLikeJackson("{\"a\":1,}", 7);
    assertRefusedLikeJackson("[,1]", 1);
    assertRefusedLikeJackson("[1,,2]", 3);
    // Leading zeros, and numbers JavaScript writes but JSON does not.
    assertRefusedLikeJackson("01", 1);
    assertRefusedLikeJackson("[-01]", 3);
    assertRefusedLikeJackson("[00]", 2);
    assertRefusedLikeJackson("+1", 0);
    assertRefusedLikeJackson(".5", 0);
    assertRefusedLikeJackson("1.", 2);
    assertRefusedLikeJackson("1.e3", 2);
    assertRefusedLikeJackson("1e", 2);
    assertRefusedLikeJackson("1e+", 3);
    assertRefusedLikeJackson("-", 1);
    assertRefusedLikeJackson("-a", 1);
    assertRefusedLikeJackson("NaN", 0);
    assertRefusedLikeJackson("-Infinity", 1);
    assertRefusedLikeJackson("0x10", 1);
    // Control characters must be escaped in strings.
    assertRefusedLikeJackson("\"a\nb\"", 3);
    assertRefusedLikeJackson("\"\u0000\"", 2);
    assertRefusedLikeJackson("\"\u001F\"", 2);
    assertRefusedLikeJackson("\"\t\"", 2);
    // Escapes JSON does not have, and \\u without four hex digits.
    assertRefusedLikeJackson("\"\\a\"", 2);
    assertRefusedLikeJackson("\"\\'\"", 2);
    assertRefusedLikeJackson("\"\\x41\"", 2);
    assertRefusedLikeJackson("\"\\U0041\"", 2);
    assertRefusedLikeJackson("\"\\u41\"", 3);
    assertRefusedLikeJackson("\"\\u004G\"", 3);
    assertRefusedLikeJackson("\"\\u00", 3);
    assertRefusedLikeJackson("\"\\", 2);
    // Duplicate member names.
    assertRefusedLikeJackson("{\"a\":1,\"a\":2}", 11);
    assertRefusedLikeJackson("{\"a\":1,\"\\u0061\":1}", 16);
    // Unclosed.
    assertRefusedLikeJackson("[", 1);
    assertRefusedLikeJackson("[1", 2);
    assertRefusedLikeJackson("{", 1);
    assertRefusedLikeJackson("{\"a\"", 4);
    assertRefusedLikeJackson("{\"a\":", 5);
    assertRefusedLikeJackson("{\"a\":1", 6);
    assertRefusedLikeJackson("\"abc", 4);
    // Not a value, or more than one.
    assertRefusedLikeJackson("", 0);
    assertRefusedLikeJackson("  ", 2);
    assertRefusedLikeJackson("tru", 0);
    assertRefusedLikeJackson("True", 0);
    assertRefusedLikeJackson("nul", 0);
    assertRefusedLikeJackson("truex", 4);
    assertRefusedLikeJackson("1 2", 2);
    assertRefusedLikeJackson("[1]]", 3);
    assertRefusedLikeJackson("{}{}", 2);
    assertRefusedLikeJackson("'a'", 0);
    assertRefusedLikeJackson("{a:1}", 1);
    assertRefusedLikeJackson("{1:1}", 1);
    assertRefusedLikeJackson("{\"a\" 1}", 5);
    assertRefusedLikeJackson("[1 2]", 3);
    assertRefusedLikeJackson("{\"a\":1 \"b\":2}", 7);
    assertRefusedLikeJackson("[1}", 2);
    assertRefusedLikeJackson("{\"a\":1]", 6);
    assertRefusedLikeJackson("/* */1", 0);
    // Whitespace that JSON does not count as whitespace.
    assertRefusedLikeJackson("\u000B1", 0);
    assertRefusedLikeJackson("\u00A01", 0);
    assertRefusedLikeJackson("1\f", 1);
  }

  @Test
  void messagesSayWhatIsWrong() {
    assertTrue(refusal("[1,]").getMessage().endsWith("unexpected character"));
    assertTrue(refusal("{\"a\":1,\"a\":2}").getMessage().contains("\"a\" appears twice"));
    assertTrue(refusal("\"\\q\"").getMessage().contains("unknown escape \\q"));
    assertTrue(refusal("\"\u0001\"").getMessage().contains("control character"));
    assertTrue(refusal("\"abc").getMessage().contains("not closed"));
    assertTrue(refusal("\"\\").getMessage().contains("escape is not finished"));
    assertTrue(refusal("\"\\u12\"").getMessage().contains("four hex digits"));
    assertTrue(refusal("1 2").getMessage().contains("after the value"));
    assertTrue(refusal("").getMessage().contains("value is missing"));
    assertTrue(refusal("[1 2]").getMessage().contains("expected ']'"));
    assertTrue(refusal("{\"a\" 1}").getMessage().contains("expected ':'"));
    assertTrue(refusal("{1:1}").getMessage().contains("member name must be a string"));
    assertTrue(refusal("-x").getMessage().contains("a number needs a digit"));
    assertTrue(refusal("1.x").getMessage().contains("a fraction needs a digit"));
    assertTrue(refusal("1ex").getMessage().contains("an exponent needs a digit"));
  }

  @Test
  void aUnicodeEscapeRightAtTheEndOfTheTextIsReadBeforeTheStringIsFoundUnclosed() {
    // Exactly four hex digits left: the escape is complete, and then the closing quote is missing.
    assertEquals("not JSON at index 7: a string is not closed", refusal("\"\\u0041").getMessage());
    assertEquals("A", JsonParser.parse("\"\\u0041\""));
    // Three left: the escape itself is short.
    assertEquals(
        "not JSON at index 3: a \\u escape needs four hex digits",
        refusal("\"\\u004").getMessage());
  }

  /**
   * A {@code \\u} escape is four ASCII hex digits (RFC 8259). {@link Character#digit} takes
   * fullwidth and other scripts' digits as hex digits too, so it must not be what reads them.
   * Jackson is no oracle here: it reads only the low byte of such a character, and so takes {@code
   * \\u004}U+0661 for {@code \\u004a}.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "\"\\u\uFF10\uFF10\uFF14\uFF11\"", // fullwidth 0041
        "\"\\u00\uFF21\uFF21\"", // fullwidth AA
        "\"\\u\u0660\u0660\u0664\u0661\"", // Arabic-Indic 0041
        "\"\\u004\u0661\"",
        "\"\\u\u0130\u0130\u0130\u0130\"",
      })
  void unicodeEscapesTakeOnlyAsciiHexDigits(String text) {
    assertTrue(refusal(text).getMessage().startsWith("not JSON at index 3: a \\u escape needs"));
  }

  @Test
  void exponentsBeyondWhatBigDecimalHoldsAreRefusedNotThrownAsOtherExceptions() {
    for (String text :
        new String[] {
          "1e999999999999",
          "-1E+999999999999",
          "1e-999999999999",
          "1e2147483648",
          "0.1e-2147483648",
          "[1e99999999999999999999]",
          "{\"a\":1e-99999999999}",
        }) {
      IllegalArgumentException e = refusal(text);
      assertTrue(e.getMessage().contains("out of range"), text + " -> " + e.getMessage());
      assertFalse(e instanceof NumberFormatException, text);
    }
    // At the edge of BigDecimal's scale, still a number.
    assertEquals(new BigDecimal("1e2147483647"), JsonParser.parse("1e2147483647"));
    assertEquals(new BigDecimal("1e-2147483647"), JsonParser.parse("1e-2147483647"));
  }

  // ---------------------------------------------------------------- depth

  private static String nested(int levels, String innermost) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < levels; i++) {
      text.append(i % 2 == 0 ? "[" : "{\"k\":");
    }
    text.append(innermost);
    for (int i = levels - 1; i >= 0; i--) {
      text.append(i % 2 == 0 ? "]" : "}");
    }
    return text.toString();
  }

  private static int depthOf(Object value) {
    if (value instanceof List<?> list) {
      return 1 + (list.isEmpty() ? 0 : depthOf(list.get(0)));
    }
    if (value instanceof Map<?, ?> map) {
      return 1 + (map.isEmpty() ? 0 : depthOf(map.values().iterator().next()));
    }
    return 0;
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "\"s\"", "null", "[]", "{}"})
  void containersNestedMaxDepthLevelsAreRead(String innermost) {
    int containers = innermost.startsWith("[") || innermost.startsWith("{") ? 1 : 0;
    String text = nested(JsonParser.MAX_DEPTH - containers, innermost);
    assertEquals(JsonParser.MAX_DEPTH, depthOf(JsonParser.parse(text)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "\"s\"", "[]", "{}", "[1]", "null"})
  void containersNestedDeeperThanMaxDepthAreRefused(String innermost) {
    int containers = innermost.startsWith("[") || innermost.startsWith("{") ? 1 : 0;
    String text = nested(JsonParser.MAX_DEPTH + 1 - containers, innermost);
    IllegalArgumentException e = refusal(text);
    assertTrue(e.getMessage().contains("nested deeper than 64 levels"), e.getMessage());
    // The refusal points at the container that is one level too deep.
    int index = Integer.parseInt(e.getMessage().replaceAll("^not JSON at index (\\d+):.*$", "$1"));
    assertTrue(text.charAt(index) == '[' || text.charAt(index) == '{', e.getMessage());
  }

  @Test
  void hostileNestingIsRefusedWithoutExhaustingTheStack() {
    assertTrue(refusal("[".repeat(1_000_000)).getMessage().contains("nested deeper"));
    assertTrue(refusal("{\"a\":".repeat(200_000)).getMessage().contains("nested deeper"));
  }

  // ---------------------------------------------------------------- Jackson as oracle

  @Test
  void randomValidDocumentsReadAsTheirValueAndAsJacksonReadsThem() throws IOException {
    Random random = new Random(0x5EED_0001L);
    int containers = 0;
    for (int i = 0; i < 3000; i++) {
      StringBuilder text = new StringBuilder();
      Object expected = writeValue(random, text, 0);
      String json = text.toString();
      Object ours = JsonParser.parse(json);
      assertSameValue(expected, ours, json);
      assertSameValue(jackson(json), ours, json);
      if (expected instanceof Map || expected instanceof List) {
        containers++;
      }
    }
    assertTrue(containers > 700, "documents with containers: " + containers);
  }

  /**
   * Texts near JSON, made by breaking valid documents one edit at a time: each must be read as
   * Jackson reads it, or refused when Jackson refuses it, and refused with nothing but an
   * IllegalArgumentException.
   */
  @Test
  void randomEditsOfValidDocumentsAreReadOrRefusedAsJacksonDoes() {
    Random random = new Random(0x5EED_0002L);
    String alphabet = "{}[]\",:0123456789.eE+- \t\n\r\\/ubfnrtl\u0000\u001F\u00e9\uD800\uFF10";
    int accepted = 0;
    int refused = 0;
    for (int i = 0; i < 10_000; i++) {
      StringBuilder document = new StringBuilder();
      writeValue(random, document, 0);
      int edits = 1 + random.nextInt(3);
      for (int e = 0; e < edits; e++) {
        int at = random.nextInt(document.length() + 1);
        switch (random.nextInt(3)) {
          case 0:
            document.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
            break;
          case 1:
            if (at < document.length()) {
              document.deleteCharAt(at);
            }
            break;
          default:
            if (at < document.length()) {
              document.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
            }
        }
      }
      String text = document.toString();
      Object theirs;
      try {
        theirs = jackson(text);
      } catch (IOException e) {
        theirs = e;
      } catch (RuntimeException e) {
        throw new AssertionError("Jackson threw on " + TestStrings.codeUnits(text), e);
      }
      Object ours;
      try {
        ours = JsonParser.parse(text);
      } catch (IllegalArgumentException e) {
        assertEquals(IllegalArgumentException.class, e.getClass(), text);
        ours = e;
      } catch (RuntimeException e) {
        throw new AssertionError("threw " + e + " on " + TestStrings.codeUnits(text), e);
      }
      if (ours instanceof IllegalArgumentException e
          && !(theirs instanceof IOException)
          && isNonAsciiInUnicodeEscape(text, e)) {
        // Jackson's leniency, not ours: see unicodeEscapesTakeOnlyAsciiHexDigits.
        continue;
      }
      if (theirs instanceof IOException) {
        if (!(ours instanceof IllegalArgumentException)) {
          fail("accepted what Jackson refuses (" + theirs + "): " + TestStrings.codeUnits(text));
        }
        refused++;
      } else {
        if (ours instanceof IllegalArgumentException e) {
          fail(
              "refused what Jackson reads ("
                  + e.getMessage()
                  + "): "
                  + TestStrings.codeUnits(text));
        }
        assertSameValue(theirs, ours, text);
        accepted++;
      }
    }
    // Both outcomes must be common, or the comparison proves little.
    assertTrue(accepted > 1000, "accepted: " + accepted);
    assertTrue(refused > 1000, "refused: " + refused);
  }

  private static boolean isNonAsciiInUnicodeEscape(String text, IllegalArgumentException e) {
    if (!e.getMessage().endsWith("a \\u escape needs four hex digits")) {
      return false;
    }
    int index = Integer.parseInt(e.getMessage().replaceAll("^not JSON at index (\\d+):.*$", "$1"));
    return text.substring(index, Math.min(index + 4, text.length()))
        .chars()
        .anyMatch(c -> c > 0x7F);
  }

  private static final String NEAR_JSON = "{}[]\",:-0123456789eE.+\\u tfn";

  @Test
  void arbitraryTextNeverThrowsAnythingButIllegalArgumentException() {
    Random random = new Random(0x5EED_0003L);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(30);
      for (int c = 0; c < length; c++) {
        text.append(
            random.nextBoolean()
                ? NEAR_JSON.charAt(random.nextInt(NEAR_JSON.length()))
                : (char) random.nextInt(0x10000));
      }
      try {
        JsonParser.parse(text.toString());
      } catch (IllegalArgumentException e) {
        assertEquals(IllegalArgumentException.class, e.getClass());
        assertTrue(e.getMessage().startsWith("not JSON at index "), e.getMessage());
      }
    }
  }

  // ---------------------------------------------------------------- the generator

  /** Writes a random value to {@code out} with random whitespace and escapes; returns it. */
  private static Object writeValue(Random random, StringBuilder out, int depth) {
    space(random, out);
    int kind = random.nextInt(depth >= 4 ? 5 : 7);
    Object value;
    switch (kind) {
      case 0:
        out.append("true");
        value = Boolean.TRUE;
        break;
      case 1:
        out.append(random.nextBoolean() ? "false" : "null");
        value = out.charAt(out.length() - 1) == 'e' ? Boolean.FALSE : null;
        break;
      case 2:
      case 3:
        value = writeNumber(random, out);
        break;
      case 4:
        value = writeString(random, out);
        break;
      case 5:
        {
          out.append('[');
          List<Object> elements = new ArrayList<>();
          int size = random.nextInt(5);
          for (int i = 0; i < size; i++) {
            if (i > 0) {
              out.append(',');
            }
            elements.add(writeValue(random, out, depth + 1));
          }
          space(random, out);
          out.append(']');
          value = elements;
          break;
        }
      default:
        {
          out.append('{');
          Map<String, Object> members = new LinkedHashMap<>();
          int size = random.nextInt(5);
          for (int i = 0; i < size; i++) {
            StringBuilder name = new StringBuilder();
            String key = writeString(random, name);
            if (members.containsKey(key)) {
              continue;
            }
            if (!members.isEmpty()) {
              out.append(',');
            }
            space(random, out);
            out.append(name);
            space(random, out);
            out.append(':');
            members.put(key, writeValue(random, out, depth + 1));
          }
          space(random, out);
          out.append('}');
          value = members;
        }
    }
    space(random, out);
    return value;
  }

  private static void space(Random random, StringBuilder out) {
    while (random.nextInt(4) == 0) {
      out.append(" \t\n\r".charAt(random.nextInt(4)));
    }
  }

  private static BigDecimal writeNumber(Random random, StringBuilder out) {
    StringBuilder number = new StringBuilder();
    if (random.nextBoolean()) {
      number.append('-');
    }
    if (random.nextInt(4) == 0) {
      number.append('0');
    } else {
      number.append((char) ('1' + random.nextInt(9)));
      digits(random, number, random.nextInt(random.nextInt(4) == 0 ? 40 : 6));
    }
    if (random.nextBoolean()) {
      number.append('.');
      digits(random, number, 1 + random.nextInt(random.nextInt(4) == 0 ? 40 : 5));
    }
    if (random.nextInt(3) == 0) {
      number.append(random.nextBoolean() ? 'e' : 'E');
      int sign = random.nextInt(3);
      if (sign > 0) {
        number.append(sign == 1 ? '+' : '-');
      }
      // Leading zeros are allowed in exponents.
      digits(random, number, 1 + random.nextInt(3));
    }
    out.append(number);
    return new BigDecimal(number.toString());
  }

  private static void digits(Random random, StringBuilder out, int count) {
    for (int i = 0; i < count; i++) {
      out.append((char) ('0' + random.nextInt(10)));
    }
  }

  private static String writeString(Random random, StringBuilder out) {
    String value = TestStrings.randomString(random);
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      int choice = random.nextInt(6);
      if (c == '"' || c == '\\' || c < 0x20 || choice == 0) {
        String shortEscape = shortEscape(c);
        if (shortEscape != null && random.nextBoolean()) {
          out.append(shortEscape);
        } else {
          String hex = String.format("%04x", (int) c);
          out.append("\\u").append(random.nextBoolean() ? hex : hex.toUpperCase());
        }
      } else if (c == '/' && choice == 1) {
        out.append("\\/");
      } else {
        out.append(c);
      }
    }
    out.append('"');
    return value;
  }

  private static String shortEscape(char c) {
    switch (c) {
      case '"':
        return "\\\"";
      case '\\':
        return "\\\\";
      case '/':
        return "\\/";
      case '\b':
        return "\\b";
      case '\f':
        return "\\f";
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      default:
        return null;
    }
  }
}
