package dev.signet.tableau;

import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Lists of texts, as the values of the token's claims hold them and a verified token gives them.
 */
final class JsonTexts {
  private JsonTexts() {}

  /**
   * An unmodifiable copy of {@code values}, each a {@code String}.
   *
   * @throws InvalidParameterException naming {@code parameter} when one is not
   */
  static List<String> copyOf(String parameter, List<?> values) {
    List<String> texts = new ArrayList<>(values.size());
    for (Object value : values) {
      if (!(value instanceof String text)) {
        throw new InvalidParameterException(parameter, "each value of a list is a string");
      }
      texts.add(text);
    }
    return Collections.unmodifiableList(texts);
  }

  /** Appends {@code texts} as a JSON array of strings. */
  static void appendArray(StringBuilder out, List<String> texts) {
    out.append('[');
    for (int i = 0; i < texts.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      Json.appendString(out, texts.get(i));
    }
    out.append(']');
  }
}
