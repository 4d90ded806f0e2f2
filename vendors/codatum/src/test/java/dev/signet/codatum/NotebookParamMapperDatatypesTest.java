package dev.signet.codatum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.codatum.NotebookParamException.Kind;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each datatype of {@link NotebookParamMapper} one at a time: what encoding writes, what decoding
 * gives back, and what the messages of refusals say about the value at fault.
 */
class NotebookParamMapperDatatypesTest {

  private static NotebookParamMapper.Param param(String key, ParamDatatype datatype) {
    return new NotebookParamMapper.Param(key, "id-" + key, datatype, false, false);
  }

  /** A mapper of one optional, visible parameter {@code p} (id {@code id-p}). */
  private static NotebookParamMapper only(ParamDatatype datatype) {
    return NotebookParamMapper.of(List.of(param("p", datatype)));
  }

  /** The param_value that encoding {@code value} under {@code datatype} gives. */
  private static String encoded(ParamDatatype datatype, Object value) {
    List<EncodedParam> params = only(datatype).encode(Map.of("p", value));
    assertEquals(1, params.size());
    assertEquals("id-p", params.get(0).paramId());
    return params.get(0).paramValue();
  }

  /** The value that decoding {@code paramValue} under {@code datatype} gives. */
  private static Object decoded(ParamDatatype datatype, String paramValue) {
    Map<String, Object> values =
        only(datatype).decode(List.of(new EncodedParam("id-p", paramValue, false)));
    assertEquals(List.of("p"), List.copyOf(values.keySet()));
    return values.get("p");
  }

  /** The message of an {@code INVALID_PARAM_VALUE} refusal to encode {@code value}. */
  private static String encodingRefusal(ParamDatatype datatype, Object value) {
    NotebookParamException refused =
        assertThrows(NotebookParamException.class, () -> only(datatype).encode(Map.of("p", value)));
    assertEquals(Kind.INVALID_PARAM_VALUE, refused.kind());
    assertEquals("p", refused.param());
    assertEquals("id-p", refused.paramId());
    return refused.getMessage();
  }

  /** The message of an {@code INVALID_PARAM_VALUE} refusal to decode {@code paramValue}. */
  private static String decodingRefusal(ParamDatatype datatype, String paramValue) {
    NotebookParamException refused =
        assertThrows(
            NotebookParamException.class,
            () -> only(datatype).decode(List.of(new EncodedParam("id-p", paramValue, false))));
    assertEquals(Kind.INVALID_PARAM_VALUE, refused.kind());
    assertEquals("p", refused.param());
    assertEquals("id-p", refused.paramId());
    return refused.getMessage();
  }

  // ---- definitions

  @Test
  void theDefinitionsAreKeptInOrder() {
    List<NotebookParamMapper.Param> definitions = new ArrayList<>();
    definitions.add(param("b", ParamDatatype.STRING));
    definitions.add(param("a", ParamDatatype.NUMBER));
    definitions.add(param("c", ParamDatatype.DATE_RANGE));
    NotebookParamMapper mapper = NotebookParamMapper.of(definitions);
    definitions.clear();
    assertEquals(
        List.of(
            param("b", ParamDatatype.STRING),
            param("a", ParamDatatype.NUMBER),
            param("c", ParamDatatype.DATE_RANGE)),
        mapper.params());
    assertThrows(UnsupportedOperationException.class, () -> mapper.params().clear());
  }

