package dev.signet.sample.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signet.runtime.InvalidParameterException;
import java.util.Optional;

/** Reads a case's fields, refusing a field of the wrong JSON type by its name. */
final class CaseFields {
  private CaseFields() {}

  /** The required string {@code name}. */
  static String text(ObjectNode fields, String name) {
    String text = optionalText(fields, name);
    if (text == null) {
      throw new InvalidParameterException(name, "is required");
    }
    return text;
  }

  /** The string {@code name}, or null when it is absent. */
  static String optionalText(ObjectNode fields, String name) {
    JsonNode value = fields.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isTextual()) {
      throw new InvalidParameterException(name, "must be a string");
    }
    return value.textValue();
  }

  /** The whole number {@code name}, when it is present. */
  static Optional<Long> optionalLong(ObjectNode fields, String name) {
    JsonNode value = fields.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isIntegralNumber() || !value.canConvertToLong()) {
      throw new InvalidParameterException(name, "must be a whole number");
    }
    return Optional.of(value.longValue());
  }

  /** The object {@code name}, when it is present. */
  static Optional<ObjectNode> optionalObject(ObjectNode fields, String name) {
    JsonNode value = fields.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isObject()) {
      throw new InvalidParameterException(name, "must be an object");
    }
    return Optional.of((ObjectNode) value);
  }

  /** The boolean {@code name}, when it is present. */
  static Optional<Boolean> optionalBoolean(ObjectNode fields, String name) {
    JsonNode value = fields.get(name);
    if (value == null || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isBoolean()) {
      throw new InvalidParameterException(name, "must be true or false");
    }
    return Optional.of(value.booleanValue());
  }
}
