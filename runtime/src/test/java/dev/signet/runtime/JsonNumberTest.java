package dev.signet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link Json#appendNumber} must write numbers as JavaScript's Number#toString does (which is what
 * JSON.stringify writes), since a vendor's JavaScript SDK signs that text.
 */
class JsonNumberTest {

  private static String json(double value) {
    StringBuilder out = new StringBuilder();
    Json.appendNumber(out, value);
    return out.toString();
  }

  /**
   * Each row: a literal that is the same double in Java and in JavaScript, and String(x) in
   * JavaScript (checked in Node.js 20).
   */
  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1.0 | 1",
        "100 | 100",
        "4294967296.0 | 4294967296",
        "0.1 | 0.1",
        "0.30000000000000004 | 0.30000000000000004",
        "0.3333333333333333 | 0.3333333333333333",
        "-2.5 | -2.5",
        "123.456 | 123.456",
        "12345678.9 | 12345678.9",
        "1000000000000000.2 | 1000000000000000.2",
        // Plain notation up to 21 integer digits, then exponent with an explicit +.
        "1e15 | 1000000000000000",
        "1e20 | 100000000000000000000",
        "123e18 | 123000000000000000000",
        "123456789012345680000 | 123456789012345680000",
        "9.999999999999999e20 | 999999999999999900000",
        "999999999999999999999.0 | 1e+21",
        "1e21 | 1e+21",
        "-1e21 | -1e+21",
        "1.23e22 | 1.23e+22",
        "1e23 | 1e+23",
        "2e23 | 2e+23",
        "1e308 | 1e+308",
        "1.7976931348623157e308 | 1.7976931348623157e+308",
        // Plain notation down to 0.000001, then exponent.
        "0.001 | 0.001",
        "1e-5 | 0.00001",
        "1e-6 | 0.000001",
        "0.000001 | 0.000001",
        "1.1e-6 | 0.0000011",
        "1.5e-6 | 0.0000015",
        "0.000001234 | 0.000001234",
        "1e-7 | 1e-7",
        "-1e-7 | -1e-7",
        "5e-7 | 5e-7",
        "1.5e-7 | 1.5e-7",
        "3.0e-10 | 3e-10",
        "1.7976931348623157e-300 | 1.7976931348623157e-300",
        "2.2250738585072014e-308 | 2.2250738585072014e-308",
        // Subnormals: the shortest digits can be a single one.
        "4.9e-324 | 5e-324",
        "1.0e-323 | 1e-323",
        "1.5e-323 | 1.5e-323",
        "1.18575755e-316 | 1.18575755e-316",
        // Double.toString before Java 19 gives 18 digits here (2.82879384806159008E17).
        "2.82879384806159e17 | 282879384806159000",
        // Beyond 2^53 the literal rounds to an even neighbour.
        "9007199254740993.0 | 9007199254740992",
        "9007199254740994.0 | 9007199254740994",
      })
  void writesAsJavascript(String literal, String javascript) {
    assertEquals(javascript, json(Double.parseDouble(literal)));
  }

  @Test
  void extremesByName() {
    assertEquals("1.7976931348623157e+308", json(Double.MAX_VALUE));
    assertEquals("-1.7976931348623157e+308", json(-Double.MAX_VALUE));
    assertEquals("5e-324", json(Double.MIN_VALUE));
    assertEquals("2.2250738585072014e-308", json(Double.MIN_NORMAL));
  }

  @Test
  void zeroOfEitherSignIsZero() {
    // String(-0) === "0" and JSON.stringify(-0) === "0".
    assertEquals("0", json(0.0));
    assertEquals("0", json(-0.0));
  }

  @ParameterizedTest
  @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void refusesWhatJsonCannotHold(double value) {
    StringBuilder out = new StringBuilder("x");
    assertThrows(IllegalArgumentException.class, () -> Json.appendNumber(out, value));
    assertEquals("x", out.toString(), "nothing appended");
  }

  /**
   * 6308 doubles (random bit patterns, short decimals at every scale, small subnormals, values
   * around the notation thresholds, powers of two) with String(x) as Node.js wrote it: see
   * javascript-numbers.js beside the table, which made it.
   */
  @Test
  void matchesNodeJsOnAGeneratedTable() throws IOException {
    List<String> lines = resourceLines("javascript-numbers.txt");
    assertTrue(lines.size() > 6000, "table has " + lines.size() + " lines");
    for (String line : lines) {
      String[] columns = line.split("\t");
      double value = Double.longBitsToDouble(Long.parseUnsignedLong(columns[0], 16));
      assertEquals(columns[1], json(value), "bits " + columns[0]);
    }
  }

  @Test
  void appendsToWhatIsAlreadyThere() {
    StringBuilder out = new StringBuilder("[");
    Json.appendNumber(out, 2.5);
    out.append(',');
    Json.appendNumber(out, -7L);
    assertEquals("[2.5,-7", out.toString());
  }

  @Test
  void longsAreWrittenInFull() {
    StringBuilder out = new StringBuilder();
    Json.appendNumber(out, Long.MIN_VALUE);
    out.append(' ');
    Json.appendNumber(out, 0L);
    out.append(' ');
    Json.appendNumber(out, Long.MAX_VALUE);
    assertEquals("-9223372036854775808 0 9223372036854775807", out.toString());
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1.500 | 1.5",
        "0 | 0",
        "0.000 | 0",
        "0E+5 | 0",
        "-0.00100 | -0.001",
        "1E+3 | 1000",
        "100 | 100",
        "12345678901234567890.123456789 | 12345678901234567890.123456789",
        "1E-10 | 0.0000000001",
      })
  void bigDecimalsInPlainNotationWithoutTrailingZeros(String value, String expected) {
    StringBuilder out = new StringBuilder();
    Json.appendNumber(out, new BigDecimal(value));
    assertEquals(expected, out.toString());
  }

  /** A JsonWritable composes strings and numbers into JSON that parses as intended. */
  @Test
  void jsonWritableComposesValues() throws IOException {
    JsonWritable pair =
        out -> {
          out.append('[');
          Json.appendString(out, "a\"\n");
          out.append(',');
          Json.appendNumber(out, 1e21);
          out.append(']');
        };
    StringBuilder out = new StringBuilder();
    pair.writeJson(out);
    assertEquals("[\"a\\\"\\n\",1e+21]", out.toString());
    JsonNode parsed = new ObjectMapper().readTree(out.toString());
    assertEquals("a\"\n", parsed.get(0).textValue());
    assertEquals(1e21, parsed.get(1).doubleValue());
  }

  private static List<String> resourceLines(String name) throws IOException {
    try (InputStream in = JsonNumberTest.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IOException("missing test resource " + name);
      }
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
        return reader.lines().collect(java.util.stream.Collectors.toList());
      }
    }
  }
}
