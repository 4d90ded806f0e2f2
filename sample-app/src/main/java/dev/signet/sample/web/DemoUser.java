package dev.signet.sample.web;

import dev.signet.omni.UserAttribute;
import dev.signet.runtime.JsonParser;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A row of the app's user table: who the user is to Omni (external id, name, email, entity, user
 * attributes) and to Codatum (the store whose figures they may see, a hidden notebook param).
 *
 * @param userAttributes a JSON object: attribute to a string, a number or a list of them
 */
public record DemoUser(
    String id, String name, String email, String entity, String storeId, String userAttributes) {

  /** The user attributes as Omni's login takes them. */
  public Map<String, UserAttribute> omniUserAttributes() {
    Map<String, UserAttribute> attributes = new LinkedHashMap<>();
    if (JsonParser.parse(userAttributes) instanceof Map<?, ?> object) {
      object.forEach((name, value) -> attributes.put((String) name, UserAttribute.fromJson(value)));
    }
    return attributes;
  }
}
