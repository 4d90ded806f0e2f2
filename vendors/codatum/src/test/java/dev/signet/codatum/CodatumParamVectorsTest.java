package dev.signet.codatum;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import dev.signet.processor.GeneratedClasses;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import javax.annotation.processing.Processor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every case of {@code vectors/codatum-param-vectors.jsonl}, what Codatum's official mapper
 * ({@code @codatum/embed} 1.0.0) answered, against Signet's: once through {@link
 * NotebookParamMapper} with the case's definitions, and once through the class that the processor
 * generates from a {@code @NotebookParams} record declared for the case. Encoding must give the
 * same params up to JSON equality (numbers as numbers) or the same error; decoding, of the official
 * encoding and of Signet's, the same values or the same error.
 */
class CodatumParamVectorsTest {
  private static final ObjectMapper JACKSON = new ObjectMapper();
  private static final Comparator<JsonNode> NUMBERS_AS_NUMBERS =
      (a, b) ->
          a.isNumber() && b.isNumber()
              ? a.decimalValue().compareTo(b.decimalValue())
              : a.equals(b) ? 0 : 1;

  /** One line of the file. */
  record Vector(int line, JsonNode json) {
    Iterable<String> keys() {
      return json.get("mapping")::fieldNames;
    }

    String id(String key) {
      return json.get("mapping").get(key).asText();
    }

    JsonNode meta(String key) {
      return json.get("meta").get(key);
    }

    ParamDatatype datatype(String key) {
      return ParamDatatype.ofOfficialName(meta(key).get("datatype").asText());
    }

    boolean flag(String key, String name) {
      return meta(key).path(name).asBoolean(false);
    }

    JsonNode values() {
      return json.get("values");
    }

    JsonNode encode() {
      return json.get("encode");
    }

    JsonNode decodeOfEncoded() {
      return json.get("decodeOfEncoded");
    }

    @Override
    public String toString() {
      return "line " + line + ": " + json;
    }
  }

  private static List<Vector> vectors;
  private static GeneratedClasses generated;

