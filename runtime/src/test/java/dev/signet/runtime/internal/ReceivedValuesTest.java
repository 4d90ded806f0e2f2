package dev.signet.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.JsonParser;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ReceivedValues} reads back what a signer wrote, in the one form a signer writes it, and
 * refuses everything else with an {@link InvalidParameterException} naming the parameter.
 */
class ReceivedValuesTest {

  private static InvalidParameterException assertRefused(String parameter, Executable read) {
    InvalidParameterException e = assertThrows(InvalidParameterException.class, read);
    assertEquals(parameter, e.parameter());
    assertTrue(e.getMessage().startsWith(parameter + ": "), e.getMessage());
    return e;
  }

  private static Object json(String text) {
    return JsonParser.parse(text);
  }

  // ---------------------------------------------------------------- text

  @Test
  void boolFromText() {
    assertTrue(ReceivedValues.bool("flag", "true"));
    assertFalse(ReceivedValues.bool("flag", "false"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"True", "FALSE", "TRUE", "1", "0", "", " true", "true ", "yes", "t", "null"})
  void boolFromTextRefusesAnyOtherSpelling(String text) {
    InvalidParameterException e = assertRefused("flag", () -> ReceivedValues.bool("flag", text));
    assertEquals("flag: must be true or false", e.getMessage());
  }

  @Test
  void longFromTextInLongToStringsForm() {
    for (long value :
        new long[] {
          0, 1, -1, 7, 10, -10, 123456789, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE + 1L
        }) {
      assertEquals(value, ReceivedValues.longValue("n", Long.toString(value)));
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "007",
        "00",
        "-0",
        "+7",
        "+0",
        "-007",
        "1.0",
        "1e3",
        " 1",
        "1 ",
        "",
        "-",
        "0x10",
        "9223372036854775808",
        "-9223372036854775809",
        "\u0663",
        "\uFF17",
        "1_000",
        "one",
      })
  void longFromTextRefusesOtherForms(String text) {
    InvalidParameterException e = assertRefused("n", () -> ReceivedValues.longValue("n", text));
    assertEquals(
        "n: must be a whole number written without sign + or leading zeros", e.getMessage());
  }

  @Test
  void longFromTextAgreesWithLongToStringOnRandomText() {
    Random random = new Random(0x7E57L);
    int accepted = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = 1 + random.nextInt(20);
      for (int c = 0; c < length; c++) {
        text.append("-+0123456789".charAt(random.nextInt(12)));
      }
      String candidate = text.toString();
      boolean canonical;
      try {
        canonical = Long.toString(Long.parseLong(candidate)).equals(candidate);
      } catch (NumberFormatException e) {
        canonical = false;
      }
      if (canonical) {
        assertEquals(Long.parseLong(candidate), ReceivedValues.longValue("n", candidate));
        accepted++;
      } else {
        assertRefused("n", () -> ReceivedValues.longValue("n", candidate));
      }
    }
    assertTrue(accepted > 1000, "accepted: " + accepted);
  }

  @Test
  void intFromTextWithinIntsRange() {
    assertEquals(Integer.MAX_VALUE, ReceivedValues.intValue("i", "2147483647"));
    assertEquals(Integer.MIN_VALUE, ReceivedValues.intValue("i", "-2147483648"));
    assertEquals(-7, ReceivedValues.intValue("i", "-7"));
    assertEquals(
        "i: is out of range",
        assertRefused("i", () -> ReceivedValues.intValue("i", "2147483648")).getMessage());
    assertEquals(
        "i: is out of range",
        assertRefused("i", () -> ReceivedValues.intValue("i", "-2147483649")).getMessage());
    // A long's form is checked first.
    assertRefused("i", () -> ReceivedValues.intValue("i", "+7"));
    assertRefused("i", () -> ReceivedValues.intValue("i", "07"));
    // Out of int's range by a multiple of 2^32: a cast alone would read 4294967297 as 1.
    assertRefused("i", () -> ReceivedValues.intValue("i", "4294967297"));
  }

