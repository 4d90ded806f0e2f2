package dev.signet.sample.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signet.omni.ContentRole;
import dev.signet.omni.Mode;
import dev.signet.omni.OmniContentPaths;
import dev.signet.omni.OmniOrigins;
import dev.signet.omni.PrefersDark;
import dev.signet.omni.SignetOmniLogin;
import dev.signet.omni.SignetOmniRedeemSession;
import dev.signet.omni.Theme;
import dev.signet.omni.UiSettings;
import dev.signet.omni.UserAttribute;
import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.Origin;
import dev.signet.runtime.Secret;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One Omni request described as Omni's SDK takes it (its property names, plus {@code "op": "login"}
 * or {@code "redeem"}), signed into a URL.
 */
final class OmniCase {
  private static final Set<String> COMMON =
      Set.of("op", "secret", "host", "organizationName", "port", "nonce");
  private static final Set<String> LOGIN =
      Set.of(
          "contentPath",
          "externalId",
          "name",
          "accessBoost",
          "branch",
          "connectionRoles",
          "customTheme",
          "customThemeId",
          "email",
          "entity",
          "entityFolderContentRole",
          "entityFolderGroupContentRole",
          "entityFolderLabel",
          "entityGroupLabel",
          "filterSearchParam",
          "groups",
          "linkAccess",
          "mode",
          "modelRoles",
          "prefersDark",
          "preserveEntityFolderContentRole",
          "theme",
          "uiSettings",
          "userAttributes");
  private static final Set<String> REDEEM =
      Set.of("sessionToken", "branch", "prefersDark", "theme");

  private final ObjectNode request;

  private OmniCase(ObjectNode request) {
    this.request = request;
  }

  /**
   * The signed URL for {@code request}.
   *
   * @throws IllegalArgumentException naming the property and the rule when the request is refused
   */
  static String signedUrl(ObjectNode request) {
    return new OmniCase(request).signedUrl();
  }