  @Test
  void duplicateDefinitionsAreNamedInTheRefusal() {
    IllegalArgumentException sameKey =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                NotebookParamMapper.of(
                    List.of(
                        param("store", ParamDatatype.STRING),
                        new NotebookParamMapper.Param(
                            "store", "other", ParamDatatype.STRING, false, false))));
    assertEquals("the key store is defined twice", sameKey.getMessage());
    IllegalArgumentException sameId =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                NotebookParamMapper.of(
                    List.of(
                        param("store", ParamDatatype.STRING),
                        new NotebookParamMapper.Param(
                            "shop", "id-store", ParamDatatype.STRING, false, false))));
    assertEquals("shop: the param id id-store is mapped twice", sameId.getMessage());
  }

  @Test
  void anEmptyMapperEncodesAndDecodesNothing() {
    NotebookParamMapper none = NotebookParamMapper.of(List.of());
    assertEquals(List.of(), none.params());
    assertEquals(List.of(), none.encode(Map.of("p", "x")));
    assertEquals(Map.of(), none.decode(List.of(new EncodedParam("id-p", "\"x\"", false))));
  }

  // ---- encoding, datatype by datatype

  @Test
  void stringsAreWrittenAsJsonStrings() {
    assertEquals("\"store_001\"", encoded(ParamDatatype.STRING, "store_001"));
    assertEquals("\"\"", encoded(ParamDatatype.STRING, ""));
    assertEquals("\"a \\\"b\\\"\\n\\\\c\"", encoded(ParamDatatype.STRING, "a \"b\"\n\\c"));
  }

  @Test
  void datesAreWrittenAsJsonStrings() {
    assertEquals("\"2025-01-31\"", encoded(ParamDatatype.DATE, "2025-01-31"));
    // Checked as text only, as the official mapper checks it.
    assertEquals("\"2026-02-31\"", encoded(ParamDatatype.DATE, "2026-02-31"));
    assertEquals("\"0000-00-00\"", encoded(ParamDatatype.DATE, "0000-00-00"));
    assertEquals("\"9999-99-99\"", encoded(ParamDatatype.DATE, "9999-99-99"));
  }

  @Test
  void booleansAreWrittenAsJsonBooleans() {
    assertEquals("true", encoded(ParamDatatype.BOOLEAN, true));
    assertEquals("false", encoded(ParamDatatype.BOOLEAN, Boolean.FALSE));
  }

  @Test
  void numbersAreWrittenAsJavaScriptWritesThem() {
    assertEquals("1.5", encoded(ParamDatatype.NUMBER, 1.5));
    assertEquals("-7", encoded(ParamDatatype.NUMBER, -7));
    assertEquals("0", encoded(ParamDatatype.NUMBER, -0.0));
    assertEquals("1e-7", encoded(ParamDatatype.NUMBER, 1e-7));
  }

  @Test
  void stringArraysAreWrittenAsJsonArrays() {
    assertEquals("[]", encoded(ParamDatatype.STRING_ARRAY, List.of()));
    assertEquals("[\"a\"]", encoded(ParamDatatype.STRING_ARRAY, List.of("a")));
    assertEquals(
        "[\"a\",\"b \\\"c\\\"\",\"\"]",
        encoded(ParamDatatype.STRING_ARRAY, List.of("a", "b \"c\"", "")));
    // Any text: a list of strings is not a list of dates.
    assertEquals(
        "[\"not a date\",\"2025-01-01\"]",
        encoded(ParamDatatype.STRING_ARRAY, List.of("not a date", "2025-01-01")));
  }

  @Test
  void dateRangesAreWrittenAsJsonArraysOfTwoDates() {
    assertEquals(
        "[\"2025-01-01\",\"2025-01-31\"]",
        encoded(ParamDatatype.DATE_RANGE, List.of("2025-01-01", "2025-01-31")));
    // The start need not precede the end.
    assertEquals(
        "[\"2025-12-31\",\"2025-01-01\"]",
        encoded(ParamDatatype.DATE_RANGE, List.of("2025-12-31", "2025-01-01")));
  }

  @Test
  void aResetIsWrittenAsTheMarkerWhateverTheDatatype() {
    for (ParamDatatype datatype : ParamDatatype.values()) {
      NotebookParamMapper mapper =
          NotebookParamMapper.of(
              List.of(new NotebookParamMapper.Param("p", "id-p", datatype, true, true)));
      assertEquals(
          List.of(new EncodedParam("id-p", NotebookParamMapper.RESET_TO_DEFAULT, true)),
          mapper.encode(Map.of("p", NotebookParamMapper.RESET_TO_DEFAULT)),
          datatype.name());
    }
  }

  @Test
  void encodingFollowsTheOrderOfTheDefinitionsAndCarriesHidden() {
    NotebookParamMapper mapper =
        NotebookParamMapper.of(
            List.of(
                new NotebookParamMapper.Param("z", "id-z", ParamDatatype.BOOLEAN, false, true),
                new NotebookParamMapper.Param("a", "id-a", ParamDatatype.NUMBER, false, false)));
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("a", 1);
    values.put("z", false);
    assertEquals(
        List.of(new EncodedParam("id-z", "false", true), new EncodedParam("id-a", "1", false)),
        mapper.encode(values));
  }

  // ---- refusals when encoding: the message shows the value at fault

  @Test
  void aStringParamRefusesOtherValuesSayingWhatTheyAre() {
    assertEquals(
        "p: must be a string, not the number 42", encodingRefusal(ParamDatatype.STRING, 42));
    assertEquals(
        "p: must be a string, not the boolean true", encodingRefusal(ParamDatatype.STRING, true));
    assertEquals(
        "p: must be a string, not a list of 2",
        encodingRefusal(ParamDatatype.STRING, List.of("a", "b")));
    assertEquals(
        "p: must be a string, not an object", encodingRefusal(ParamDatatype.STRING, Map.of()));
    assertEquals(
        "p: must be a string, not a LocalDate",
        encodingRefusal(ParamDatatype.STRING, LocalDate.of(2025, 1, 1)));
  }

  @Test
  void aBooleanParamRefusesText() {
    assertEquals(
        "p: must be a boolean, not the string \"true\"",
        encodingRefusal(ParamDatatype.BOOLEAN, "true"));
    assertEquals(
        "p: must be a boolean, not the number 1", encodingRefusal(ParamDatatype.BOOLEAN, 1));
  }

  @Test
  void aNumberParamRefusesTextAndNaN() {
    assertEquals(
        "p: must be a number, not the string \"7\"", encodingRefusal(ParamDatatype.NUMBER, "7"));
    assertEquals(
        "p: must be a number, not the boolean false", encodingRefusal(ParamDatatype.NUMBER, false));
    assertEquals(
        "p: must be a finite number, not NaN", encodingRefusal(ParamDatatype.NUMBER, Double.NaN));
    assertEquals(
        "p: must be a finite number, not -Infinity",
        encodingRefusal(ParamDatatype.NUMBER, Float.NEGATIVE_INFINITY));
  }

  @Test
  void aNumberBeyondWhatJavaScriptHoldsIsRefusedForThatReason() {
    String limit =
        "p: must be within \u00b11.7976931348623157e+308, which a JavaScript number can hold,";
    assertEquals(
        limit + " not a number of 401 digits",
        encodingRefusal(ParamDatatype.NUMBER, BigInteger.TEN.pow(400)));
    assertEquals(
        limit + " not a negative number of 401 digits",
        encodingRefusal(ParamDatatype.NUMBER, BigInteger.TEN.pow(400).negate()));
    assertEquals(
        limit + " not a number of 401 digits",
        encodingRefusal(ParamDatatype.NUMBER, new BigDecimal("1.5e400")));
    assertEquals(
        limit + " not a negative number of 309 digits",
        encodingRefusal(ParamDatatype.NUMBER, new BigDecimal("-1.8e308")));
  }

  @Test
  void aNumberThatRoundsToTheLargestDoubleIsWrittenAsJavaScriptWouldReadIt() {
    BigDecimal largest = new BigDecimal(Double.MAX_VALUE);
    assertEquals("1.7976931348623157e+308", encoded(ParamDatatype.NUMBER, largest));
    assertEquals(
        "-1.7976931348623157e+308",
        encoded(ParamDatatype.NUMBER, largest.add(BigDecimal.ONE).negate().toBigInteger()));
  }

  @Test
  void numbersInRefusalsAreWrittenAsJavaScriptWritesThem() {
    assertEquals(
        "p: must be a boolean, not the number 1e+21", encodingRefusal(ParamDatatype.BOOLEAN, 1e21));
    assertEquals(
        "p: must be a boolean, not the number 1", encodingRefusal(ParamDatatype.BOOLEAN, 1.0));
    assertEquals(
        "p: must be a string, not the number 2147483648",
        encodingRefusal(ParamDatatype.STRING, 2147483648.0));
    assertEquals(
        "p: must be a date (YYYY-MM-DD), not the number 1e-7",
        encodingRefusal(ParamDatatype.DATE, new BigDecimal("1E-7")));
    assertEquals(
        "p: must be a list of strings, but holds the number 0.5",
        encodingRefusal(ParamDatatype.STRING_ARRAY, List.of(0.5f)));
    // Integers as they are, as JavaScript writes a BigInt.
    assertEquals(
        "p: must be a boolean, not the number 12345678901234567890",
        encodingRefusal(ParamDatatype.BOOLEAN, new BigInteger("12345678901234567890")));
    // JSON read as JavaScript's JSON.parse reads it.
    assertEquals(
        "p: must be a boolean, not the number 1e+21",
        decodingRefusal(ParamDatatype.BOOLEAN, "1e21"));
    assertEquals(
        "p: must be a string, not the number 1.5", decodingRefusal(ParamDatatype.STRING, "1.50"));
    assertEquals(
        "p: must be a list of strings, but holds the number 100",
        decodingRefusal(ParamDatatype.STRING_ARRAY, "[1E2]"));
  }

  @Test
  void longStringsAreShortenedInMessagesToFortyCharacters() {
    String forty = "abcdefghijklmnopqrstuvwxyz0123456789ABCD";
    assertEquals(40, forty.length());
    assertEquals(
        "p: must be a date (YYYY-MM-DD), not the string \"" + forty + "\"",
        encodingRefusal(ParamDatatype.DATE, forty));
    assertEquals(
        "p: must be a date (YYYY-MM-DD), not the string \"" + forty + "…\"",
        encodingRefusal(ParamDatatype.DATE, forty + "E"));
    // Quoted as JSON, so that a line break in the value cannot break the message.
    assertEquals(
        "p: must be a date (YYYY-MM-DD), not the string \"2025-01-01\\n\"",
        encodingRefusal(ParamDatatype.DATE, "2025-01-01\n"));
  }

  @Test
  void aDateParamRefusesWhatIsNotADate() {
    assertEquals(
        "p: must be a date (YYYY-MM-DD), not the number 20250101",
        encodingRefusal(ParamDatatype.DATE, 20250101));
    assertEquals(
        "p: must be a date (YYYY-MM-DD), not a LocalDate",
        encodingRefusal(ParamDatatype.DATE, LocalDate.of(2025, 1, 1)));
    assertEquals(
        "p: must be a date (YYYY-MM-DD), not the string \"2025-1-01\"",
        encodingRefusal(ParamDatatype.DATE, "2025-1-01"));
  }

  @Test
  void aStringArrayParamRefusesWhatIsNotAListOfStrings() {
    assertEquals(
        "p: must be a list of strings, not the string \"a\"",
        encodingRefusal(ParamDatatype.STRING_ARRAY, "a"));
    assertEquals(
        "p: must be a list of strings, but holds the number 1",
        encodingRefusal(ParamDatatype.STRING_ARRAY, List.of("a", 1)));
    assertEquals(
        "p: must be a list of strings, but holds null",
        encodingRefusal(ParamDatatype.STRING_ARRAY, Arrays.asList("a", null)));
  }

  @Test
  void aDateRangeParamRefusesAnythingButTwoDates() {
    assertEquals(
        "p: must be a list of two dates (YYYY-MM-DD), not a list of 1",
        encodingRefusal(ParamDatatype.DATE_RANGE, List.of("2025-01-01")));
    assertEquals(
        "p: must be a list of two dates (YYYY-MM-DD), not a list of 3",
        encodingRefusal(
            ParamDatatype.DATE_RANGE, List.of("2025-01-01", "2025-01-02", "2025-01-03")));
    assertEquals(
        "p: must be a list of two dates (YYYY-MM-DD), not the string \"2025-01-01\"",
        encodingRefusal(ParamDatatype.DATE_RANGE, "2025-01-01"));
    assertEquals(
        "p: must be a list of two dates (YYYY-MM-DD), but holds the string \"x\"",
        encodingRefusal(ParamDatatype.DATE_RANGE, List.of("2025-01-01", "x")));
    assertEquals(
        "p: must be a list of two dates (YYYY-MM-DD), but holds the string \"2025/01/01\"",
        encodingRefusal(ParamDatatype.DATE_RANGE, List.of("2025/01/01", "2025-01-02")));
  }

  @Test
  void aRequiredParamWithoutAValueIsMissing() {
    NotebookParamMapper mapper =
        NotebookParamMapper.of(
            List.of(new NotebookParamMapper.Param("p", "id-p", ParamDatatype.STRING, true, false)));
    NotebookParamException missing =
        assertThrows(NotebookParamException.class, () -> mapper.encode(Map.of()));
    assertEquals(Kind.MISSING_REQUIRED_PARAM, missing.kind());
    assertEquals("p: is required but has no value", missing.getMessage());
    assertEquals("id-p", missing.paramId());
  }

  // ---- decoding, datatype by datatype

  @Test
  void decodingGivesPlainJavaValues() {
    assertEquals("a \"b\"", decoded(ParamDatatype.STRING, "\"a \\\"b\\\"\""));
    assertEquals("2025-01-31", decoded(ParamDatatype.DATE, "\"2025-01-31\""));
    assertEquals(Boolean.TRUE, decoded(ParamDatatype.BOOLEAN, "true"));
    assertEquals(Boolean.FALSE, decoded(ParamDatatype.BOOLEAN, "false"));
    assertEquals(1.5, decoded(ParamDatatype.NUMBER, "1.5"));
    assertEquals(1e21, decoded(ParamDatatype.NUMBER, "1e+21"));
    // The nearest double, as JavaScript's JSON.parse reads it.
    assertEquals(0.1, decoded(ParamDatatype.NUMBER, "0.1000000000000000000001"));
    assertEquals(List.of(), decoded(ParamDatatype.STRING_ARRAY, "[]"));
    assertEquals(List.of("a", "b"), decoded(ParamDatatype.STRING_ARRAY, "[\"a\", \"b\"]"));
    assertEquals(
        List.of("2025-02-01", "2025-01-01"),
        decoded(ParamDatatype.DATE_RANGE, "[\"2025-02-01\",\"2025-01-01\"]"));
  }

  @Test
  void decodedListsCannotBeChanged() {
    @SuppressWarnings("unchecked")
    List<String> list = (List<String>) decoded(ParamDatatype.STRING_ARRAY, "[\"a\"]");
    assertThrows(UnsupportedOperationException.class, () -> list.add("b"));
    Map<String, Object> values =
        only(ParamDatatype.STRING).decode(List.of(new EncodedParam("id-p", "\"x\"", false)));
    assertThrows(UnsupportedOperationException.class, () -> values.put("q", "y"));
  }

  @Test
  void decodingChecksEachDatatype() {
    assertEquals("p: must be a string, not null", decodingRefusal(ParamDatatype.STRING, "null"));
    assertEquals("p: must be a string, not an object", decodingRefusal(ParamDatatype.STRING, "{}"));
    assertEquals(
        "p: must be a boolean, not the string \"true\"",
        decodingRefusal(ParamDatatype.BOOLEAN, "\"true\""));
    assertEquals(
        "p: must be a number, not the string \"7\"",
        decodingRefusal(ParamDatatype.NUMBER, "\"7\""));
    assertEquals(
        "p: must be a number, not a list of 1", decodingRefusal(ParamDatatype.NUMBER, "[7]"));
    assertEquals(
        "p: must be a date (YYYY-MM-DD), not the boolean true",
        decodingRefusal(ParamDatatype.DATE, "true"));
    assertEquals(
        "p: must be a list of strings, but holds the number 1",
        decodingRefusal(ParamDatatype.STRING_ARRAY, "[\"a\",1]"));
    assertEquals(
        "p: must be a list of strings, not the string \"a\"",
        decodingRefusal(ParamDatatype.STRING_ARRAY, "\"a\""));
    assertEquals(
        "p: must be a list of two dates (YYYY-MM-DD), not a list of 3",
        decodingRefusal(
            ParamDatatype.DATE_RANGE, "[\"2025-01-01\",\"2025-01-02\",\"2025-01-03\"]"));
    assertEquals(
        "p: must be a list of two dates (YYYY-MM-DD), but holds the string \"2025-01-1\"",
        decodingRefusal(ParamDatatype.DATE_RANGE, "[\"2025-01-01\",\"2025-01-1\"]"));
  }

  @Test
  void decodingSaysWhyAParamValueIsNotJson() {
    String message = decodingRefusal(ParamDatatype.STRING, "store_001");
    assertTrue(message.startsWith("p: its param_value is not JSON ("), message);
  }

  @Test
  void decodingLeavesOutResetsAndSaysWhyARequiredParamIsMissing() {
    NotebookParamMapper mapper =
        NotebookParamMapper.of(
            List.of(
                new NotebookParamMapper.Param("opt", "id-opt", ParamDatatype.NUMBER, false, false),
                new NotebookParamMapper.Param("req", "id-req", ParamDatatype.STRING, true, false)));
    EncodedParam resetOpt = new EncodedParam("id-opt", NotebookParamMapper.RESET_TO_DEFAULT, false);
    assertEquals(
        Map.of("req", "x"),
        mapper.decode(List.of(resetOpt, new EncodedParam("id-req", "\"x\"", false))));

    NotebookParamException lacking =
        assertThrows(NotebookParamException.class, () -> mapper.decode(List.of(resetOpt)));
    assertEquals(Kind.MISSING_REQUIRED_PARAM, lacking.kind());
    assertEquals("req: is required but the params lack it", lacking.getMessage());
    assertEquals("id-req", lacking.paramId());

    NotebookParamException reset =
        assertThrows(
            NotebookParamException.class,
            () ->
                mapper.decode(
                    List.of(
                        new EncodedParam("id-req", NotebookParamMapper.RESET_TO_DEFAULT, true))));
    assertEquals(Kind.MISSING_REQUIRED_PARAM, reset.kind());
    assertEquals("req: is required but the params reset it to its default", reset.getMessage());
  }

  @Test
  void decodingFollowsTheOrderOfTheDefinitions() {
    NotebookParamMapper mapper =
        NotebookParamMapper.of(
            List.of(param("z", ParamDatatype.BOOLEAN), param("a", ParamDatatype.STRING)));
    Map<String, Object> values =
        mapper.decode(
            List.of(
                new EncodedParam("id-a", "\"x\"", false), new EncodedParam("id-z", "true", true)));
    assertEquals(List.of("z", "a"), List.copyOf(values.keySet()));
    Map<String, Object> expected = new HashMap<>();
    expected.put("z", true);
    expected.put("a", "x");
    assertEquals(expected, values);
  }

  // ---- the date check

  @ParameterizedTest
  @ValueSource(strings = {"2025-01-31", "0000-00-00", "9999-99-99", "2019-09-09", "1980-10-01"})
  void datesAreFourTwoAndTwoDigits(String date) {
    assertTrue(NotebookParamMapper.isDateText(date));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "2025-01-3",
        "2025-01-311",
        "02025-01-31",
        "2025/01/31",
        "2025x01-31",
        "2025-01x31",
        "20250-1-31",
        "2025-010-3",
        "2025-01-3/",
        "2025-01-3:",
        "/025-01-31",
        ":025-01-31",
        "2025-0a-31",
        "\u0662025-01-31" // ARABIC-INDIC DIGIT TWO: a digit, but not 0-9
      })
  void otherTextIsNoDate(String text) {
    assertFalse(NotebookParamMapper.isDateText(text), text);
  }
}
