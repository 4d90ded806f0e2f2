package dev.signet.sample.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading a case's fields, each refused with its name and the rule when it is not what it must be.
 */
final class Cases {
  private Cases() {}

  /** The text of {@code field}; absent, it reads as empty, which a required value refuses. */
  static String text(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || node.isNull()) {
      return "";
    }
    if (!node.isTextual()) {
      throw new IllegalArgumentException(field + ": must be a string");
    }
    return node.textValue();
  }

  /** The whole number of {@code field}. */
  static long number(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null || !node.canConvertToLong() || !node.isIntegralNumber()) {
      throw new IllegalArgumentException(field + ": must be a whole number");
    }
    return node.longValue();
  }

  /**
   * The list of texts of {@code field}, or null when it is absent (which a required one refuses).
   */
  static List<String> texts(JsonNode parent, String field) {
    JsonNode node = parent.get(field);
    if (node == null) {
      return null;
    }
    if (!node.isArray()) {
      throw new IllegalArgumentException(field + ": must be a list of strings");
    }
    List<String> texts = new ArrayList<>();
    for (JsonNode element : node) {
      if (!element.isTextual()) {
        throw new IllegalArgumentException(field + ": must be a list of strings");
      }
      texts.add(element.textValue());
    }
    return texts;
  }
}
