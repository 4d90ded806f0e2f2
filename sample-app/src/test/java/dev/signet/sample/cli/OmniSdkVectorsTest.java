package dev.signet.sample.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signet.runtime.Origin;
import dev.signet.runtime.Secret;
import dev.signet.sample.omni.ContentRole;
import dev.signet.sample.omni.Mode;
import dev.signet.sample.omni.OmniOrigins;
import dev.signet.sample.omni.PrefersDark;
import dev.signet.sample.omni.SignetOmniLogin;
import dev.signet.sample.omni.Theme;
import dev.signet.sample.omni.UiSettings;
import dev.signet.sample.omni.UserAttribute;
import dev.signet.sample.testing.Hmac;
import dev.signet.sample.testing.OmniVectors;
import dev.signet.sample.testing.OmniVectors.Vector;
import dev.signet.sample.testing.SignedUrl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code vectors/omni-sdk-vectors.jsonl}, made with Omni's official SDK
 * {@code @omni-co/embed} 0.16.0: what the SDK signed, Signet must sign the same way, and what
 * must be refused, Signet must refuse naming the parameter.
 */
class OmniSdkVectorsTest {
  /** The parameters whose values are JSON text, compared as JSON (key order ignored). */
  private static final Set<String> JSON_VALUED =
      Set.of("userAttributes", "customTheme", "connectionRoles", "modelRoles", "groups", "uiSettings");

  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> vectors() {
    return OmniVectors.all().stream().map(vector -> Arguments.of(Named.of(vector.toString(), vector)));
  }

