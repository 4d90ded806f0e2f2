package dev.signet.processor;

import static dev.signet.processor.GeneratedClasses.call;
import static dev.signet.processor.GeneratedClasses.callStatic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.runtime.JsonParser;
import dev.signet.runtime.JwtVerifier;
import dev.signet.runtime.Secret;
import dev.signet.runtime.Verification;
import java.lang.reflect.Constructor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Records unwrapped among a token's claims ({@code @JsonUnwrapped}) first, after an optional claim,
 * and after a required one, each with all, some or none of its members: the claims are the JSON
 * object they must be, in order, and a verifier reads back the same claims.
 */
class UnwrappedClaimsTest {
  private static final Class<?>[] NONE = {};
  private static final Secret SECRET = Secret.ofUtf8("a secret for the unwrapped claims");

  private static Class<?> token;
  private static Constructor<?> first;
  private static Constructor<?> middle;
  private static Constructor<?> last;

  @BeforeAll
  static void compile() throws Exception {
    GeneratedClasses classes =
        GeneratedClasses.of(
            Sources.compile(
                JsonSources.declaration(
                    SignedJwtDeclarationTest.IMPORTS,
                    "Token",
                    "@SignedJwt(token = TokenPlacement.NONE)",
                    "@JsonInclude(JsonInclude.Include.NON_ABSENT)",
                    "public interface Token {",
                    "  @JsonUnwrapped Optional<First> first();",
                    "  @JsonProperty(\"a\") Optional<String> a();",
                    "  @JsonUnwrapped Optional<Middle> middle();",
                    "  @JsonProperty(\"b\") String b();",
                    "  @JsonUnwrapped Last last();",
                    "  record First(@JsonProperty(\"p\") Optional<String> p,"
                        + " @JsonProperty(\"q\") Optional<Integer> q) {}",
                    "  record Middle(@JsonProperty(\"m\") Optional<String> m) {}",
                    "  record Last(@JsonProperty(\"x\") Optional<String> x) {}",
                    "}")));
    token = classes.load("test.SignetToken");
    first = classes.load("test.Token$First").getConstructor(Optional.class, Optional.class);
    middle = classes.load("test.Token$Middle").getConstructor(Optional.class);
    last = classes.load("test.Token$Last").getConstructor(Optional.class);
  }

  @Test
  void everyPlaceAndEveryPresenceWritesTheClaimsInOrder() throws Exception {
    List<Optional<Object[]>> firsts =
        List.of(
            Optional.empty(),
            Optional.of(new Object[] {Optional.empty(), Optional.empty()}),
            Optional.of(new Object[] {Optional.of("P"), Optional.empty()}),
            Optional.of(new Object[] {Optional.empty(), Optional.of(7)}),
            Optional.of(new Object[] {Optional.of("P"), Optional.of(7)}));
    List<Optional<String>> as = List.of(Optional.empty(), Optional.of("A"));
    List<Optional<Optional<String>>> middles =
        List.of(Optional.empty(), Optional.of(Optional.empty()), Optional.of(Optional.of("M")));
    List<Optional<String>> lasts = List.of(Optional.empty(), Optional.of("X"));
    int checked = 0;
    for (Optional<Object[]> p : firsts) {
      for (Optional<String> a : as) {
        for (Optional<Optional<String>> m : middles) {
          for (Optional<String> x : lasts) {
            Map<String, Object> expected = new LinkedHashMap<>();
            p.ifPresent(
                members -> {
                  ((Optional<?>) members[0]).ifPresent(v -> expected.put("p", v));
                  ((Optional<?>) members[1]).ifPresent(v -> expected.put("q", v));
                });
            a.ifPresent(v -> expected.put("a", v));
            m.flatMap(v -> v).ifPresent(v -> expected.put("m", v));
            expected.put("b", "B");
            x.ifPresent(v -> expected.put("x", v));

            Object stage = callStatic(token, "builder", NONE);
            stage = call(stage, "b", new Class<?>[] {String.class}, "B");
            stage =
                call(stage, "last", new Class<?>[] {last.getDeclaringClass()}, last.newInstance(x));
            if (p.isPresent()) {
              stage =
                  call(
                      stage,
                      "first",
                      new Class<?>[] {first.getDeclaringClass()},
                      first.newInstance(p.get()));
            }
            stage = call(stage, "a", new Class<?>[] {Optional.class}, a);
            if (m.isPresent()) {
              stage =
                  call(
                      stage,
                      "middle",
                      new Class<?>[] {middle.getDeclaringClass()},
                      middle.newInstance(m.get()));
            }
            Object built = call(stage, "build", NONE);
            String claims = (String) call(built, "claimsJson", NONE);
            assertEquals(expected.toString(), jsonAsMap(claims).toString(), claims);

            @SuppressWarnings("unchecked")
            JwtVerifier<Object> verifier =
                (JwtVerifier<Object>)
                    callStatic(token, "verifier", new Class<?>[] {Secret.class}, SECRET);
            String signed = (String) call(built, "token", new Class<?>[] {Secret.class}, SECRET);
            Verification<Object> verified = verifier.verify(signed);
            assertTrue(verified.isVerified(), verified::toString);
            assertEquals(claims, call(verified.request().orElseThrow(), "claimsJson", NONE));
            checked++;
          }
        }
      }
    }
    assertEquals(60, checked);
  }

  /** The claims parsed, in their order, numbers as integers. */
  private static Map<String, Object> jsonAsMap(String json) {
    Map<String, Object> values = new LinkedHashMap<>();
    ((Map<?, ?>) JsonParser.parse(json))
        .forEach(
            (name, value) ->
                values.put(
                    (String) name,
                    value instanceof java.math.BigDecimal number ? number.intValueExact() : value));
    return values;
  }
}