  private String signedUrl() {
    String op = text("op");
    if (op == null) {
      op = "login";
    }
    Set<String> known =
        switch (op) {
          case "login" -> LOGIN;
          case "redeem" -> REDEEM;
          default -> throw new InvalidParameterException("op", "must be login or redeem");
        };
    for (Iterator<String> names = request.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!COMMON.contains(name) && !known.contains(name)) {
        throw new InvalidParameterException(
            name, "is not a parameter of Omni's " + op + " request");
      }
    }
    String secretText = text("secret");
    if (secretText == null || secretText.isBlank()) {
      throw new InvalidParameterException(
          "secret", "is required and must not be empty or only spaces");
    }
    Secret secret = Secret.ofUtf8(secretText);
    Integer port = request.hasNonNull("port") ? integer("port") : null;
    Origin origin = OmniOrigins.of(text("host"), text("organizationName"), port);
    return op.equals("login") ? login(origin, secret) : redeem(origin, secret);
  }

  private String login(Origin origin, Secret secret) {
    SignetOmniLogin.BuildStage login =
        SignetOmniLogin.builder()
            .contentPath(OmniContentPaths.check(required("contentPath")))
            .externalId(required("externalId"))
            .name(required("name"));
    if (request.hasNonNull("nonce")) {
      login.nonce(text("nonce"));
    }
    if (request.hasNonNull("accessBoost")) {
      login.accessBoost(bool("accessBoost"));
    }
    if (request.hasNonNull("preserveEntityFolderContentRole")) {
      login.preserveEntityFolderContentRole(bool("preserveEntityFolderContentRole"));
    }
    setText("branch", login::branch);
    setText("customThemeId", login::customThemeId);
    setText("email", login::email);
    setText("entity", login::entity);
    setText("entityFolderLabel", login::entityFolderLabel);
    setText("entityGroupLabel", login::entityGroupLabel);
    setText("filterSearchParam", login::filterSearchParam);
    setText("linkAccess", login::linkAccess);
    if (request.hasNonNull("connectionRoles")) {
      login.connectionRoles(textMap("connectionRoles"));
    }
    if (request.hasNonNull("customTheme")) {
      login.customTheme(textMap("customTheme"));
    }
    if (request.hasNonNull("modelRoles")) {
      login.modelRoles(textMap("modelRoles"));
    }
    if (request.hasNonNull("groups")) {
      login.groups(textList("groups"));
    }
    if (given("entityFolderContentRole")) {
      login.entityFolderContentRole(constant("entityFolderContentRole", ContentRole.class, false));
    }
    if (given("entityFolderGroupContentRole")) {
      login.entityFolderGroupContentRole(
          constant("entityFolderGroupContentRole", ContentRole.class, false));
    }
    if (given("mode")) {
      login.mode(constant("mode", Mode.class, false));
    }
    if (given("prefersDark")) {
      login.prefersDark(constant("prefersDark", PrefersDark.class, true));
    }
    if (given("theme")) {
      login.theme(constant("theme", Theme.class, true));
    }
    if (request.hasNonNull("uiSettings")) {
      login.uiSettings(uiSettings());
    }
    if (request.hasNonNull("userAttributes")) {
      login.userAttributes(userAttributes());
    }
    return login.build().signedUrl(origin, secret);
  }

  private String redeem(Origin origin, Secret secret) {
    SignetOmniRedeemSession.BuildStage redeem =
        SignetOmniRedeemSession.builder().sessionId(required("sessionToken"));
    if (request.hasNonNull("nonce")) {
      redeem.nonce(text("nonce"));
    }
    setText("branch", redeem::branch);
    if (given("prefersDark")) {
      redeem.prefersDark(constant("prefersDark", PrefersDark.class, true));
    }
    if (given("theme")) {
      redeem.theme(constant("theme", Theme.class, true));
    }
    return redeem.build().signedUrl(origin, secret);
  }

  private interface TextSetter {
    Object set(String value);
  }

  private void setText(String name, TextSetter setter) {
    if (request.hasNonNull(name)) {
      setter.set(text(name));
    }
  }

  /**
   * Whether a property is given: present, not null, and not the empty string, which Omni's SDK
   * takes as absent.
   */
  private boolean given(String name) {
    JsonNode node = request.get(name);
    return node != null && !node.isNull() && !(node.isTextual() && node.textValue().isEmpty());
  }

  private String text(String name) {
    JsonNode node = request.get(name);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw new InvalidParameterException(name, "must be a JSON string");
    }
    return node.textValue();
  }

  private String required(String name) {
    String value = text(name);
    if (value == null) {
      throw new InvalidParameterException(name, "is required");
    }
    return value;
  }

  private boolean bool(String name) {
    JsonNode node = request.get(name);
    if (!node.isBoolean()) {
      throw new InvalidParameterException(name, "must be true or false");
    }
    return node.booleanValue();
  }

  private int integer(String name) {
    JsonNode node = request.get(name);
    if (!node.canConvertToInt() || !node.isIntegralNumber()) {
      throw new InvalidParameterException(name, "must be a whole number");
    }
    return node.intValue();
  }

  /**
   * The constant whose wire value is the property's text: the constant's name, or for the enums
   * Omni writes in lower case, its name in lower case.
   */
  private <E extends Enum<E>> E constant(String name, Class<E> type, boolean lowerCase) {
    String value = text(name);
    List<String> wireValues = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      String wireValue = lowerCase ? constant.name().toLowerCase(Locale.ROOT) : constant.name();
      if (wireValue.equals(value)) {
        return constant;
      }
      wireValues.add(wireValue);
    }
    throw new InvalidParameterException(name, "must be one of " + String.join(", ", wireValues));
  }

  private ObjectNode object(String name) {
    JsonNode node = request.get(name);
    if (!node.isObject()) {
      throw new InvalidParameterException(name, "must be a JSON object");
    }
    return (ObjectNode) node;
  }

  private Map<String, String> textMap(String name) {
    Map<String, String> map = new LinkedHashMap<>();
    object(name)
        .properties()
        .forEach(
            entry -> {
              if (!entry.getValue().isTextual()) {
                throw new InvalidParameterException(
                    name, "the value of " + entry.getKey() + " must be a string");
              }
              map.put(entry.getKey(), entry.getValue().textValue());
            });
    return map;
  }

  private List<String> textList(String name) {
    JsonNode node = request.get(name);
    if (!node.isArray()) {
      throw new InvalidParameterException(name, "must be a JSON array of strings");
    }
    List<String> list = new ArrayList<>();
    for (JsonNode element : node) {
      if (!element.isTextual()) {
        throw new InvalidParameterException(name, "must be a JSON array of strings");
      }
      list.add(element.textValue());
    }
    return list;
  }

  private UiSettings uiSettings() {
    ObjectNode settings = object("uiSettings");
    JsonNode showNavigation = settings.get("showNavigation");
    if (settings.size() != 1 || showNavigation == null || !showNavigation.isBoolean()) {
      throw new InvalidParameterException(
          "uiSettings", "must be {\"showNavigation\": true or false}");
    }
    return new UiSettings(showNavigation.booleanValue());
  }

  private Map<String, UserAttribute> userAttributes() {
    Map<String, UserAttribute> attributes = new LinkedHashMap<>();
    object("userAttributes")
        .properties()
        .forEach(
            entry -> {
              attributes.put(entry.getKey(), userAttribute(entry.getKey(), entry.getValue()));
            });
    return attributes;
  }

  private static UserAttribute userAttribute(String attribute, JsonNode value) {
    if (value.isTextual()) {
      return UserAttribute.of(value.textValue());
    }
    if (value.isNumber()) {
      // As JSON.parse reads it in Omni's SDK: a double, so 9007199254740993 is ...992.
      return UserAttribute.of(finite(attribute, value));
    }
    if (value.isArray()) {
      List<Object> values = new ArrayList<>();
      for (JsonNode element : value) {
        if (element.isTextual()) {
          values.add(element.textValue());
        } else if (element.isNumber()) {
          values.add(finite(attribute, element));
        } else {
          throw new InvalidParameterException(
              "userAttributes", "the list of " + attribute + " may hold only strings and numbers");
        }
      }
      return UserAttribute.ofList(values);
    }
    throw new InvalidParameterException(
        "userAttributes",
        "the value of " + attribute + " must be a string, a number or a list of them");
  }

  /** A number JSON can hold: not one too large for a double, such as 1e400. */
  private static double finite(String attribute, JsonNode number) {
    double value = number.doubleValue();
    if (!Double.isFinite(value)) {
      throw new InvalidParameterException(
          "userAttributes", "the number in " + attribute + " is too large for a JavaScript number");
    }
    return value;
  }
}
