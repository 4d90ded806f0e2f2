package dev.signet.tableau;

import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.Json;
import dev.signet.runtime.JsonWritable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** The value of a user attribute: a text, or a list of texts for an attribute of several values. */
public final class TableauAttribute implements JsonWritable {
  private final String text;
  private final List<String> texts;

  private TableauAttribute(String text, List<String> texts) {
    this.text = text;
    this.texts = texts;
  }

  /**
   * The text {@code value}.
   *
   * @throws InvalidParameterException naming {@code userAttributes} for null
   */
  public static TableauAttribute of(String value) {
    if (value == null) {
      throw new InvalidParameterException("userAttributes", "an attribute's value is not null");
    }
    return new TableauAttribute(value, null);
  }

  /**
   * The list {@code values}, in this order.
   *
   * @throws InvalidParameterException naming {@code userAttributes} when one is null
   */
  public static TableauAttribute ofList(String... values) {
    return ofList(Arrays.asList(values));
  }

  /** As {@link #ofList(String...)}. */
  public static TableauAttribute ofList(List<String> values) {
    return new TableauAttribute(null, JsonTexts.copyOf("userAttributes", values));
  }

  /** Reads a value back from a verified token. */
  public static TableauAttribute fromJson(Object json) {
    if (json instanceof String value) {
      return of(value);
    }
    if (json instanceof List<?> values) {
      return new TableauAttribute(null, JsonTexts.copyOf("userAttributes", values));
    }
    throw new InvalidParameterException(
        "userAttributes", "an attribute's value is a string or a list of strings");
  }

  /** Whether the value is a list, rather than one text. */
  public boolean isList() {
    return texts != null;
  }

  /** The texts: the one text, or the list's. */
  public List<String> values() {
    return texts != null ? texts : List.of(text);
  }

  @Override
  public void writeJson(StringBuilder out) {
    if (texts != null) {
      JsonTexts.appendArray(out, texts);
    } else {
      Json.appendString(out, text);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TableauAttribute attribute
        && Objects.equals(text, attribute.text)
        && Objects.equals(texts, attribute.texts);
  }

  @Override
  public int hashCode() {
    return Objects.hash(text, texts);
  }

  /** The value as JSON. */
  @Override
  public String toString() {
    StringBuilder json = new StringBuilder();
    writeJson(json);
    return json.toString();
  }
}
