package dev.signet.runtime;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON text (RFC 8259, strictly) into plain Java values: {@code Map<String, Object>} in the
 * text's order, {@code List<Object>}, {@code String}, {@code BigDecimal}, {@code Boolean}, and
 * {@code null}. Generated verifiers and decoders turn those into the declared types.
 */
public final class JsonParser {
  /** Deeper nesting is refused, so that hostile input cannot exhaust the stack. */
  public static final int MAX_DEPTH = 64;

  private final String text;
  private int position;

  private JsonParser(String text) {
    this.text = text;
  }

  /**
   * The value {@code text} holds.
   *
   * @throws IllegalArgumentException saying where the text stops being JSON
   */
  public static Object parse(String text) {
    JsonParser parser = new JsonParser(text);
    parser.skipWhitespace();
    Object value = parser.value(0);
    parser.skipWhitespace();
    if (parser.position != text.length()) {
      throw parser.error("unexpected text after the value");
    }
    return value;
  }

  /** {@code depth} is the number of arrays and objects around the value. */
  private Object value(int depth) {
    if (position >= text.length()) {
      throw error("a value is missing");
    }
    char c = text.charAt(position);
    switch (c) {
      case '{':
        requireDepth(depth);
        return object(depth);
      case '[':
        requireDepth(depth);
        return array(depth);
      case '"':
        return string();
      case 't':
        return literal("true", Boolean.TRUE);
      case 'f':
        return literal("false", Boolean.FALSE);
      case 'n':
        return literal("null", null);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw error("unexpected character");
    }
  }

  /** A container with {@code depth} around it is nested {@code depth + 1} levels deep. */
  private void requireDepth(int depth) {
    if (depth >= MAX_DEPTH) {
      throw error("nested deeper than " + MAX_DEPTH + " levels");
    }
  }

  private Map<String, Object> object(int depth) {
    Map<String, Object> members = new LinkedHashMap<>();
    position++;
    skipWhitespace();
    if (peek() == '}') {
      position++;
      return Collections.unmodifiableMap(members);
    }
    while (true) {
      if (peek() != '"') {
        throw error("a member name must be a string");
      }
      String name = string();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      if (members.containsKey(name)) {
        throw error("the member \"" + name + "\" appears twice");
      }
      members.put(name, value(depth + 1));
      skipWhitespace();
      if (peek() == ',') {
        position++;
        skipWhitespace();
      } else {
        expect('}');
        return Collections.unmodifiableMap(members);
      }
    }
  }

  private List<Object> array(int depth) {
    List<Object> elements = new ArrayList<>();
    position++;
    skipWhitespace();
    if (peek() == ']') {
      position++;
      return Collections.unmodifiableList(elements);
    }
    while (true) {
      elements.add(value(depth + 1));
      skipWhitespace();
      if (peek() == ',') {
        position++;
        skipWhitespace();
      } else {
        expect(']');
        return Collections.unmodifiableList(elements);
      }
    }
  }

  private String string() {
    int start = ++position;
    // Most strings hold no escape: taken whole, without copying them character by character.
    while (position < text.length()) {
      char c = text.charAt(position);
      if (c == '"') {
        return text.substring(start, position++);
      }
      if (c == '\\' || c < 0x20) {
        break;
      }
      position++;
    }
    StringBuilder value = new StringBuilder(position - start + 16).append(text, start, position);
    while (true) {
      if (position >= text.length()) {
        throw error("a string is not closed");
      }
      char c = text.charAt(position++);
      if (c == '"') {
        return value.toString();
      }
      if (c < 0x20) {
        throw error("a control character must be escaped in a string");
      }
      if (c != '\\') {
        value.append(c);
        continue;
      }
      if (position >= text.length()) {
        throw error("an escape is not finished");
      }
      char escape = text.charAt(position++);
      switch (escape) {
        case '"', '\\', '/' -> value.append(escape);
        case 'b' -> value.append('\b');
        case 'f' -> value.append('\f');
        case 'n' -> value.append('\n');
        case 'r' -> value.append('\r');
        case 't' -> value.append('\t');
        case 'u' -> value.append(unicodeEscape());
        default -> {
          position--;
          throw error("unknown escape \\" + escape);
        }
      }
    }
  }

  private char unicodeEscape() {
    if (position + 4 > text.length()) {
      throw error("a \\u escape needs four hex digits");
    }
    int code = 0;
    for (int i = 0; i < 4; i++) {
      // Not Character.digit, which also takes fullwidth and other scripts' digits.
      int digit = hexDigit(text.charAt(position + i));
      if (digit < 0) {
        throw error("a \\u escape needs four hex digits");
      }
      code = code * 16 + digit;
    }
    position += 4;
    return (char) code;
  }

  /** The value of an ASCII hex digit, or -1. */
  static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private BigDecimal number() {
    int start = position;
    if (peek() == '-') {
      position++;
    }
    if (peek() == '0') {
      position++;
    } else if (isDigit(peek())) {
      skipDigits();
    } else {
      throw error("a number needs a digit");
    }
    if (peek() == '.') {
      position++;
      if (!isDigit(peek())) {
        throw error("a fraction needs a digit");
      }
      skipDigits();
    }
    if (peek() == 'e' || peek() == 'E') {
      position++;
      if (peek() == '+' || peek() == '-') {
        position++;
      }
      if (!isDigit(peek())) {
        throw error("an exponent needs a digit");
      }
      skipDigits();
    }
    try {
      return new BigDecimal(text.substring(start, position));
    } catch (NumberFormatException e) {
      // An exponent beyond what BigDecimal holds.
      throw error("the number is out of range");
    }
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, position)) {
      throw error("unexpected character");
    }
    position += word.length();
    return value;
  }

  private void skipDigits() {
    while (isDigit(peek())) {
      position++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private char peek() {
    return position < text.length() ? text.charAt(position) : '\0';
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    position++;
  }

  private void skipWhitespace() {
    while (position < text.length()) {
      char c = text.charAt(position);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      position++;
    }
  }

  private IllegalArgumentException error(String problem) {
    return new IllegalArgumentException("not JSON at index " + position + ": " + problem);
  }
}
