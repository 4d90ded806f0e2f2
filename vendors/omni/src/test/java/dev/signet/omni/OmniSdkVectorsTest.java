package dev.signet.omni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signet.omni.testing.Hmac;
import dev.signet.omni.testing.OmniVectors;
import dev.signet.omni.testing.OmniVectors.Vector;
import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.Origin;
import dev.signet.runtime.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code vectors/omni-sdk-vectors.jsonl}, made with Omni's official SDK
 * {@code @omni-co/embed} 0.16.0, built with the generated {@link SignetOmniLogin} and {@link
 * SignetOmniRedeemSession}, property by property: what the SDK signed, they must sign the same way
 * (for a login, the SDK's signed text to the character), and what must be refused, their builders
 * must refuse naming the parameter.
 */
class OmniSdkVectorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> vectors() {
    return OmniVectors.all().stream()
        .map(vector -> Arguments.of(Named.of(vector.toString(), vector)));
  }

  @Test
  void theCopyHoldsAllTheVectors() {
    List<Vector> vectors = OmniVectors.all();
    assertEquals(OmniVectors.COUNT, vectors.size());
    assertEquals(OmniVectors.COUNT, vectors.get(vectors.size() - 1).line(), "no blank lines");
    assertEquals(292, vectors.stream().filter(Vector::accepted).count(), "accepted vectors");
    assertEquals(
        49,
        vectors.stream().filter(v -> v.op().equals("redeem")).count(),
        "redeem-session vectors");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void signsOrRefusesAsTheVectorSays(Vector vector) throws Exception {
    ObjectNode request = vector.request();
    String secret = request.get("secret").textValue();
    if (!vector.accepted()) {
      String parameter = vector.refusedParameter();
      InvalidParameterException refusal =
          assertThrows(InvalidParameterException.class, () -> signedUrl(vector));
      assertEquals(parameter, refusal.parameter(), refusal::getMessage);
      assertTrue(
          refusal.getMessage().startsWith(parameter + ": "),
          () -> "the message should name " + parameter + ": " + refusal.getMessage());
      assertFalse(refusal.getMessage().contains(secret), "the secret leaked");
      return;
    }
    OmniVectors.assertSignedLikeTheSdk(vector, signedUrl(vector));
    if (vector.op().equals("login")) {
      String canonical = vector.sdk().get("canonical").textValue();
      assertEquals(
          vector.sdk().get("signature").textValue(),
          Hmac.sha256Base64Url(secret, canonical),
          "the vector's signature is the HMAC of its canonical text");
      assertEquals(canonical, login(request).canonicalText(origin(request)), "canonical text");
    }
  }

  private static String signedUrl(Vector vector) {
    ObjectNode request = vector.request();
    Secret secret = Secret.ofUtf8(request.get("secret").textValue());
    return vector.op().equals("login")
        ? login(request).signedUrl(origin(request), secret)
        : redeem(request).signedUrl(origin(request), secret);
  }

  private static Origin origin(ObjectNode request) {
    return OmniOrigins.of(
        text(request, "host").orElse(null),
        text(request, "organizationName").orElse(null),
        request.hasNonNull("port") ? request.get("port").intValue() : null);
  }

  /** The login case built with {@link SignetOmniLogin}'s builder. */
  private static SignetOmniLogin login(ObjectNode request) {
    return SignetOmniLogin.builder()
        .contentPath(request.get("contentPath").textValue())
        .externalId(request.get("externalId").textValue())
        .name(text(request, "name").orElse(null))
        .nonce(request.get("nonce").textValue())
        .accessBoost(node(request, "accessBoost").map(JsonNode::booleanValue))
        .branch(text(request, "branch"))
        .connectionRoles(node(request, "connectionRoles").map(OmniSdkVectorsTest::textMap))
        .customTheme(node(request, "customTheme").map(OmniSdkVectorsTest::textMap))
        .customThemeId(text(request, "customThemeId"))
        .email(text(request, "email"))
        .entity(text(request, "entity"))
        .entityFolderContentRole(constant(request, "entityFolderContentRole", ContentRole::valueOf))
        .entityFolderGroupContentRole(
            constant(request, "entityFolderGroupContentRole", ContentRole::valueOf))
        .entityFolderLabel(text(request, "entityFolderLabel"))
        .entityGroupLabel(text(request, "entityGroupLabel"))
        .filterSearchParam(text(request, "filterSearchParam"))
        .groups(
            node(request, "groups")
                .map(groups -> JSON.convertValue(groups, new TypeReference<List<String>>() {})))
        .linkAccess(text(request, "linkAccess"))
        .mode(constant(request, "mode", Mode::valueOf))
        .modelRoles(node(request, "modelRoles").map(OmniSdkVectorsTest::textMap))
        .prefersDark(constant(request, "prefersDark", upperCase(PrefersDark::valueOf)))
        .preserveEntityFolderContentRole(
            node(request, "preserveEntityFolderContentRole").map(JsonNode::booleanValue))
        .theme(constant(request, "theme", upperCase(Theme::valueOf)))
        .uiSettings(
            node(request, "uiSettings")
                .map(ui -> new UiSettings(ui.get("showNavigation").booleanValue())))
        .userAttributes(node(request, "userAttributes").map(OmniSdkVectorsTest::userAttributes))
        .build();
  }

  /** The redeem-session case built with {@link SignetOmniRedeemSession}'s builder. */
  private static SignetOmniRedeemSession redeem(ObjectNode request) {
    return SignetOmniRedeemSession.builder()
        .nonce(request.get("nonce").textValue())
        .sessionId(request.get("sessionToken").textValue())
        .branch(text(request, "branch"))
        .prefersDark(constant(request, "prefersDark", upperCase(PrefersDark::valueOf)))
        .theme(constant(request, "theme", upperCase(Theme::valueOf)))
        .build();
  }

  private static Optional<JsonNode> node(ObjectNode request, String name) {
    return Optional.ofNullable(request.get(name)).filter(node -> !node.isNull());
  }

  private static Optional<String> text(ObjectNode request, String name) {
    return node(request, name).map(JsonNode::textValue);
  }

  /** An enum property; the empty string, which Omni's SDK takes as absent, is absent here too. */
  private static <E> Optional<E> constant(
      ObjectNode request, String name, Function<String, E> valueOf) {
    return text(request, name).filter(wire -> !wire.isEmpty()).map(valueOf);
  }

  private static <E> Function<String, E> upperCase(Function<String, E> valueOf) {
    return wire -> valueOf.apply(wire.toUpperCase(Locale.ROOT));
  }

  private static Map<String, String> textMap(JsonNode object) {
    return JSON.convertValue(object, new TypeReference<LinkedHashMap<String, String>>() {});
  }

  private static Map<String, UserAttribute> userAttributes(JsonNode object) {
    Map<String, UserAttribute> attributes = new LinkedHashMap<>();
    object
        .properties()
        .forEach(
            attribute -> {
              JsonNode value = attribute.getValue();
              if (value.isArray()) {
                List<Object> items = new ArrayList<>();
                value.forEach(item -> items.add(scalar(item)));
                attributes.put(attribute.getKey(), UserAttribute.ofList(items));
              } else if (scalar(value) instanceof String string) {
                attributes.put(attribute.getKey(), UserAttribute.of(string));
              } else if (scalar(value) instanceof Long integer) {
                attributes.put(attribute.getKey(), UserAttribute.of(integer));
              } else {
                attributes.put(attribute.getKey(), UserAttribute.of(value.doubleValue()));
              }
            });
    return attributes;
  }

  private static Object scalar(JsonNode value) {
    if (value.isTextual()) {
      return value.textValue();
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      return value.longValue();
    }
    if (value.isNumber()) {
      return value.doubleValue();
    }
    return fail("a user attribute the vectors should not hold: " + value);
  }
}