  @BeforeAll
  static void readAndCompile() throws IOException {
    vectors = new ArrayList<>();
    try (InputStream in =
            CodatumParamVectorsTest.class.getResourceAsStream(
                "/vectors/codatum-param-vectors.jsonl");
        BufferedReader lines =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        vectors.add(new Vector(vectors.size() + 1, JACKSON.readTree(line)));
      }
    }
    List<JavaFileObject> sources = new ArrayList<>();
    for (Vector vector : vectors) {
      sources.add(declaration(vector));
    }
    Compilation compilation =
        Compiler.javac()
            .withProcessors(signetProcessor())
            .withOptions("-Xlint:all", "-Xlint:-processing", "-Werror")
            .compile(sources);
    assertThat(compilation).succeededWithoutWarnings();
    generated = GeneratedClasses.of(compilation);
  }

  /**
   * Signet's processor, found as javac finds it (by name, so that its class is not compiled
   * against).
   */
  private static Processor signetProcessor() {
    return ServiceLoader.load(Processor.class).stream()
        .filter(
            provider -> provider.type().getName().equals("dev.signet.processor.SignetProcessor"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("Signet's processor is not on the test class path"))
        .get();
  }

  @Test
  void all150Cases() {
    assertEquals(150, vectors.size());
  }

  // ---- through NotebookParamMapper

  @Test
  void mapperEncodesAsTheOfficialMapper() {
    for (Vector vector : vectors) {
      NotebookParamMapper mapper = mapper(vector);
      Map<String, Object> values = plainValues(vector);
      assertSameOutcome(
          vector, encodeExpectation(vector), () -> encodedJson(mapper.encode(values)));
    }
  }

  @Test
  void mapperDecodesAsTheOfficialMapper() {
    int decoded = 0;
    for (Vector vector : vectors) {
      if (vector.decodeOfEncoded() == null) {
        continue;
      }
      NotebookParamMapper mapper = mapper(vector);
      List<EncodedParam> official = encodedParams(vector.encode().get("ok"));
      assertSameOutcome(
          vector, vector.decodeOfEncoded(), () -> JACKSON.valueToTree(mapper.decode(official)));
      List<EncodedParam> ours = mapper.encode(plainValues(vector));
      assertSameOutcome(
          vector, vector.decodeOfEncoded(), () -> JACKSON.valueToTree(mapper.decode(ours)));
      decoded++;
    }
    assertEquals(108, decoded);
  }

  // ---- through generated classes

  @Test
  void generatedClassesEncodeAsTheOfficialMapper() throws Exception {
    int representable = 0;
    for (Vector vector : vectors) {
      Object record = typedRecord(vector);
      if (record == null) {
        // A value of a JSON type that the declared Java type cannot hold ("7" for a NUMBER):
        // the typed API refuses it at compile time, where the official mapper refuses it when
        // encoding.
        assertTrue(vector.encode().has("error"), vector.toString());
        continue;
      }
      representable++;
      Class<?> params = generated.load("vectors.SignetCase" + vector.line());
      assertSameOutcome(
          vector,
          encodeExpectation(vector),
          () -> encodedJson(call(params, "encode", record.getClass(), record)));
    }
    assertEquals(128, representable, "cases whose values the declared Java types can hold");
  }

  @Test
  void generatedClassesDecodeAsTheOfficialMapper() throws Exception {
    for (Vector vector : vectors) {
      if (vector.decodeOfEncoded() == null) {
        continue;
      }
      Class<?> params = generated.load("vectors.SignetCase" + vector.line());
      List<EncodedParam> official = encodedParams(vector.encode().get("ok"));
      assertSameOutcome(
          vector,
          vector.decodeOfEncoded(),
          () -> recordJson(call(params, "decode", List.class, official)));
    }
  }

  // ---- the definitions and values of a case

  private static NotebookParamMapper mapper(Vector vector) {
    List<NotebookParamMapper.Param> params = new ArrayList<>();
    for (String key : vector.keys()) {
      params.add(
          new NotebookParamMapper.Param(
              key,
              vector.id(key),
              vector.datatype(key),
              vector.flag(key, "required"),
              vector.flag(key, "hidden")));
    }
    return NotebookParamMapper.of(params);
  }

  /** The case's values as plain Java values: JavaScript's numbers are doubles. */
  private static Map<String, Object> plainValues(Vector vector) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : vector.values().properties()) {
      values.put(entry.getKey(), plain(entry.getValue()));
    }
    return values;
  }

  private static Object plain(JsonNode value) {
    if (value.isTextual()) {
      return value.asText();
    }
    if (value.isBoolean()) {
      return value.asBoolean();
    }
    if (value.isNumber()) {
      return value.doubleValue();
    }
    if (value.isArray()) {
      List<Object> elements = new ArrayList<>();
      value.forEach(element -> elements.add(plain(element)));
      return elements;
    }
    if (value.isObject() && value.has("nonFinite")) {
      switch (value.get("nonFinite").asText()) {
        case "NaN":
          return Double.NaN;
        case "Infinity":
          return Double.POSITIVE_INFINITY;
        case "-Infinity":
          return Double.NEGATIVE_INFINITY;
        default:
          break;
      }
    }
    throw new AssertionError("no plain value for " + value);
  }

  /** A declaration for the case: each key a {@code ParamValue} component of its datatype's type. */
  private static JavaFileObject declaration(Vector vector) {
    List<String> lines = new ArrayList<>();
    lines.add("package vectors;");
    lines.add("");
    lines.add("import dev.signet.codatum.Datatype;");
    lines.add("import dev.signet.codatum.NotebookParam;");
    lines.add("import dev.signet.codatum.NotebookParams;");
    lines.add("import dev.signet.codatum.ParamValue;");
    lines.add("import java.util.List;");
    lines.add("");
    lines.add("@NotebookParams");
    lines.add("public record Case" + vector.line() + "(");
    List<String> components = new ArrayList<>();
    for (String key : vector.keys()) {
      ParamDatatype datatype = vector.datatype(key);
      components.add(
          "    @NotebookParam(id = \""
              + vector.id(key)
              + "\", datatype = Datatype."
              + datatype.name()
              + ", required = "
              + vector.flag(key, "required")
              + ", hidden = "
              + vector.flag(key, "hidden")
              + ") ParamValue<"
              + javaType(datatype)
              + "> "
              + key);
    }
    lines.add(String.join(",\n", components) + ") {}");
    return JavaFileObjects.forSourceLines("vectors.Case" + vector.line(), lines);
  }

  /**
   * The Java type that holds the datatype exactly as the official mapper checks it: dates as {@code
   * YYYY-MM-DD} text, which lets through {@code 2026-02-31} as the official mapper does.
   */
  private static String javaType(ParamDatatype datatype) {
    switch (datatype) {
      case NUMBER:
        return "Double";
      case BOOLEAN:
        return "Boolean";
      case STRING_ARRAY:
      case DATE_RANGE:
        return "List<String>";
      case STRING:
      case DATE:
      default:
        return "String";
    }
  }

  /** The case's record, or null when a value is of a type its component cannot hold. */
  private static Object typedRecord(Vector vector) throws Exception {
    Class<?> type = generated.load("vectors.Case" + vector.line());
    RecordComponent[] components = type.getRecordComponents();
    Object[] arguments = new Object[components.length];
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      String key = components[i].getName();
      types[i] = ParamValue.class;
      JsonNode value = vector.values().get(key);
      if (value == null) {
        arguments[i] = ParamValue.absent();
      } else if (value.isTextual() && value.asText().equals(NotebookParamMapper.RESET_TO_DEFAULT)) {
        arguments[i] = ParamValue.resetToDefault();
      } else {
        Object typed = typed(vector.datatype(key), plain(value));
        if (typed == null) {
          return null;
        }
        arguments[i] = ParamValue.of(typed);
      }
    }
    Constructor<?> constructor = type.getConstructor(types);
    return constructor.newInstance(arguments);
  }

  private static Object typed(ParamDatatype datatype, Object value) {
    switch (datatype) {
      case NUMBER:
        return value instanceof Double ? value : null;
      case BOOLEAN:
        return value instanceof Boolean ? value : null;
      case STRING_ARRAY:
      case DATE_RANGE:
        return value instanceof List<?> list && list.stream().allMatch(e -> e instanceof String)
            ? value
            : null;
      case STRING:
      case DATE:
      default:
        return value instanceof String ? value : null;
    }
  }

  // ---- comparing outcomes

  /**
   * Asserts that {@code actual} gives what {@code expected} says: {@code {"ok": json}}, equal up to
   * JSON equality, or {@code {"error": kind}}, a {@link NotebookParamException} of that kind whose
   * message names the parameter.
   */
  private static void assertSameOutcome(
      Vector vector, JsonNode expected, Supplier<JsonNode> actual) {
    if (expected.has("ok")) {
      JsonNode result;
      try {
        result = actual.get();
      } catch (NotebookParamException e) {
        throw new AssertionError(
            "expected "
                + expected
                + ", refused with "
                + e.kind()
                + " ("
                + e.getMessage()
                + ") for "
                + vector,
            e);
      }
      assertTrue(
          expected.get("ok").equals(NUMBERS_AS_NUMBERS, result),
          "expected " + expected.get("ok") + ", got " + result + " for " + vector);
      return;
    }
    NotebookParamException refused =
        assertThrows(NotebookParamException.class, actual::get, vector::toString);
    assertEquals(expected.get("error").asText(), refused.kind().name(), vector::toString);
    assertTrue(
        refused.getMessage().startsWith(refused.param() + ": ")
            && vector.json().get("mapping").has(refused.param()),
        "the message names the parameter: " + refused.getMessage());
  }

  /**
   * The params as JSON; each {@code param_value} read as JSON, so that numbers compare as numbers.
   */
  private static JsonNode encodedJson(List<EncodedParam> params) {
    List<JsonNode> json = new ArrayList<>();
    for (EncodedParam param : params) {
      ObjectNode node = JACKSON.createObjectNode();
      node.put("param_id", param.paramId());
      node.put("param_value", param.paramValue());
      if (param.hidden()) {
        node.put("is_hidden", true);
      }
      json.add(node);
    }
    return normalized(JACKSON.valueToTree(json));
  }

  /** The case's {@code encode}, each {@code param_value} of {@code ok} read as JSON. */
  private static JsonNode encodeExpectation(Vector vector) {
    JsonNode expected = vector.encode().deepCopy();
    if (expected.has("ok")) {
      normalized(expected.get("ok"));
    }
    return expected;
  }

  /** Replaces each JSON {@code param_value} by the value it holds (the reset marker stays text). */
  private static JsonNode normalized(JsonNode params) {
    for (JsonNode param : params) {
      String value = param.get("param_value").asText();
      if (!value.equals(NotebookParamMapper.RESET_TO_DEFAULT)) {
        try {
          ((ObjectNode) param).set("param_value", JACKSON.readTree(value));
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
    return params;
  }

  private static List<EncodedParam> encodedParams(JsonNode json) {
    List<EncodedParam> params = new ArrayList<>();
    for (JsonNode param : json) {
      params.add(
          new EncodedParam(
              param.get("param_id").asText(),
              param.get("param_value").asText(),
              param.path("is_hidden").asBoolean(false)));
    }
    return params;
  }

  /** A decoded record as the official mapper's output: its present components, key to value. */
  private static JsonNode recordJson(Object record) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (RecordComponent component : record.getClass().getRecordComponents()) {
      try {
        ParamValue<?> value = (ParamValue<?>) component.getAccessor().invoke(record);
        if (value.isResetToDefault()) {
          fail("decoding gave a reset for " + component.getName());
        }
        value.value().ifPresent(v -> values.put(component.getName(), v));
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(e);
      }
    }
    return JACKSON.valueToTree(values);
  }

  @SuppressWarnings("unchecked")
  private static <T> T call(Class<?> type, String method, Class<?> parameter, Object argument) {
    return (T) GeneratedClasses.callStatic(type, method, new Class<?>[] {parameter}, argument);
  }
}
