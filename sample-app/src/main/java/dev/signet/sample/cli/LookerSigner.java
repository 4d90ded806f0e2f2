package dev.signet.sample.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signet.looker.JsonValue;
import dev.signet.looker.LookerOrigins;
import dev.signet.looker.SignetLookerLogin;
import dev.signet.runtime.JsonParser;
import dev.signet.runtime.Secret;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code sign looker}: Looker's signed embed URL, from its declaration in signet-looker. */
final class LookerSigner implements CaseSigner {
  @Override
  public String vendor() {
    return "looker";
  }

  @Override
  public String summary() {
    return "Looker's signed embed (SSO) URL";
  }

  @Override
  public List<Field> fields() {
    return List.of(
        new Field("secret", "the embed secret"),
        new Field("host", "the instance's host, with :port where there is one"),
        new Field("src", "the embedded page's path and query, not yet encoded"),
        new Field("nonce", "16 letters and digits; drawn when absent"),
        new Field("time", "Unix seconds; the clock's when absent"),
        new Field(
            "user",
            "external_user_id, session_length, permissions, models; optional first_name,"
                + " last_name, group_ids, external_group_id, user_attributes, access_filters,"
                + " user_timezone, force_logout_login"));
  }

  @Override
  public String sign(ObjectNode signedCase) {
    String secret = Cases.text(signedCase, "secret");
    if (secret.isEmpty()) {
      throw new IllegalArgumentException("secret: must not be empty");
    }
    JsonNode user = signedCase.path("user");
    if (!user.isObject()) {
      throw new IllegalArgumentException("user: must be an object");
    }
    SignetLookerLogin.BuildStage login =
        SignetLookerLogin.builder()
            .target(Cases.text(signedCase, "src"))
            .sessionLength(Cases.number(user, "session_length"))
            .externalUserId(Cases.text(user, "external_user_id"))
            .permissions(Cases.texts(user, "permissions"))
            .models(Cases.texts(user, "models"));
    if (signedCase.has("nonce")) {
      login.nonce(Cases.text(signedCase, "nonce"));
    }
    if (signedCase.has("time")) {
      login.time(Cases.number(signedCase, "time"));
    }
    if (user.has("first_name")) {
      login.firstName(Cases.text(user, "first_name"));
    }
    if (user.has("last_name")) {
      login.lastName(Cases.text(user, "last_name"));
    }
    if (user.has("group_ids")) {
      List<JsonValue> groups = new ArrayList<>();
      user.get("group_ids").forEach(group -> groups.add(value(group)));
      login.groupIds(groups);
    }
    if (user.has("external_group_id")) {
      login.externalGroupId(Cases.text(user, "external_group_id"));
    }
    if (user.has("user_attributes")) {
      login.userAttributes(object(user, "user_attributes"));
    }
    if (user.has("access_filters")) {
      login.accessFilters(object(user, "access_filters"));
    }
    if (user.has("user_timezone")) {
      login.userTimezone(value(user.get("user_timezone")));
    }
    if (user.has("force_logout_login")) {
      JsonNode force = user.get("force_logout_login");
      if (!force.isBoolean()) {
        throw new IllegalArgumentException("user.force_logout_login: must be true or false");
      }
      login.forceLogoutLogin(force.booleanValue());
    }
    return login
        .build()
        .signedUrl(LookerOrigins.of(Cases.text(signedCase, "host")), Secret.ofUtf8(secret));
  }

  /** A JSON value of the case, as Signet's own parser reads its text. */
  private static JsonValue value(JsonNode node) {
    return JsonValue.fromJson(JsonParser.parse(node.toString()));
  }

  private static Map<String, JsonValue> object(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (!node.isObject()) {
      throw new IllegalArgumentException("user." + field + ": must be an object");
    }
    Map<String, JsonValue> values = new LinkedHashMap<>();
    node.properties().forEach(member -> values.put(member.getKey(), value(member.getValue())));
    return values;
  }
}
