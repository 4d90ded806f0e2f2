package dev.signet.codatum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NotebookParamTypesTest {

  @Test
  void wholeNumbersWithinWhatAJavaScriptNumberHoldsExactly() {
    assertEquals(9007199254740991L, NotebookParamTypes.wholeNumber("n", "id", 9007199254740991L));
    assertEquals(-9007199254740991L, NotebookParamTypes.wholeNumber("n", "id", -9007199254740991L));
    for (long beyond : new long[] {9007199254740992L, Long.MIN_VALUE, Long.MAX_VALUE}) {
      NotebookParamException refused =
          assertThrows(
              NotebookParamException.class,
              () -> NotebookParamTypes.wholeNumber("n", "id", beyond));
      assertEquals(NotebookParamException.Kind.INVALID_PARAM_VALUE, refused.kind());
    }
  }

  @Test
  void intsAndLongsMustBeWhole() {
    assertEquals(7, NotebookParamTypes.intNumber("n", "id", 7.0));
    assertThrows(NotebookParamException.class, () -> NotebookParamTypes.intNumber("n", "id", 7.5));
    assertThrows(NotebookParamException.class, () -> NotebookParamTypes.intNumber("n", "id", 3e9));
    assertEquals(3_000_000_000L, NotebookParamTypes.longNumber("n", "id", 3e9));
    assertThrows(
        NotebookParamException.class, () -> NotebookParamTypes.longNumber("n", "id", 1e16));
    assertThrows(
        NotebookParamException.class,
        () -> NotebookParamTypes.longNumber("n", "id", Double.POSITIVE_INFINITY));
  }

  @Test
  void datesAndRanges() {
    assertEquals("2025-01-31", NotebookParamTypes.date(LocalDate.of(2025, 1, 31)));
    assertEquals(
        List.of("2025-02-01", "2025-01-01"),
        NotebookParamTypes.dateRange(
            DateRange.of(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 1, 1))));
    assertEquals(
        DateRange.of(LocalDate.of(2024, 2, 29), LocalDate.of(2025, 1, 1)),
        NotebookParamTypes.dateRange("r", "id", List.of("2024-02-29", "2025-01-01")));
    NotebookParamException refused =
        assertThrows(
            NotebookParamException.class,
            () -> NotebookParamTypes.dateRange("r", "id", List.of("2025-02-29", "2025-03-01")));
    assertEquals("r: must be a day of the calendar, not 2025-02-29", refused.getMessage());
  }

  @Test
  void putsPresentValuesAndResets() {
    Map<String, Object> values = new LinkedHashMap<>();
    NotebookParamTypes.putOptional(values, "a", Optional.empty());
    NotebookParamTypes.putOptional(
        values, "b", Optional.of(LocalDate.of(2025, 1, 1)), NotebookParamTypes::date);
    NotebookParamTypes.putParamValue(values, "c", ParamValue.absent());
    NotebookParamTypes.putParamValue(
        values, "d", ParamValue.resetToDefault(), NotebookParamTypes::date);
    NotebookParamTypes.putParamValue(values, "e", ParamValue.of("x"));
    NotebookParamTypes.putOptional(values, "f", null);
    assertEquals(
        Map.of("b", "2025-01-01", "d", NotebookParamMapper.RESET_TO_DEFAULT, "e", "x"), values);
  }

  @Test
  void paramValueStates() {
    assertTrue(ParamValue.absent().isAbsent());
    assertTrue(ParamValue.resetToDefault().isResetToDefault());
    assertEquals("x", ParamValue.of("x").get());
    assertEquals(ParamValue.of("x"), ParamValue.ofOptional(Optional.of("x")));
    assertEquals(ParamValue.absent(), ParamValue.ofOptional(Optional.empty()));
    assertThrows(NoSuchElementException.class, () -> ParamValue.resetToDefault().get());
    assertThrows(NullPointerException.class, () -> ParamValue.of(null));
    assertEquals("ParamValue[reset to default]", ParamValue.resetToDefault().toString());
  }

  @Test
  void intsReachBothEndsOfTheirRange() {
    assertEquals(Integer.MAX_VALUE, NotebookParamTypes.intNumber("n", "id", 2147483647.0));
    assertEquals(Integer.MIN_VALUE, NotebookParamTypes.intNumber("n", "id", -2147483648.0));
    assertEquals(0, NotebookParamTypes.intNumber("n", "id", -0.0));
    // Numbers in JavaScript's notation: 2147483648, not 2.147483648E9.
    String[][] cases = {
      {"2147483648", "2147483648"},
      {"-2147483649", "-2147483649"},
      {"0.5", "0.5"},
      {"1e21", "1e+21"},
      {"1e-7", "1e-7"},
    };
    for (String[] c : cases) {
      double beyond = Double.parseDouble(c[0]);
      NotebookParamException refused =
          assertThrows(
              NotebookParamException.class,
              () -> NotebookParamTypes.intNumber("n", "id-n", beyond));
      assertEquals(NotebookParamException.Kind.INVALID_PARAM_VALUE, refused.kind());
      assertEquals("id-n", refused.paramId());
      assertEquals("n: must be a whole number that fits an int, not " + c[1], refused.getMessage());
    }
    NotebookParamException nan =
        assertThrows(
            NotebookParamException.class,
            () -> NotebookParamTypes.intNumber("n", "id-n", Double.NaN));
    assertEquals("n: must be a whole number that fits an int, not NaN", nan.getMessage());
  }

  @Test
  void longsReachTheLargestSafeInteger() {
    assertEquals(9007199254740991L, NotebookParamTypes.longNumber("n", "id", 9007199254740991.0));
    assertEquals(-9007199254740991L, NotebookParamTypes.longNumber("n", "id", -9007199254740991.0));
    String[][] cases = {
      {"9007199254740992", "9007199254740992"},
      {"-9007199254740992", "-9007199254740992"},
      {"0.5", "0.5"},
      {"1e300", "1e+300"},
      {"Infinity", "Infinity"},
    };
    for (String[] c : cases) {
      double beyond = Double.parseDouble(c[0]);
      NotebookParamException refused =
          assertThrows(
              NotebookParamException.class, () -> NotebookParamTypes.longNumber("n", "id", beyond));
      assertEquals(
          "n: must be a whole number within \u00b1(2^53 - 1), not " + c[1], refused.getMessage());
    }
  }

  @Test
  void wholeNumbersBeyondTheSafeRangeAreNamedInTheRefusal() {
    NotebookParamException refused =
        assertThrows(
            NotebookParamException.class,
            () -> NotebookParamTypes.wholeNumber("n", "id-n", -9007199254740992L));
    assertEquals(
        "n: must be within \u00b1(2^53 - 1), which a JavaScript number holds exactly, not"
            + " -9007199254740992",
        refused.getMessage());
    assertEquals("id-n", refused.paramId());
  }

  @Test
  void decodedPlainValuesAreCastToTheirTypes() {
    assertEquals("x", NotebookParamTypes.string("x"));
    assertTrue(NotebookParamTypes.bool(Boolean.TRUE));
    assertEquals(false, NotebookParamTypes.bool(Boolean.FALSE));
    assertEquals(2.5, NotebookParamTypes.number(2.5));
    assertEquals(List.of("a", "b"), NotebookParamTypes.strings(List.of("a", "b")));
    assertEquals(LocalDate.of(2024, 2, 29), NotebookParamTypes.localDate("d", "id", "2024-02-29"));
    NotebookParamException refused =
        assertThrows(
            NotebookParamException.class,
            () -> NotebookParamTypes.localDate("d", "id-d", "2025-13-01"));
    assertEquals("d: must be a day of the calendar, not 2025-13-01", refused.getMessage());
    assertEquals(NotebookParamException.Kind.INVALID_PARAM_VALUE, refused.kind());
    assertEquals("id-d", refused.paramId());
  }

  @Test
  void putOptionalWithoutAConversionPutsTheValueItself() {
    Map<String, Object> values = new LinkedHashMap<>();
    NotebookParamTypes.putOptional(values, "a", Optional.of(42));
    NotebookParamTypes.putOptional(values, "b", Optional.empty());
    NotebookParamTypes.putParamValue(values, "c", ParamValue.resetToDefault());
    NotebookParamTypes.putParamValue(values, "d", ParamValue.of(List.of("x")));
    NotebookParamTypes.putParamValue(values, "e", null);
    NotebookParamTypes.putParamValue(
        values, "f", ParamValue.of(LocalDate.of(2025, 3, 4)), NotebookParamTypes::date);
    assertEquals(
        Map.of(
            "a",
            42,
            "c",
            NotebookParamMapper.RESET_TO_DEFAULT,
            "d",
            List.of("x"),
            "f",
            "2025-03-04"),
        values);
  }
}
