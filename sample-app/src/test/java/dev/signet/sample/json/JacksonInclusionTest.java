package dev.signet.sample.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.signet.annotations.JsonRequest;
import dev.signet.runtime.InvalidParameterException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each {@code @JsonInclude} that a {@code @JsonRequest} accepts, checked against what a Jackson
 * mapper (with the JDK 8 module, for {@code Optional}) writes for the same declaration.
 */
class JacksonInclusionTest {
  private static final ObjectMapper JACKSON = new ObjectMapper().registerModule(new Jdk8Module());

  @JsonRequest(path = "/always")
  interface Always {
    @JsonProperty("name")
    String name();

    @JsonProperty("tags")
    List<String> tags();

    @JsonProperty("nick")
    Optional<String> nick();

    @JsonProperty("labels")
    Optional<Map<String, String>> labels();

    @JsonProperty("ratio")
    Optional<Double> ratio();
  }

  @JsonRequest(path = "/non-null")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  interface NonNull {
    @JsonProperty("name")
    String name();

    @JsonProperty("tags")
    List<String> tags();

    @JsonProperty("nick")
    Optional<String> nick();

    @JsonProperty("labels")
    Optional<Map<String, String>> labels();

    @JsonProperty("ratio")
    Optional<Double> ratio();
  }

  @JsonRequest(path = "/non-absent")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  interface NonAbsent {
    @JsonProperty("name")
    String name();

    @JsonProperty("tags")
    List<String> tags();

    @JsonProperty("nick")
    Optional<String> nick();

    @JsonProperty("labels")
    Optional<Map<String, String>> labels();

    @JsonProperty("ratio")
    Optional<Double> ratio();
  }

  @JsonRequest(path = "/non-empty")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  interface NonEmpty {
    @JsonProperty("name")
    String name();

    @JsonProperty("tags")
    List<String> tags();

    @JsonProperty("nick")
    Optional<String> nick();

    @JsonProperty("labels")
    Optional<Map<String, String>> labels();

    @JsonProperty("ratio")
    Optional<Double> ratio();
  }

  /** The type says NON_ABSENT; one method says ALWAYS, and another NON_EMPTY. */
  @JsonRequest(path = "/mixed")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  interface Mixed {
    @JsonProperty("nick")
    @JsonInclude(JsonInclude.Include.ALWAYS)
    Optional<String> nick();

    @JsonProperty("name")
    String name();

    @JsonProperty("tags")
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    List<String> tags();

    @JsonProperty("ratio")
    Optional<Double> ratio();
  }

  /** Members that may be left out come first, so the commas depend on what is present. */
  @JsonRequest(path = "/optional-first")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  interface OptionalFirst {
    @JsonProperty("a")
    Optional<String> a();

    @JsonProperty("b")
    Optional<Integer> b();

    @JsonProperty("c")
    String c();

    @JsonProperty("d")
    Optional<Boolean> d();
  }

  /**
   * Jackson's text of {@code request} and {@code body} are the same JSON, numbers compared as
   * numbers.
   */
  private static void assertSameAsJackson(Object request, String body) throws Exception {
    JsonNode jackson = JACKSON.readTree(JACKSON.writeValueAsString(request));
    JsonNode ours = JACKSON.readTree(body);
    Comparator<JsonNode> numbersAsNumbers =
        (a, b) ->
            a.isNumber() && b.isNumber()
                ? a.decimalValue().compareTo(b.decimalValue())
                : a.equals(b) ? 0 : 1;
    assertTrue(
        jackson.equals(numbersAsNumbers, ours), "Jackson wrote " + jackson + ", Signet " + body);
  }

  @Test
  void always() throws Exception {
    SignetJacksonInclusionTest_Always absent =
        SignetJacksonInclusionTest_Always.builder().name("n").tags(List.of()).build();
    assertEquals(
        "{\"name\":\"n\",\"tags\":[],\"nick\":null,\"labels\":null,\"ratio\":null}", absent.body());
    assertSameAsJackson(absent, absent.body());
    SignetJacksonInclusionTest_Always present =
        SignetJacksonInclusionTest_Always.builder()
            .name("x")
            .tags(List.of("a"))
            .nick("")
            .labels(Map.of())
            .ratio(0.1)
            .build();
    assertSameAsJackson(present, present.body());
  }

