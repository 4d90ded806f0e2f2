package dev.signet.sample.web;

import dev.signet.omni.ContentRole;
import dev.signet.omni.Mode;
import dev.signet.omni.OmniContentPaths;
import dev.signet.omni.PrefersDark;
import dev.signet.omni.SignetOmniLogin;
import dev.signet.omni.Theme;
import dev.signet.omni.UiSettings;
import dev.signet.omni.UserAttribute;
import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.JsonParser;
import dev.signet.sample.server.Html;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The builder's form: one field for each parameter of Omni's embed login, named as Omni's SDK names
 * it, read into {@link SignetOmniLogin}'s builder. An empty field is an absent parameter.
 */
final class LoginForm {
  enum Kind {
    TEXT,
    BOOLEAN,
    CHOICE,
    JSON
  }

  record Field(String name, Kind kind, List<String> choices, String hint) {}

  static final List<Field> FIELDS =
      List.of(
          text("contentPath", "required: " + OmniContentPaths.FORMS),
          text("externalId", "required: your stable id for the user"),
          text("name", "required: the user's display name"),
          text("nonce", "32 characters of 0-9A-Za-z; empty to draw one"),
          new Field("accessBoost", Kind.BOOLEAN, List.of(), ""),
          text("branch", ""),
          json("connectionRoles", "{\"CONNECTION_ID\":\"VIEWER\"}"),
          json("customTheme", "{\"dashboard-background\":\"#fff\"}"),
          text("customThemeId", ""),
          text("email", ""),
          text("entity", ""),
          choice("entityFolderContentRole", ContentRole.values()),
          choice("entityFolderGroupContentRole", ContentRole.values()),
          text("entityFolderLabel", ""),
          text("entityGroupLabel", ""),
          text("filterSearchParam", "already URL-encoded, as in a dashboard's URL"),
          json("groups", "[\"Sales\",\"Managers\"]"),
          text("linkAccess", "__omni_link_access_open, or dashboard ids separated by commas"),
          choice("mode", Mode.values()),
          json("modelRoles", "{\"MODEL_ID\":\"VIEWER\"}"),
          new Field("prefersDark", Kind.CHOICE, List.of("true", "false", "system"), ""),
          new Field("preserveEntityFolderContentRole", Kind.BOOLEAN, List.of(), ""),
          new Field("theme", Kind.CHOICE, List.of("vibes", "dawn", "breeze", "blank"), ""),
          json("uiSettings", "{\"showNavigation\":true}"),
          json("userAttributes", "{\"region\":\"west\"}"));

  private LoginForm() {}

  private static Field text(String name, String hint) {
    return new Field(name, Kind.TEXT, List.of(), hint);
  }

  private static Field json(String name, String example) {
    return new Field(name, Kind.JSON, List.of(), "JSON, such as " + example);
  }

  private static Field choice(String name, Enum<?>[] values) {
    return new Field(name, Kind.CHOICE, Arrays.stream(values).map(Enum::name).toList(), "");
  }

  /** The form's rows, with {@code values} filled in. */
  static String render(Map<String, String> values) {
    StringBuilder rows = new StringBuilder();
    for (Field field : FIELDS) {
      String id = "login-" + field.name();
      String value = values.getOrDefault(field.name(), "");
      rows.append("<label for=\"")
          .append(id)
          .append("\">")
          .append(field.name())
          .append("</label><div>");
      switch (field.kind()) {
        case BOOLEAN, CHOICE -> {
          List<String> choices =
              field.kind() == Kind.BOOLEAN ? List.of("true", "false") : field.choices();
          rows.append("<select id=\"")
              .append(id)
              .append("\" name=\"")
              .append(field.name())
              .append("\">")
              .append("<option value=\"\">(absent)</option>");
          for (String choice : choices) {
            rows.append("<option")
                .append(choice.equals(value) ? " selected" : "")
                .append('>')
                .append(Html.escape(choice))
                .append("</option>");
          }
          rows.append("</select>");
        }
        default ->
            rows.append("<input type=\"text\" id=\"")
                .append(id)
                .append("\" name=\"")
                .append(field.name())
                .append("\" value=\"")
                .append(Html.escape(value))
                .append("\">");
      }
      if (!field.hint().isEmpty()) {
        rows.append(" <span class=\"hint\">").append(Html.escape(field.hint())).append("</span>");
      }
      rows.append("</div>");
    }
    return rows.toString();
  }

