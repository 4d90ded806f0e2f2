package dev.signet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A subset of the cases of Codatum's official mapper ({@code @codatum/embed} 1.0.0), copied from
 * the project's shared {@code vectors/codatum-param-vectors.jsonl} (see {@code
 * vectors/README.md} among the test resources), against {@link NotebookParamMapper} alone: the
 * same params up to JSON equality, or an error of the same kind, when encoding the case's values;
 * the same values, or an error of the same kind, when decoding the official encoding and Signet's
 * own. The full set is checked, with generated classes too, in the sample app.
 */
class CodatumParamVectorSubsetTest {
  private static List<Map<String, Object>> vectors;

  @BeforeAll
  @SuppressWarnings("unchecked")
  static void read() throws IOException {
    vectors = new ArrayList<>();
    try (InputStream in =
            CodatumParamVectorSubsetTest.class.getResourceAsStream(
                "/vectors/codatum-param-vectors-subset.jsonl");
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        vectors.add((Map<String, Object>) JsonParser.parse(line));
      }
    }
  }

  @Test
  void theSubsetHoldsEveryDatatypeAndBothErrors() {
    assertEquals(42, vectors.size());
    List<String> datatypes = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    for (Map<String, Object> vector : vectors) {
      for (Object meta : object(vector.get("meta")).values()) {
        datatypes.add((String) object(meta).get("datatype"));
      }
      Object error = object(vector.get("encode")).get("error");
      if (error != null) {
        errors.add((String) error);
      }
    }
    for (ParamDatatype datatype : ParamDatatype.values()) {
      assertTrue(datatypes.contains(datatype.officialName()), datatype.officialName());
    }
    assertTrue(errors.contains("MISSING_REQUIRED_PARAM"));
    assertTrue(errors.contains("INVALID_PARAM_VALUE"));
  }

  @Test
  void encodesAsTheOfficialMapper() {
    int encoded = 0;
    for (Map<String, Object> vector : vectors) {
      NotebookParamMapper mapper = mapper(vector);
      Map<String, Object> values = plainValues(vector);
      Map<String, Object> expected = object(vector.get("encode"));
      if (expected.containsKey("ok")) {
        List<EncodedParam> actual = mapper.encode(values);
        assertParamsEqual(list(expected.get("ok")), actual, vector);
        encoded++;
      } else {
        assertRefused(vector, (String) expected.get("error"), () -> mapper.encode(values));
      }
    }
    assertEquals(21, encoded);
  }

  @Test
  void decodesAsTheOfficialMapper() {
    int decoded = 0;
    for (Map<String, Object> vector : vectors) {
      Map<String, Object> expected = object(vector.get("decodeOfEncoded"));
      if (expected == null) {
        continue;
      }
      NotebookParamMapper mapper = mapper(vector);
      List<EncodedParam> official = encodedParams(list(object(vector.get("encode")).get("ok")));
      List<EncodedParam> ours = mapper.encode(plainValues(vector));
      for (List<EncodedParam> params : List.of(official, ours)) {
        if (expected.containsKey("ok")) {
          assertValuesEqual(object(expected.get("ok")), mapper.decode(params), vector);
        } else {
          assertRefused(vector, (String) expected.get("error"), () -> mapper.decode(params));
        }
      }
      decoded++;
    }
    assertEquals(21, decoded);
  }

  // ---- the case's definitions and values

  private static NotebookParamMapper mapper(Map<String, Object> vector) {
    Map<String, Object> meta = object(vector.get("meta"));
    List<NotebookParamMapper.Param> params = new ArrayList<>();
    for (Map.Entry<String, Object> entry : object(vector.get("mapping")).entrySet()) {
      Map<String, Object> definition = object(meta.get(entry.getKey()));
      params.add(
          new NotebookParamMapper.Param(
              entry.getKey(),
              (String) entry.getValue(),
              ParamDatatype.ofOfficialName((String) definition.get("datatype")),
              Boolean.TRUE.equals(definition.get("required")),
              Boolean.TRUE.equals(definition.get("hidden"))));
    }
    return NotebookParamMapper.of(params);
  }

  /** The case's values as plain Java values: JavaScript's numbers are doubles. */
  private static Map<String, Object> plainValues(Map<String, Object> vector) {
    Map<String, Object> values = new LinkedHashMap<>();
    object(vector.get("values")).forEach((key, value) -> values.put(key, plain(value)));
    return values;
  }

  private static Object plain(Object value) {
    if (value instanceof BigDecimal number) {
      return number.doubleValue();
    }
    if (value instanceof List<?> list) {
      List<Object> elements = new ArrayList<>();
      list.forEach(element -> elements.add(plain(element)));
      return elements;
    }
    if (value instanceof Map<?, ?> map && map.get("nonFinite") instanceof String name) {
      return Double.valueOf(name);
    }
    return value;
  }

  private static List<EncodedParam> encodedParams(List<Object> json) {
    List<EncodedParam> params = new ArrayList<>();
    for (Object element : json) {
      Map<String, Object> param = object(element);
      params.add(
          new EncodedParam(
              (String) param.get("param_id"),
              (String) param.get("param_value"),
              Boolean.TRUE.equals(param.get("is_hidden"))));
    }
    return params;
  }

  // ---- comparing

  private static void assertParamsEqual(
      List<Object> expected, List<EncodedParam> actual, Map<String, Object> vector) {
    assertEquals(expected.size(), actual.size(), () -> "params of " + vector);
    for (int i = 0; i < expected.size(); i++) {
      Map<String, Object> want = object(expected.get(i));
      EncodedParam got = actual.get(i);
      assertEquals(want.get("param_id"), got.paramId(), () -> "param id of " + vector);
      assertEquals(
          Boolean.TRUE.equals(want.get("is_hidden")), got.hidden(), () -> "is_hidden of " + vector);
      String wantValue = (String) want.get("param_value");
      if (wantValue.equals(NotebookParamMapper.RESET_TO_DEFAULT)) {
        assertEquals(wantValue, got.paramValue(), () -> "reset of " + vector);
      } else {
        Object gotJson = JsonParser.parse(got.paramValue());
        assertTrue(
            jsonEquals(JsonParser.parse(wantValue), gotJson),
            () -> "expected " + wantValue + ", got " + got.paramValue() + " for " + vector);
      }
    }
  }

  private static void assertValuesEqual(
      Map<String, Object> expected, Map<String, Object> actual, Map<String, Object> vector) {
    assertEquals(List.copyOf(expected.keySet()), List.copyOf(actual.keySet()), () -> "keys of " + vector);
    for (Map.Entry<String, Object> entry : expected.entrySet()) {
      Object got = actual.get(entry.getKey());
      if (entry.getValue() instanceof BigDecimal number) {
        // Decoding gives JavaScript's number: the nearest double.
        assertEquals(number.doubleValue(), got, () -> "value of " + vector);
      } else {
        assertEquals(entry.getValue(), got, () -> "value of " + vector);
      }
    }
  }

  private static void assertRefused(
      Map<String, Object> vector, String kind, Supplier<Object> action) {
    NotebookParamException refused =
        assertThrows(NotebookParamException.class, action::get, () -> "no error for " + vector);
    assertEquals(kind, refused.kind().name(), () -> refused.getMessage() + " for " + vector);
    assertTrue(object(vector.get("mapping")).containsKey(refused.param()), refused::getMessage);
    assertEquals(object(vector.get("mapping")).get(refused.param()), refused.paramId());
    assertTrue(refused.getMessage().startsWith(refused.param() + ": "), refused::getMessage);
  }

  /** JSON equality, with numbers compared as numbers ({@code 1e+21} is {@code 1000000000000000000000}). */
  private static boolean jsonEquals(Object a, Object b) {
    if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
      return x.compareTo(y) == 0;
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      Iterator<?> i = x.iterator();
      Iterator<?> j = y.iterator();
      while (i.hasNext()) {
        if (!jsonEquals(i.next(), j.next())) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof Map<?, ?> || b instanceof Map<?, ?>) {
      fail("no param value of these cases is an object");
    }
    return a == null ? b == null : a.equals(b);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object json) {
    return (Map<String, Object>) json;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object json) {
    return (List<Object>) json;
  }
}
