package dev.signet.metabase;

import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.Json;
import dev.signet.runtime.JsonWritable;
import java.math.BigDecimal;

/**
 * The id of a Metabase dashboard or question in a token's {@code resource}: its number, or its
 * entity id, the 21-character string that stays the same across instances.
 */
public final class MetabaseId implements JsonWritable {
  private static final int ENTITY_ID_LENGTH = 21;

  private final String json;

  private MetabaseId(String json) {
    this.json = json;
  }

  /**
   * The id {@code id}.
   *
   * @throws InvalidParameterException naming {@code resource} when it is not a positive number
   */
  public static MetabaseId of(long id) {
    if (id < 1) {
      throw new InvalidParameterException(
          "resource", "must name a dashboard or a question by a positive id, not " + id);
    }
    return new MetabaseId(Long.toString(id));
  }

  /**
   * The entity id {@code entityId}.
   *
   * @throws InvalidParameterException naming {@code resource} when it is not 21 characters
   */
  public static MetabaseId ofEntityId(String entityId) {
    if (entityId.isEmpty()) {
      throw new InvalidParameterException(
          "resource", "must name a dashboard or a question by a non-empty id");
    }
    if (entityId.length() != ENTITY_ID_LENGTH) {
      throw new InvalidParameterException(
          "resource",
          "an entity id has "
              + ENTITY_ID_LENGTH
              + " characters, not "
              + entityId.length()
              + "; give a numeric id as a number");
    }
    StringBuilder text = new StringBuilder();
    Json.appendString(text, entityId);
    return new MetabaseId(text.toString());
  }

  /** Reads an id back from a verified token: a whole number, or an entity id. */
  public static MetabaseId fromJson(Object json) {
    if (json instanceof BigDecimal number) {
      try {
        return of(number.longValueExact());
      } catch (ArithmeticException e) {
        throw new InvalidParameterException("resource", "a numeric id is a whole number");
      }
    }
    if (json instanceof String entityId) {
      return ofEntityId(entityId);
    }
    throw new InvalidParameterException("resource", "an id is a number or an entity id string");
  }

  @Override
  public void writeJson(StringBuilder out) {
    out.append(json);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MetabaseId && json.equals(((MetabaseId) other).json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  /** The id as JSON: a number, or a quoted entity id. */
  @Override
  public String toString() {
    return json;
  }
}