  @Test
  void jsonFromTextOrRefusalNamingTheParameter() {
    assertEquals(List.of(new BigDecimal(1), "a"), ReceivedValues.json("j", "[1,\"a\"]"));
    InvalidParameterException e = assertRefused("j", () -> ReceivedValues.json("j", "[1,]"));
    assertEquals("j: not JSON at index 3: unexpected character", e.getMessage());
  }

  // ---------------------------------------------------------------- JSON values

  @Test
  void scalarsOfTheirKind() {
    assertEquals("s", ReceivedValues.string("p", json("\"s\"")));
    assertTrue(ReceivedValues.bool("p", json("true")));
    assertFalse(ReceivedValues.bool("p", json("false")));
    assertEquals(new BigDecimal("1.50"), ReceivedValues.number("p", json("1.50")));
  }

  @Test
  void aValueOfAnotherKindIsRefusedSayingWhichKind() {
    Object[] values = {null, "s", true, new BigDecimal(1), List.of(), Map.of()};
    String[] kinds = {"null", "a string", "a boolean", "a number", "an array", "an object"};
    for (int i = 0; i < values.length; i++) {
      Object value = values[i];
      String kind = kinds[i];
      if (!(value instanceof String)) {
        assertEquals(
            "p: expected a JSON string, not " + kind,
            assertRefused("p", () -> ReceivedValues.string("p", value)).getMessage());
      }
      if (!(value instanceof Boolean)) {
        assertEquals(
            "p: expected true or false, not " + kind,
            assertRefused("p", () -> ReceivedValues.bool("p", value)).getMessage());
      }
      if (!(value instanceof BigDecimal)) {
        assertEquals(
            "p: expected a JSON number, not " + kind,
            assertRefused("p", () -> ReceivedValues.number("p", value)).getMessage());
        assertRefused("p", () -> ReceivedValues.longValue("p", value));
        assertRefused("p", () -> ReceivedValues.intValue("p", value));
        assertRefused("p", () -> ReceivedValues.doubleValue("p", value));
        assertRefused("p", () -> ReceivedValues.bigInteger("p", value));
      }
      if (!(value instanceof List)) {
        assertEquals(
            "p: expected a JSON array, not " + kind,
            assertRefused("p", () -> ReceivedValues.list("p", value)).getMessage());
      }
      if (!(value instanceof Map)) {
        assertEquals(
            "p: expected a JSON object, not " + kind,
            assertRefused("p", () -> ReceivedValues.object("p", value)).getMessage());
      }
    }
  }

  @Test
  void wholeNumbersFromJson() {
    assertEquals(Long.MAX_VALUE, ReceivedValues.longValue("p", json("9223372036854775807")));
    assertEquals(Long.MIN_VALUE, ReceivedValues.longValue("p", json("-9223372036854775808")));
    // The value counts, not the notation: 1.0 and 1e2 are whole numbers.
    assertEquals(1, ReceivedValues.longValue("p", json("1.0")));
    assertEquals(100, ReceivedValues.intValue("p", json("1e2")));
    assertEquals(Integer.MIN_VALUE, ReceivedValues.intValue("p", json("-2147483648")));
    for (String text : new String[] {"1.5", "9223372036854775808", "1e19", "0.1"}) {
      assertEquals(
          "p: expected a whole number within range",
          assertRefused("p", () -> ReceivedValues.longValue("p", json(text))).getMessage());
    }
    for (String text : new String[] {"1.5", "2147483648", "-2147483649", "4294967297"}) {
      assertEquals(
          "p: expected a whole number within range",
          assertRefused("p", () -> ReceivedValues.intValue("p", json(text))).getMessage());
    }
  }