  @Test
  void nonNullWritesAnEmptyOptionalAsNullAsJacksonDoes() throws Exception {
    SignetJacksonInclusionTest_NonNull absent =
        SignetJacksonInclusionTest_NonNull.builder().name("n").tags(List.of()).build();
    assertEquals(
        "{\"name\":\"n\",\"tags\":[],\"nick\":null,\"labels\":null,\"ratio\":null}", absent.body());
    assertSameAsJackson(absent, absent.body());
  }

  @Test
  void nonAbsentLeavesOutEmptyOptionals() throws Exception {
    SignetJacksonInclusionTest_NonAbsent absent =
        SignetJacksonInclusionTest_NonAbsent.builder().name("n").tags(List.of()).build();
    assertEquals("{\"name\":\"n\",\"tags\":[]}", absent.body());
    assertSameAsJackson(absent, absent.body());
    SignetJacksonInclusionTest_NonAbsent empty =
        SignetJacksonInclusionTest_NonAbsent.builder()
            .name("n")
            .tags(List.of())
            .nick("")
            .labels(Map.of())
            .build();
    assertEquals("{\"name\":\"n\",\"tags\":[],\"nick\":\"\",\"labels\":{}}", empty.body());
    assertSameAsJackson(empty, empty.body());
  }

  @Test
  void nonEmptyAlsoLeavesOutRequiredEmptyTextListsAndMaps() throws Exception {
    SignetJacksonInclusionTest_NonEmpty empty =
        SignetJacksonInclusionTest_NonEmpty.builder()
            .name("n")
            .tags(List.of())
            .nick("")
            .labels(Map.of())
            .ratio(0)
            .build();
    // Jackson asks an Optional whether it is empty, not whether what it holds is.
    assertEquals("{\"name\":\"n\",\"nick\":\"\",\"labels\":{},\"ratio\":0}", empty.body());
    assertSameAsJackson(empty, empty.body());
    SignetJacksonInclusionTest_NonEmpty full =
        SignetJacksonInclusionTest_NonEmpty.builder()
            .name("n")
            .tags(List.of("a"))
            .nick("x")
            .labels(Map.of("k", "v"))
            .build();
    assertEquals(
        "{\"name\":\"n\",\"tags\":[\"a\"],\"nick\":\"x\",\"labels\":{\"k\":\"v\"}}", full.body());
    assertSameAsJackson(full, full.body());
  }

  @Test
  void aMethodsInclusionOverridesTheTypes() throws Exception {
    SignetJacksonInclusionTest_Mixed mixed =
        SignetJacksonInclusionTest_Mixed.builder().name("n").tags(List.of()).build();
    assertEquals("{\"nick\":null,\"name\":\"n\"}", mixed.body());
    assertSameAsJackson(mixed, mixed.body());
  }

  @Test
  void commasWhenTheFirstMembersMayBeAbsent() throws Exception {
    SignetJacksonInclusionTest_OptionalFirst none =
        SignetJacksonInclusionTest_OptionalFirst.builder().c("c").build();
    assertEquals("{\"c\":\"c\"}", none.body());
    SignetJacksonInclusionTest_OptionalFirst second =
        SignetJacksonInclusionTest_OptionalFirst.builder().c("c").b(2).d(false).build();
    assertEquals("{\"b\":2,\"c\":\"c\",\"d\":false}", second.body());
    SignetJacksonInclusionTest_OptionalFirst all =
        SignetJacksonInclusionTest_OptionalFirst.builder()
            .c("c")
            .a("a")
            .b(Optional.of(1))
            .d(true)
            .build();
    assertEquals("{\"a\":\"a\",\"b\":1,\"c\":\"c\",\"d\":true}", all.body());
    for (SignetJacksonInclusionTest_OptionalFirst request : List.of(none, second, all)) {
      assertSameAsJackson(request, request.body());
    }
  }

  @Test
  void aNumberJsonCannotHoldIsRefusedNamingTheField() {
    InvalidParameterException refused =
        assertThrows(
            InvalidParameterException.class,
            () ->
                SignetJacksonInclusionTest_Always.builder()
                    .name("n")
                    .tags(List.of())
                    .ratio(Double.NaN)
                    .build());
    assertEquals("ratio", refused.parameter());
  }
}
