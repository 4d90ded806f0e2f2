package dev.signet.sample.web;

import dev.signet.looker.JsonValue;
import dev.signet.metabase.MetabaseParam;
import dev.signet.omni.UserAttribute;
import dev.signet.runtime.JsonParser;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;

/**
 * A row of the app's user table: who the user is to Omni (external id, name, email, entity, user
 * attributes), to Looker (the same row, in Looker's terms), to Metabase (the entity and the region
 * attribute as locked filters) and to Codatum (the store whose figures they may see, a hidden
 * notebook param).
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

  /**
   * The user attributes as Looker takes them: a string or a number each. A list becomes one string,
   * its values joined by commas, which is how a Looker filter expression (and so an access filter
   * on the attribute) lists alternatives.
   *
   * @throws IllegalArgumentException for a row that is not a JSON object of strings, numbers and
   *     lists of them, or a listed value with a comma, which the joined string could not tell apart
   */
  public Map<String, JsonValue> lookerUserAttributes() {
    if (!(JsonParser.parse(userAttributes) instanceof Map<?, ?> object)) {
      throw new IllegalArgumentException("the user attributes are not a JSON object");
    }
    Map<String, JsonValue> attributes = new LinkedHashMap<>();
    object.forEach(
        (name, value) -> {
          if (value instanceof String || value instanceof BigDecimal) {
            attributes.put((String) name, JsonValue.fromJson(value));
          } else if (value instanceof List<?> list) {
            StringJoiner joined = new StringJoiner(",");
            for (Object element : list) {
              String text = element instanceof BigDecimal number ? number.toPlainString() : null;
              text = element instanceof String string ? string : text;
              if (text == null || text.contains(",")) {
                throw new IllegalArgumentException(
                    "attribute "
                        + name
                        + ": a listed value is a string without a comma, or a number");
              }
              joined.add(text);
            }
            attributes.put((String) name, JsonValue.of(joined.toString()));
          } else {
            throw new IllegalArgumentException(
                "attribute " + name + ": Looker takes a string, a number or a list of them");
          }
        });
    return attributes;
  }

  /**
   * The {@code region} user attribute as a Metabase locked parameter's value: a string or a number,
   * or a list of them, which Metabase filters on as alternatives.
   *
   * @throws IllegalArgumentException for a row without the attribute, or with an empty list, or a
   *     value of another kind: each would leave the filter unapplied or the token unsignable, and a
   *     locked filter left unapplied shows every region's rows
   */
  public MetabaseParam metabaseRegion() {
    Object region =
        JsonParser.parse(userAttributes) instanceof Map<?, ?> object ? object.get("region") : null;
    if (region instanceof String text) {
      return MetabaseParam.of(text);
    }
    if (region instanceof BigDecimal number) {
      return MetabaseParam.of(number);
    }
    if (region instanceof List<?> list && !list.isEmpty()) {
      if (list.stream().allMatch(value -> value instanceof String || value instanceof BigDecimal)) {
        return MetabaseParam.ofList(list);
      }
      throw new IllegalArgumentException(
          "attribute region: a listed value is a string or a number");
    }
    throw new IllegalArgumentException(
        "attribute region: Metabase's locked region filter needs a string, a number or a"
            + " non-empty list of them");
  }

  /** Looker's {@code first_name}: the name up to its first space, or the whole name. */
  public String firstName() {
    int space = name.indexOf(' ');
    return space < 0 ? name : name.substring(0, space);
  }

  /** Looker's {@code last_name}: the name after its first space, when it has one. */
  public Optional<String> lastName() {
    int space = name.indexOf(' ');
    return space < 0 ? Optional.empty() : Optional.of(name.substring(space + 1));
  }
}