  @Test
  void doublesFromJson() {
    assertEquals(0.1, ReceivedValues.doubleValue("p", json("0.1")));
    assertEquals(-2.5e-300, ReceivedValues.doubleValue("p", json("-2.5e-300")));
    assertEquals(Double.MAX_VALUE, ReceivedValues.doubleValue("p", json("1.7976931348623157e308")));
    // Below the smallest double, a number is zero; above the largest, it is refused.
    assertEquals(0.0, ReceivedValues.doubleValue("p", json("1e-400")));
    for (String text : new String[] {"1e400", "-1e400", "1.8e308"}) {
      assertEquals(
          "p: the number is out of range",
          assertRefused("p", () -> ReceivedValues.doubleValue("p", json(text))).getMessage());
    }
  }

  @Test
  void bigIntegersFromJson() {
    assertEquals(
        new BigInteger("123456789012345678901234567890"),
        ReceivedValues.bigInteger("p", json("123456789012345678901234567890")));
    assertEquals(new BigInteger("-1000"), ReceivedValues.bigInteger("p", json("-1e3")));
    assertEquals(BigInteger.TEN, ReceivedValues.bigInteger("p", json("10.000")));
    assertEquals(
        "p: expected a whole number",
        assertRefused("p", () -> ReceivedValues.bigInteger("p", json("1.5"))).getMessage());
  }

