package dev.signet.tableau;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.signet.runtime.InvalidParameterException;
import dev.signet.tableau.TableauVectors.Vector;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every vector of {@code tableau.jsonl}, built with the declaration, signed to the byte. */
class TableauVectorsTest {
  static List<Vector> vectors() {
    return TableauVectors.all();
  }

  @Test
  void theFileHoldsSixtyVectorsSixToRefuse() {
    assertEquals(60, vectors().size());
    assertEquals(6, vectors().stream().filter(v -> !v.accepted()).count());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void signsAsTheReferenceDoesOrRefuses(Vector vector) {
    if (!vector.accepted()) {
      assertThrows(
          IllegalArgumentException.class, () -> TableauVectors.signed(vector), vector.why());
      return;
    }
    SignetTableauToken token = TableauVectors.token(vector);
    assertEquals(vector.expect().get("header"), token.headerJson());
    assertEquals(vector.expect().get("payload"), token.claimsJson());
    assertEquals(vector.token(), TableauVectors.signed(vector));
  }

  @Test
  void refusalsNameTheFieldAndTheRule() {
    String tooLong =
        "exp: must be at most 600 seconds after iat, the longest the vendor allows, is 601 seconds"
            + " after it";
    assertEquals(tooLong, refusal("tableau-1-7"));
    assertEquals(tooLong.replace("601", "900"), refusal("tableau-1-47"));
    assertEquals("sub: is required and must not be empty", refusal("tableau-1-17"));
    assertEquals("jti: is required and must not be empty", refusal("tableau-1-57"));
    assertEquals(
        "scp: must hold at least one scope, such as tableau:views:embed", refusal("tableau-1-27"));
    assertEquals("secret: must not be empty", refusal("tableau-1-37"));
  }

  @Test
  void theAudienceIsFixedAndTheAttributesSitBetweenTheExpiryAndTheIssueTime() {
    Map<String, TableauAttribute> attributes = new LinkedHashMap<>();
    attributes.put("Region", TableauAttribute.ofList("West", "East"));
    attributes.put("Tier", TableauAttribute.of("gold"));
    SignetTableauToken token = builder().iat(1_000).userAttributes(attributes).build();
    assertEquals("tableau", token.aud());
    assertEquals(
        "{\"jti\":\"j-1\",\"aud\":\"tableau\",\"sub\":\"ana@example.com\","
            + "\"scp\":[\"tableau:views:embed\"],\"exp\":1300,"
            + "\"Region\":[\"West\",\"East\"],\"Tier\":\"gold\",\"iat\":1000}",
        token.claimsJson());
    assertEquals(
        "{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"secret-id\",\"iss\":\"client-id\"}",
        token.headerJson());
  }

  @Test
  void noAttributesAndAnEmptyMapWriteTheSameClaims() {
    String without = builder().iat(1_000).build().claimsJson();
    assertEquals(without, builder().iat(1_000).userAttributes(Map.of()).build().claimsJson());
    assertEquals(
        java.util.Optional.empty(),
        builder().iat(1_000).userAttributes(Map.of()).build().userAttributes());
  }

  @Test
  void exactlyTenMinutesIsAcceptedAndTheDefaultIsFive() {
    assertEquals(1_600, builder().iat(1_000).exp(1_600).build().exp());
    assertEquals(1_300, builder().iat(1_000).build().exp());
    assertEquals(
        "exp: must be after iat (1000), is 1000",
        assertThrows(InvalidParameterException.class, () -> builder().iat(1_000).exp(1_000).build())
            .getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"sub", "exp", "iat", "jti", "aud", "scp", "nbf", "iss"})
  void anAttributeNamedLikeAClaimIsRefused(String name) {
    InvalidParameterException refused =
        assertThrows(
            InvalidParameterException.class,
            () -> builder().userAttributes(Map.of(name, TableauAttribute.of("x"))).build());
    assertEquals("userAttributes", refused.parameter());
    assertEquals(
        "userAttributes: has the key "
            + name
            + ", but the claim "
            + name
            + (List.of("sub", "exp", "iat", "jti", "aud", "scp").contains(name)
                ? " is another claim of this token"
                : " is registered (RFC 7519 §4.1), which a vendor reads as such")
            + "; remove the key or rename it",
        refused.getMessage());
  }

  @Test
  void anEmptyAttributeNameIsRefused() {
    assertEquals(
        "userAttributes: a key is empty; each names a claim",
        assertThrows(
                InvalidParameterException.class,
                () -> builder().userAttributes(Map.of("", TableauAttribute.of("x"))).build())
            .getMessage());
  }

  @Test
  void requiredIdsMustNotBeEmpty() {
    assertEquals(
        "kid: is required and must not be empty",
        assertThrows(
                InvalidParameterException.class,
                () ->
                    SignetTableauToken.builder()
                        .secretId("")
                        .clientId("c")
                        .jti("j")
                        .username("u")
                        .scopes(TableauScopes.of(TableauScopes.VIEWS_EMBED))
                        .build())
            .getMessage());
    assertEquals(
        "iss: is required and must not be empty",
        assertThrows(
                InvalidParameterException.class,
                () ->
                    SignetTableauToken.builder()
                        .secretId("s")
                        .clientId("")
                        .jti("j")
                        .username("u")
                        .scopes(TableauScopes.of(TableauScopes.VIEWS_EMBED))
                        .build())
            .getMessage());
  }

  private static SignetTableauToken.BuildStage builder() {
    return SignetTableauToken.builder()
        .secretId("secret-id")
        .clientId("client-id")
        .jti("j-1")
        .username("ana@example.com")
        .scopes(TableauScopes.of(TableauScopes.VIEWS_EMBED));
  }

  private static String refusal(String id) {
    Vector vector = vectors().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
    return assertThrows(IllegalArgumentException.class, () -> TableauVectors.signed(vector))
        .getMessage();
  }
}
