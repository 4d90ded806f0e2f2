package dev.signet.codatum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The small value types of notebook parameters: {@link ParamValue}, {@link EncodedParam}, and co.
 */
class ParamValueTest {

  // ---- ParamValue: present, absent or reset

  @Test
  void aPresentValueIsNeitherAbsentNorReset() {
    ParamValue<String> present = ParamValue.of("x");
    assertTrue(present.isPresent());
    assertFalse(present.isAbsent());
    assertFalse(present.isResetToDefault());
    assertEquals(Optional.of("x"), present.value());
    assertEquals("x", present.get());
    assertEquals("ParamValue[x]", present.toString());
  }

  @Test
  void anAbsentValueHasNoValue() {
    ParamValue<String> absent = ParamValue.absent();
    assertFalse(absent.isPresent());
    assertTrue(absent.isAbsent());
    assertFalse(absent.isResetToDefault());
    assertEquals(Optional.empty(), absent.value());
    assertEquals("ParamValue[absent]", absent.toString());
    NoSuchElementException none = assertThrows(NoSuchElementException.class, absent::get);
    assertEquals("no value", none.getMessage());
  }

  @Test
  void aResetHasNoValueEither() {
    ParamValue<String> reset = ParamValue.resetToDefault();
    assertFalse(reset.isPresent());
    assertFalse(reset.isAbsent());
    assertTrue(reset.isResetToDefault());
    assertEquals(Optional.empty(), reset.value());
    assertEquals("ParamValue[reset to default]", reset.toString());
    NoSuchElementException none = assertThrows(NoSuchElementException.class, reset::get);
    assertEquals("the value is reset to its default", none.getMessage());
  }

  @Test
  void ofOptionalIsPresentOrAbsent() {
    assertEquals(ParamValue.of(7), ParamValue.ofOptional(Optional.of(7)));
    assertSame(ParamValue.absent(), ParamValue.ofOptional(Optional.empty()));
  }

  @Test
  void equalityFollowsTheStateAndTheValue() {
    ParamValue<String> x = ParamValue.of("x");
    assertEquals(x, ParamValue.of(new String("x")));
    assertEquals(x.hashCode(), ParamValue.of(new String("x")).hashCode());
    assertEquals(ParamValue.resetToDefault(), ParamValue.resetToDefault());
    assertEquals(ParamValue.absent().hashCode(), ParamValue.absent().hashCode());

    assertNotEquals(x, ParamValue.of("y"));
    assertNotEquals(x, ParamValue.absent());
    assertNotEquals(x, ParamValue.resetToDefault());
    assertNotEquals(ParamValue.absent(), ParamValue.resetToDefault());
    assertNotEquals(ParamValue.resetToDefault(), ParamValue.absent());
    assertNotEquals(x, "x");
    assertNotEquals(x, null);
  }

  @Test
  void hashCodesSpreadDifferentValues() {
    // Not promised, but a hash that does not look at the value would make every map of them slow.
    assertNotEquals(ParamValue.of("x").hashCode(), ParamValue.of("y").hashCode());
    assertNotEquals(ParamValue.absent().hashCode(), ParamValue.resetToDefault().hashCode());
  }

  // ---- EncodedParam

  @Test
  void onlyTheMarkerItselfResetsToDefault() {
    assertTrue(
        new EncodedParam("a", NotebookParamMapper.RESET_TO_DEFAULT, false).resetsToDefault());
    assertTrue(new EncodedParam("a", "_RESET_TO_DEFAULT_", true).resetsToDefault());
    // The marker quoted as JSON is a string value like any other.
    assertFalse(new EncodedParam("a", "\"_RESET_TO_DEFAULT_\"", false).resetsToDefault());
    assertFalse(new EncodedParam("a", "42", false).resetsToDefault());
  }

  @Test
  void encodedParamsNeedAnIdAndAValue() {
    assertThrows(NullPointerException.class, () -> new EncodedParam(null, "1", false));
    assertThrows(NullPointerException.class, () -> new EncodedParam("a", null, false));
  }

  @Test
  void encodedParamsRefuseAnEmptyIdAsDefinitionsDo() {
    IllegalArgumentException refused =
        assertThrows(IllegalArgumentException.class, () -> new EncodedParam("", "1", false));
    assertEquals("the param id must not be empty", refused.getMessage());
    IllegalArgumentException definition =
        assertThrows(
            IllegalArgumentException.class,
            () -> new NotebookParamMapper.Param("k", "", ParamDatatype.STRING, false, false));
    assertTrue(definition.getMessage().endsWith(refused.getMessage()), definition.getMessage());
  }

  @Test
  void encodedParamsWriteTheirJsonIntoALargerDocument() {
    StringBuilder out = new StringBuilder("[");
    new EncodedParam("a\"b", "[\"x\"]", false).writeJson(out);
    out.append(',');
    new EncodedParam("c", "1", true).writeJson(out);
    out.append(']');
    assertEquals(
        "[{\"param_id\":\"a\\\"b\",\"param_value\":\"[\\\"x\\\"]\"},"
            + "{\"param_id\":\"c\",\"param_value\":\"1\",\"is_hidden\":true}]",
        out.toString());
  }

  // ---- ParamDatatype

  @Test
  void everyDatatypeHasItsOfficialName() {
    assertEquals("STRING", ParamDatatype.STRING.officialName());
    assertEquals("NUMBER", ParamDatatype.NUMBER.officialName());
    assertEquals("BOOLEAN", ParamDatatype.BOOLEAN.officialName());
    assertEquals("DATE", ParamDatatype.DATE.officialName());
    assertEquals("STRING[]", ParamDatatype.STRING_ARRAY.officialName());
    assertEquals("[DATE, DATE]", ParamDatatype.DATE_RANGE.officialName());
    for (ParamDatatype datatype : ParamDatatype.values()) {
      assertSame(datatype, ParamDatatype.ofOfficialName(datatype.officialName()));
    }
  }

  @Test
  void javaNamesAndOtherSpellingsAreNotOfficialNames() {
    for (String name : List.of("STRING_ARRAY", "DATE_RANGE", "string", "[DATE,DATE]", "")) {
      IllegalArgumentException refused =
          assertThrows(IllegalArgumentException.class, () -> ParamDatatype.ofOfficialName(name));
      assertEquals("no notebook param datatype is called " + name, refused.getMessage());
    }
  }

  // ---- NotebookParamException and DateRange

  @Test
  void notebookParamExceptionsNameTheParamAndItsId() {
    NotebookParamException e =
        new NotebookParamException(
            NotebookParamException.Kind.MISSING_REQUIRED_PARAM, "store", "id-1", "is required");
    assertEquals("store: is required", e.getMessage());
    assertEquals(NotebookParamException.Kind.MISSING_REQUIRED_PARAM, e.kind());
    assertEquals("store", e.param());
    assertEquals("id-1", e.paramId());
  }

  @Test
  void dateRangesNeedBothDatesButNoOrder() {
    LocalDate later = LocalDate.of(2025, 2, 1);
    LocalDate earlier = LocalDate.of(2025, 1, 1);
    DateRange backwards = DateRange.of(later, earlier);
    assertEquals(later, backwards.start());
    assertEquals(earlier, backwards.end());
    assertThrows(NullPointerException.class, () -> DateRange.of(null, earlier));
    assertThrows(NullPointerException.class, () -> DateRange.of(earlier, null));
  }
}