  /**
   * A verifier reads values before it checks the signature, so anyone can send these: written out
   * in full, 1e999999999 is a billion digits. They must be refused, and at once. (number() is asked
   * first, so that a regression fails fast instead of leaving a thread computing.)
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "1e999999999",
        "-1e999999999",
        "1e-999999999",
        "1e2147483647",
        "1e-2147483647",
        "-1e-2147483647",
        "1e10001",
        "1e-10002",
        "1.5e-999999999",
      })
  void numbersFarFromTheDecimalPointAreRefusedAtOnce(String text) {
    Object number = json(text);
    assertTimeoutPreemptively(
        Duration.ofSeconds(5),
        () -> {
          assertEquals(
              "p: the number is out of range",
              assertRefused("p", () -> ReceivedValues.number("p", number)).getMessage());
          // Before the limit, toBigIntegerExact worked these out digit by digit.
          assertRefused("p", () -> ReceivedValues.bigInteger("p", number));
          assertRefused("p", () -> ReceivedValues.longValue("p", number));
          assertRefused("p", () -> ReceivedValues.intValue("p", number));
          assertRefused("p", () -> ReceivedValues.doubleValue("p", number));
        });
  }

  @Test
  void numbersAtTheLimitAreRead() {
    assertEquals(10_000, ReceivedValues.MAX_IMPLIED_ZEROS);
    assertEquals(BigInteger.TEN.pow(10_000), ReceivedValues.bigInteger("p", json("1e10000")));
    assertEquals(BigInteger.TEN.pow(10_001), ReceivedValues.bigInteger("p", json("10e10000")));
    assertEquals(new BigDecimal("1e-10000"), ReceivedValues.number("p", json("1e-10000")));
    assertEquals(new BigDecimal("1e-10001"), ReceivedValues.number("p", json("0.1e-10000")));
    assertEquals(new BigDecimal("12e-10002"), ReceivedValues.number("p", json("12e-10002")));
    assertRefused("p", () -> ReceivedValues.number("p", json("12e-10003")));
    assertRefused("p", () -> ReceivedValues.number("p", json("10e10001")));
  }

  @Test
  void manyDigitsAreNoReasonToRefuse() {
    // The text itself holds every one of them, so writing them out costs no more than reading.
    String digits = "7".repeat(30_000);
    assertEquals(new BigInteger(digits), ReceivedValues.bigInteger("p", json(digits)));
    assertEquals(new BigDecimal("0." + digits), ReceivedValues.number("p", json("0." + digits)));
    assertEquals(
        new BigDecimal(digits + "e-30000"), ReceivedValues.number("p", json(digits + "e-30000")));
  }

  // ---------------------------------------------------------------- containers

  @Test
  void listAndObjectAreTheParsedContainersThemselves() {
    Object list = json("[1,2]");
    assertSame(list, ReceivedValues.list("p", list));
    Object object = json("{\"a\":1}");
    assertSame(object, ReceivedValues.object("p", object));
  }

  @Test
  void listReadsEachElementInOrder() {
    List<String> read =
        ReceivedValues.list("p", json("[\"b\",\"a\",\"b\"]"), e -> ReceivedValues.string("p", e));
    assertEquals(List.of("b", "a", "b"), read);
    assertThrows(UnsupportedOperationException.class, () -> read.add("c"));
    assertEquals(List.of(), ReceivedValues.list("p", json("[]"), e -> e));
    // An element the element reader refuses refuses the whole list.
    assertRefused(
        "p", () -> ReceivedValues.list("p", json("[\"a\",1]"), e -> ReceivedValues.string("p", e)));
    assertRefused("p", () -> ReceivedValues.list("p", json("{}"), e -> e));
  }

  @Test
  void mapReadsEachMemberInTheObjectsOrder() {
    Map<String, Long> read =
        ReceivedValues.map(
            "p",
            json("{\"z\":1,\"a\":2,\"m\":3}"),
            k -> k.toUpperCase(),
            v -> ReceivedValues.longValue("p", v));
    Map<String, Long> expected = new LinkedHashMap<>();
    expected.put("Z", 1L);
    expected.put("A", 2L);
    expected.put("M", 3L);
    assertEquals(expected, read);
    assertEquals(List.copyOf(expected.keySet()), new ArrayList<>(read.keySet()));
    assertThrows(UnsupportedOperationException.class, () -> read.put("X", 4L));
    assertRefused("p", () -> ReceivedValues.map("p", json("[]"), k -> k, v -> v));
    assertRefused(
        "p",
        () ->
            ReceivedValues.map(
                "p", json("{\"a\":\"x\"}"), k -> k, v -> ReceivedValues.longValue("p", v)));
  }

  @Test
  void onlyMembersRefusesTheFirstUnknownMember() {
    Map<String, Object> object = ReceivedValues.object("p", json("{\"a\":1,\"x\":2,\"y\":3}"));
    ReceivedValues.onlyMembers("p", object, List.of("a", "x", "y", "z"));
    ReceivedValues.onlyMembers("p", ReceivedValues.object("p", json("{}")), List.of());
    InvalidParameterException e =
        assertRefused("p", () -> ReceivedValues.onlyMembers("p", object, List.of("a", "y")));
    assertEquals("p: has the unknown member \"x\"", e.getMessage());
  }

  // ---------------------------------------------------------------- written form

  @Test
  void requireWrittenAsAcceptsTheSameTextOrAbsenceOnBothSides() {
    ReceivedValues.requireWrittenAs("p", "1", "1");
    ReceivedValues.requireWrittenAs("p", null, null);
    ReceivedValues.requireWrittenAs("p", "", "");
  }

  @Test
  void requireWrittenAsRefusesAnyOtherText() {
    assertEquals(
        "p: is not written the way this request writes it (expected: 1)",
        assertRefused("p", () -> ReceivedValues.requireWrittenAs("p", "1", "1.0")).getMessage());
    assertEquals(
        "p: is not written the way this request writes it (expected: null)",
        assertRefused("p", () -> ReceivedValues.requireWrittenAs("p", null, "x")).getMessage());
    assertEquals(
        "p: is not written the way this request writes it (expected: x)",
        assertRefused("p", () -> ReceivedValues.requireWrittenAs("p", "x", null)).getMessage());
    // An optional value given as empty text is absent, so its parameter must be left out.
    assertEquals(
        "p: is empty; an absent value is left out of the URL",
        assertRefused("p", () -> ReceivedValues.requireWrittenAs("p", null, "")).getMessage());
    assertRefused("p", () -> ReceivedValues.requireWrittenAs("p", "{\"a\":1}", "{\"a\": 1}"));
  }

  @Test
  void unknownConstantListsTheWireValues() {
    InvalidParameterException e = ReceivedValues.unknownConstant("theme", List.of("vibes", "dawn"));
    assertEquals("theme", e.parameter());
    assertEquals("theme: must be one of vibes, dawn", e.getMessage());
  }
}