  @Test
  void theCopyHoldsAllTheVectors() {
    List<Vector> vectors = OmniVectors.all();
    assertEquals(OmniVectors.COUNT, vectors.size());
    assertEquals(OmniVectors.COUNT, vectors.get(vectors.size() - 1).line(), "no blank lines");
    assertEquals(292, vectors.stream().filter(Vector::accepted).count(), "accepted vectors");
    assertEquals(49, vectors.stream().filter(v -> v.op().equals("redeem")).count(), "redeem-session vectors");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void signsOrRefusesAsTheVectorSays(Vector vector) throws Exception {
    if (vector.accepted()) {
      checkSignedLikeTheSdk(vector);
    } else {
      checkRefused(vector);
    }
  }

  private static void checkSignedLikeTheSdk(Vector vector) throws Exception {
    String url = OmniCase.signedUrl(vector.request().deepCopy());
    SignedUrl ours = SignedUrl.parse(url);
    SignedUrl sdk = SignedUrl.parse(vector.sdk().get("url").textValue());

    assertEquals(sdk.endpoint(), ours.endpoint(), "origin and path");
    Map<String, String> ourValues = ours.values(); // fails on a repeated parameter
    Map<String, String> sdkValues = sdk.values();
    assertEquals(sdkValues.keySet(), ourValues.keySet(), "parameter names");
    for (String name : sdkValues.keySet()) {
      if (JSON_VALUED.contains(name)) {
        assertEquals(JSON.readTree(sdkValues.get(name)), JSON.readTree(ourValues.get(name)), name);
      } else {
        assertEquals(sdkValues.get(name), ourValues.get(name), name);
      }
    }
    // The vectors fix the nonce, and Signet writes JSON as JSON.stringify does, so the
    // signature is not just valid but the SDK's own, byte for byte.
    assertEquals(vector.sdk().get("signature").textValue(), ourValues.get("signature"), "signature");

    if (vector.sdk().hasNonNull("canonical")) {
      checkTypedLoginCanonicalText(vector, url);
    }
  }

  /** The same case built with the generated builder signs the SDK's text, to the character. */
  private static void checkTypedLoginCanonicalText(Vector vector, String urlFromOmniCase) {
    ObjectNode request = vector.request();
    String canonical = vector.sdk().get("canonical").textValue();
    String secret = request.get("secret").textValue();
    assertEquals(
        vector.sdk().get("signature").textValue(),
        Hmac.sha256Base64Url(secret, canonical),
        "the vector's signature is the HMAC of its canonical text");

    Origin origin =
        OmniOrigins.of(
            text(request, "host").orElse(null),
            text(request, "organizationName").orElse(null),
            request.hasNonNull("port") ? request.get("port").intValue() : null);
    SignetOmniLogin login = typedLogin(request);
    assertEquals(canonical, login.canonicalText(origin), "canonical text");
    assertEquals(urlFromOmniCase, login.signedUrl(origin, Secret.ofUtf8(secret)), "typed API and OmniCase agree");
  }

  private static void checkRefused(Vector vector) {
    String parameter = refusedParameter(vector);
    ObjectNode request = vector.request().deepCopy();
    IllegalArgumentException refusal =
        assertThrows(IllegalArgumentException.class, () -> OmniCase.signedUrl(request));
    assertTrue(
        refusal.getMessage().startsWith(parameter + ": "),
        () -> "the message should name " + parameter + ": " + refusal.getMessage());
    assertFalse(refusal.getMessage().contains(request.get("secret").textValue()), "the secret leaked");
  }

  /** The parameter that the refusal must name, from the vector's reason. */
  private static String refusedParameter(Vector vector) {
    switch (vector.why()) {
      case "a value holds a line break":
        List<String> holders = new ArrayList<>();
        vector.request().properties().forEach(property -> {
          String value = property.getValue().asText("");
          if (property.getValue().isTextual() && (value.contains("\n") || value.contains("\r"))) {
            holders.add(property.getKey());
          }
        });
        assertEquals(1, holders.size(), () -> "one parameter should hold the line break: " + holders);
        return holders.get(0);
      case "the SDK refuses it: nonce must be 32 characters":
        return "nonce";
      case "the SDK refuses it: name is required":
        return "name";
      default:
        return fail("no rule for a vector refused because: " + vector.why());
    }
  }

  /** The login case built with {@link SignetOmniLogin}'s builder, property by property. */
  private static SignetOmniLogin typedLogin(ObjectNode request) {
    return SignetOmniLogin.builder()
        .contentPath(request.get("contentPath").textValue())
        .externalId(request.get("externalId").textValue())
        .name(request.get("name").textValue())
        .nonce(request.get("nonce").textValue())
        .accessBoost(node(request, "accessBoost").map(JsonNode::booleanValue))
        .branch(text(request, "branch"))
        .connectionRoles(node(request, "connectionRoles").map(OmniSdkVectorsTest::textMap))
        .customTheme(node(request, "customTheme").map(OmniSdkVectorsTest::textMap))
        .customThemeId(text(request, "customThemeId"))
        .email(text(request, "email"))
        .entity(text(request, "entity"))
        .entityFolderContentRole(text(request, "entityFolderContentRole").map(ContentRole::valueOf))
        .entityFolderGroupContentRole(text(request, "entityFolderGroupContentRole").map(ContentRole::valueOf))
        .entityFolderLabel(text(request, "entityFolderLabel"))
        .entityGroupLabel(text(request, "entityGroupLabel"))
        .filterSearchParam(text(request, "filterSearchParam"))
        .groups(node(request, "groups").map(groups -> JSON.convertValue(groups, new TypeReference<List<String>>() {})))
        .linkAccess(text(request, "linkAccess"))
        .mode(text(request, "mode").map(Mode::valueOf))
        .modelRoles(node(request, "modelRoles").map(OmniSdkVectorsTest::textMap))
        .prefersDark(text(request, "prefersDark").map(upperCase(PrefersDark::valueOf)))
        .preserveEntityFolderContentRole(node(request, "preserveEntityFolderContentRole").map(JsonNode::booleanValue))
        .theme(text(request, "theme").map(upperCase(Theme::valueOf)))
        .uiSettings(node(request, "uiSettings").map(ui -> new UiSettings(ui.get("showNavigation").booleanValue())))
        .userAttributes(node(request, "userAttributes").map(OmniSdkVectorsTest::userAttributes))
        .build();
  }

  private static Optional<JsonNode> node(ObjectNode request, String name) {
    return Optional.ofNullable(request.get(name)).filter(node -> !node.isNull());
  }

  private static Optional<String> text(ObjectNode request, String name) {
    return node(request, name).map(JsonNode::textValue);
  }

  private static <E> Function<String, E> upperCase(Function<String, E> valueOf) {
    return wire -> valueOf.apply(wire.toUpperCase(Locale.ROOT));
  }

  private static Map<String, String> textMap(JsonNode object) {
    return JSON.convertValue(object, new TypeReference<LinkedHashMap<String, String>>() {});
  }

  private static Map<String, UserAttribute> userAttributes(JsonNode object) {
    Map<String, UserAttribute> attributes = new LinkedHashMap<>();
    object.properties().forEach(attribute -> {
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