  /**
   * The login the form describes.
   *
   * @throws IllegalArgumentException naming the field and what is wrong with it
   */
  static SignetOmniLogin read(Map<String, String> form) {
    SignetOmniLogin.BuildStage login =
        SignetOmniLogin.builder()
            .contentPath(OmniContentPaths.check(form.getOrDefault("contentPath", "")))
            .externalId(form.getOrDefault("externalId", ""))
            .name(form.getOrDefault("name", ""));
    Reader fields = new Reader(form);
    fields.text("nonce", login::nonce);
    fields.bool("accessBoost", login::accessBoost);
    fields.text("branch", login::branch);
    fields.json("connectionRoles", json -> login.connectionRoles(textMap("connectionRoles", json)));
    fields.json("customTheme", json -> login.customTheme(textMap("customTheme", json)));
    fields.text("customThemeId", login::customThemeId);
    fields.text("email", login::email);
    fields.text("entity", login::entity);
    fields.choice("entityFolderContentRole", ContentRole.values(), login::entityFolderContentRole);
    fields.choice(
        "entityFolderGroupContentRole", ContentRole.values(), login::entityFolderGroupContentRole);
    fields.text("entityFolderLabel", login::entityFolderLabel);
    fields.text("entityGroupLabel", login::entityGroupLabel);
    fields.text("filterSearchParam", login::filterSearchParam);
    fields.json("groups", json -> login.groups(textList("groups", json)));
    fields.text("linkAccess", login::linkAccess);
    fields.choice("mode", Mode.values(), login::mode);
    fields.json("modelRoles", json -> login.modelRoles(textMap("modelRoles", json)));
    fields.choice("prefersDark", PrefersDark.values(), login::prefersDark);
    fields.bool("preserveEntityFolderContentRole", login::preserveEntityFolderContentRole);
    fields.choice("theme", Theme.values(), login::theme);
    fields.json("uiSettings", json -> login.uiSettings(uiSettings(json)));
    fields.json("userAttributes", json -> login.userAttributes(userAttributes(json)));
    return login.build();
  }

  /** Reads the form's fields; an empty one is left out. */
  private record Reader(Map<String, String> form) {
    private String value(String name) {
      String value = form.get(name);
      return value == null || value.isEmpty() ? null : value;
    }

    void text(String name, Consumer<String> set) {
      String value = value(name);
      if (value != null) {
        set.accept(value);
      }
    }

    void bool(String name, Consumer<Boolean> set) {
      String value = value(name);
      if (value != null) {
        if (!value.equals("true") && !value.equals("false")) {
          throw new InvalidParameterException(name, "must be true or false");
        }
        set.accept(Boolean.parseBoolean(value));
      }
    }

    <E extends Enum<E>> void choice(String name, E[] constants, Consumer<E> set) {
      String value = value(name);
      if (value != null) {
        set.accept(
            Arrays.stream(constants)
                .filter(constant -> constant.name().equalsIgnoreCase(value))
                .findFirst()
                .orElseThrow(
                    () -> new InvalidParameterException(name, "is not one of its values")));
      }
    }

    void json(String name, Consumer<Object> set) {
      String value = value(name);
      if (value != null) {
        Object json;
        try {
          json = JsonParser.parse(value);
        } catch (IllegalArgumentException e) {
          throw new InvalidParameterException(name, "is not JSON (" + e.getMessage() + ")");
        }
        set.accept(json);
      }
    }
  }

  private static Map<String, String> textMap(String name, Object json) {
    Map<String, String> map = new LinkedHashMap<>();
    if (!(json instanceof Map<?, ?> object)) {
      throw new InvalidParameterException(name, "must be a JSON object");
    }
    object.forEach(
        (key, value) -> {
          if (!(value instanceof String text)) {
            throw new InvalidParameterException(name, "must map each key to a string");
          }
          map.put((String) key, text);
        });
    return map;
  }

  private static List<String> textList(String name, Object json) {
    if (!(json instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
      throw new InvalidParameterException(name, "must be a JSON array of strings");
    }
    List<String> texts = new ArrayList<>();
    list.forEach(item -> texts.add((String) item));
    return texts;
  }

  private static UiSettings uiSettings(Object json) {
    if (!(json instanceof Map<?, ?> object)
        || object.size() != 1
        || !(object.get("showNavigation") instanceof Boolean show)) {
      throw new InvalidParameterException(
          "uiSettings", "must be {\"showNavigation\": true or false}");
    }
    return new UiSettings(show);
  }

  private static Map<String, UserAttribute> userAttributes(Object json) {
    if (!(json instanceof Map<?, ?> object)) {
      throw new InvalidParameterException("userAttributes", "must be a JSON object");
    }
    Map<String, UserAttribute> attributes = new LinkedHashMap<>();
    try {
      object.forEach((key, value) -> attributes.put((String) key, UserAttribute.fromJson(value)));
    } catch (IllegalArgumentException e) {
      throw new InvalidParameterException("userAttributes", e.getMessage());
    }
    return attributes;
  }
}
