package dev.signet.codatum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.VendorRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The generated {@link SignetCodatumIssueToken}: its body, headers, text and checks. */
class CodatumIssueTokenTest {
  private static final String SECRET = "sk_live_secret_value";

  private static final List<EncodedParam> STORE =
      List.of(new EncodedParam("66a1b2c3d4e5f60718293a4b", "\"store_001\"", true));

  private static SignetCodatumIssueToken.BuildStage builder(String userId) {
    return builder(userId, STORE);
  }

  private static SignetCodatumIssueToken.BuildStage builder(
      String userId, List<EncodedParam> params) {
    return SignetCodatumIssueToken.builder()
        .apiKey("ak_1")
        .apiSecret(SECRET)
        .integrationId("66a1b2c3d4e5f60718293aff")
        .pageId("page-1")
        .tokenUserId(userId)
        .params(params);
  }

  @Test
  void bodyIsCompactJsonInDeclarationOrderWithoutAbsentOptionals() {
    assertEquals(
        "{\"api_key\":\"ak_1\",\"api_secret\":\"sk_live_secret_value\","
            + "\"integration_id\":\"66a1b2c3d4e5f60718293aff\",\"page_id\":\"page-1\","
            + "\"token_user_id\":\"user-42\",\"params\":[{\"param_id\":\"66a1b2c3d4e5f60718293a4b\","
            + "\"param_value\":\"\\\"store_001\\\"\",\"is_hidden\":true}]}",
        builder("user-42").build().body());
    assertEquals(
        "{\"api_key\":\"ak_1\",\"api_secret\":\"sk_live_secret_value\","
            + "\"integration_id\":\"66a1b2c3d4e5f60718293aff\",\"page_id\":\"page-1\","
            + "\"token_user_id\":\"user-42\",\"params\":[],\"expires_in\":3600,\"cache_max_age\":0}",
        builder("user-42", List.of()).expiresIn(3600).cacheMaxAge(0).build().body());
  }

  @Test
  void readyToSend() {
    VendorRequest request = builder("user-42").build();
    assertEquals("POST", request.method());
    assertEquals("/api/notebook/issueToken", request.path());
    assertEquals(
        Map.of("Content-Type", "application/json", "Accept", "application/json"),
        request.headers());
  }

  @Test
  void toStringHidesTheSecret() {
    SignetCodatumIssueToken request = builder("user-42").expiresIn(60).build();
    assertEquals(
        "SignetCodatumIssueToken{api_key=ak_1, api_secret=[redacted],"
            + " integration_id=66a1b2c3d4e5f60718293aff, page_id=page-1, token_user_id=user-42,"
            + " params=[EncodedParam[paramId=66a1b2c3d4e5f60718293a4b, paramValue=\"store_001\","
            + " hidden=true]], expires_in=60}",
        request.toString());
    assertEquals("echoed [redacted] back", request.redact("echoed " + SECRET + " back"));
  }

  @Test
  void equalityCoversEveryFieldButTheHashLeavesTheSecretOut() {
    SignetCodatumIssueToken one = builder("user-42").build();
    SignetCodatumIssueToken same = builder("user-42").build();
    SignetCodatumIssueToken otherSecret =
        SignetCodatumIssueToken.builder()
            .apiKey("ak_1")
            .apiSecret("another-secret")
            .integrationId("66a1b2c3d4e5f60718293aff")
            .pageId("page-1")
            .tokenUserId("user-42")
            .params(one.params())
            .build();
    assertEquals(one, same);
    assertEquals(one.hashCode(), same.hashCode());
    assertNotEquals(one, otherSecret);
    assertEquals(one.hashCode(), otherSecret.hashCode());
  }

  @Test
  void theParamsAreCopied() {
    List<EncodedParam> params = new ArrayList<>();
    SignetCodatumIssueToken request = builder("user-42", params).build();
    params.add(new EncodedParam("x", "1", false));
    assertEquals(List.of(), request.params());
    assertThrows(
        UnsupportedOperationException.class,
        () -> request.params().add(new EncodedParam("x", "1", false)));
  }

  @Test
  void requiredTextMustNotBeEmpty() {
    InvalidParameterException refused =
        assertThrows(InvalidParameterException.class, () -> builder("").build());
    assertEquals("token_user_id", refused.parameter());
  }

  @Test
  void nullIsRefusedWhereItIsGiven() {
    InvalidParameterException refused =
        assertThrows(
            InvalidParameterException.class,
            () -> SignetCodatumIssueToken.builder().apiKey("ak_1").apiSecret(null));
    assertEquals("api_secret: must not be null", refused.getMessage());
  }

  /** Strings escaped per RFC 8259: what Jackson reads back is what was given. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "quote\" backslash\\ slash/",
        "controls \u0000\u0001\b\t\n\u000b\f\r\u001f\u007f",
        "line separators \u2028\u2029",
        "東京 🚀 e\u0301",
        "lone surrogates \ud800 and \udfff",
        "</script><!--"
      })
  void stringsReadBackThroughJackson(String userId) throws Exception {
    String body = builder(userId).build().body();
    ObjectMapper jackson = new ObjectMapper();
    assertEquals(userId, jackson.readTree(body).get("token_user_id").asText());
    assertFalse(body.chars().anyMatch(c -> c < 0x20), "no raw control character in " + body);
    if (!userId.startsWith("lone")) {
      // Jackson's own text (its escapes differ, \u001F for \u001f) is the same JSON.
      assertEquals(
          jackson
              .readTree(jackson.writeValueAsString(Map.of("token_user_id", userId)))
              .get("token_user_id"),
          jackson.readTree(body).get("token_user_id"));
    }
  }

  /** The declaration is also a type that the host's own Jackson mapper writes the same way. */
  @Test
  void aJacksonMapperWritesTheSameJson() throws Exception {
    ObjectMapper jackson = new ObjectMapper().registerModule(new Jdk8Module());
    for (SignetCodatumIssueToken request :
        List.of(
            builder("user-42").build(),
            builder("user-\u2028\"42\"", List.of()).expiresIn(60).cacheMaxAge(5).build())) {
      assertEquals(
          jackson.readTree(request.body()),
          jackson.readTree(jackson.writeValueAsString(request)),
          request.body());
    }
  }
}
