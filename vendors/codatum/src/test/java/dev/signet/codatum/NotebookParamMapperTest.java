package dev.signet.codatum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.signet.codatum.NotebookParamException.Kind;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What the official mapper's vectors do not show (the vectors themselves are checked in the sample
 * app's {@code CodatumParamVectorsTest}): where the mapper decides a case JavaScript leaves open.
 */
class NotebookParamMapperTest {
  private static final NotebookParamMapper MAPPER =
      NotebookParamMapper.of(
          List.of(
              new NotebookParamMapper.Param("store", "id-store", ParamDatatype.STRING, true, true),
              new NotebookParamMapper.Param(
                  "limit", "id-limit", ParamDatatype.NUMBER, false, false),
              new NotebookParamMapper.Param("day", "id-day", ParamDatatype.DATE, false, false)));

  private static NotebookParamException refused(Runnable action) {
    return assertThrows(NotebookParamException.class, action::run);
  }

  @Test
  void numbersOfEveryJavaTypeAreWrittenAsJavaScriptWritesTheNearestDouble() {
    for (Object number : List.of(42, 42L, 42.0, new BigDecimal("42.000"), (short) 42)) {
      assertEquals(
          new EncodedParam("id-limit", "42", false),
          MAPPER.encode(Map.of("store", "s", "limit", number)).get(1));
    }
    assertEquals("1e+21", MAPPER.encode(Map.of("store", "s", "limit", 1e21)).get(1).paramValue());
  }

  @Test
  void infinitiesAreRefusedLikeNaN() {
    NotebookParamException infinite =
        refused(() -> MAPPER.encode(Map.of("store", "s", "limit", Double.POSITIVE_INFINITY)));
    assertEquals(Kind.INVALID_PARAM_VALUE, infinite.kind());
    assertEquals("limit: must be a finite number, not Infinity", infinite.getMessage());
    assertEquals("id-limit", infinite.paramId());
  }

  @Test
  void aNullValueIsAbsent() {
    Map<String, Object> values = new HashMap<>();
    values.put("store", "s");
    values.put("limit", null);
    assertEquals(List.of(new EncodedParam("id-store", "\"s\"", true)), MAPPER.encode(values));
    values.put("store", null);
    assertEquals(Kind.MISSING_REQUIRED_PARAM, refused(() -> MAPPER.encode(values)).kind());
  }

  @Test
  void keysWithoutADefinitionAreIgnored() {
    assertEquals(1, MAPPER.encode(Map.of("store", "s", "other", 1)).size());
  }

  @Test
  void decodingIgnoresUnknownIdsAndTakesTheFirstOfARepeatedOne() {
    assertEquals(
        Map.of("store", "first", "limit", 7.0),
        MAPPER.decode(
            List.of(
                new EncodedParam("elsewhere", "\"x\"", false),
                new EncodedParam("id-store", "\"first\"", true),
                new EncodedParam("id-store", "\"second\"", true),
                new EncodedParam("id-limit", "7", false))));
  }

  @Test
  void decodingRefusesAParamValueThatIsNotJson() {
    NotebookParamException notJson =
        refused(
            () ->
                MAPPER.decode(
                    List.of(
                        new EncodedParam("id-store", "\"s\"", true),
                        new EncodedParam("id-day", "2025-01-01", false))));
    assertEquals(Kind.INVALID_PARAM_VALUE, notJson.kind());
    assertEquals("day", notJson.param());
  }

  @Test
  void decodingChecksTheDatatype() {
    NotebookParamException notADate =
        refused(
            () ->
                MAPPER.decode(
                    List.of(
                        new EncodedParam("id-store", "\"s\"", true),
                        new EncodedParam("id-day", "\"2025-1-1\"", false))));
    assertEquals(
        "day: must be a date (YYYY-MM-DD), not the string \"2025-1-1\"", notADate.getMessage());
  }

  @Test
  void theFirstParamAtFaultIsReported() {
    NotebookParamException first =
        refused(() -> MAPPER.encode(Map.of("limit", "seven", "day", "tomorrow")));
    assertEquals(Kind.MISSING_REQUIRED_PARAM, first.kind());
    assertEquals("store", first.param());
  }

  @Test
  void definitionsMustBeDistinct() {
    NotebookParamMapper.Param store =
        new NotebookParamMapper.Param("store", "id", ParamDatatype.STRING, false, false);
    assertThrows(
        IllegalArgumentException.class,
        () ->
            NotebookParamMapper.of(
                List.of(
                    store,
                    new NotebookParamMapper.Param(
                        "shop", "id", ParamDatatype.STRING, false, false))));
    assertThrows(
        IllegalArgumentException.class, () -> NotebookParamMapper.of(List.of(store, store)));
    assertThrows(
        IllegalArgumentException.class,
        () -> new NotebookParamMapper.Param("store", "", ParamDatatype.STRING, false, false));
  }

  @Test
  void officialDatatypeNames() {
    assertEquals(ParamDatatype.STRING_ARRAY, ParamDatatype.ofOfficialName("STRING[]"));
    assertEquals(ParamDatatype.DATE_RANGE, ParamDatatype.ofOfficialName("[DATE, DATE]"));
    assertThrows(IllegalArgumentException.class, () -> ParamDatatype.ofOfficialName("DATE[]"));
  }

  @Test
  void encodedParamJson() {
    assertEquals(
        "{\"param_id\":\"a\",\"param_value\":\"\\\"x\\\"\",\"is_hidden\":true}",
        new EncodedParam("a", "\"x\"", true).toJson());
    assertEquals(
        "{\"param_id\":\"a\",\"param_value\":\"_RESET_TO_DEFAULT_\"}",
        new EncodedParam("a", NotebookParamMapper.RESET_TO_DEFAULT, false).toJson());
  }
}
