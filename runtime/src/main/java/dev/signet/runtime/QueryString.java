package dev.signet.runtime;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an {@code application/x-www-form-urlencoded} query strictly: every {@code %} must start a
 * two-digit hex escape, the bytes must be UTF-8, and no pair may be empty. What a browser would
 * quietly repair is refused, since a signer never writes it.
 */
public final class QueryString {
  /** One name and value, decoded. */
  public record Pair(String name, String value) {}

  /** The query cannot be read; the message says where and why. */
  public static final class MalformedQueryException extends Exception {
    private static final long serialVersionUID = 1L;
    private final String parameter;

    MalformedQueryException(String parameter, String message) {
      super(message);
      this.parameter = parameter;
    }

    /** The name of the parameter that could not be read, when its name could be. */
    public String parameter() {
      return parameter;
    }
  }

  private QueryString() {}

  /** The pairs of {@code query} (the text after {@code ?}), in order. */
  public static List<Pair> parse(String query) throws MalformedQueryException {
    List<Pair> pairs = new ArrayList<>();
    if (query.isEmpty()) {
      return pairs;
    }
    int start = 0;
    while (start <= query.length()) {
      int end = query.indexOf('&', start);
      if (end < 0) {
        end = query.length();
      }
      if (end == start) {
        throw new MalformedQueryException(null, "the query has an empty pair at index " + start);
      }
      int equals = query.indexOf('=', start);
      if (equals < 0 || equals > end) {
        equals = end;
      }
      String name = decode(query, start, equals, null);
      String value = equals == end ? "" : decode(query, equals + 1, end, name);
      pairs.add(new Pair(name, value));
      start = end + 1;
    }
    return pairs;
  }

  @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): a copy of ASCII
  private static String decode(String query, int start, int end, String parameter)
      throws MalformedQueryException {
    int plain = start;
    for (; plain < end; plain++) {
      char c = query.charAt(plain);
      if (c == '+' || c == '%' || c > 0x7e || c <= ' ') {
        break;
      }
    }
    if (plain == end) {
      // Nothing to decode, as in most names and many values.
      return query.substring(start, end);
    }
    byte[] bytes = new byte[end - start];
    int length = plain - start;
    query.getBytes(start, plain, bytes, 0);
    boolean ascii = true;
    for (int i = plain; i < end; i++) {
      char c = query.charAt(i);
      if (c == '+') {
        bytes[length++] = (byte) ' ';
      } else if (c == '%') {
        // ASCII hex digits only: Character.digit also takes fullwidth and other scripts' digits.
        int high = i + 2 < end ? JsonParser.hexDigit(query.charAt(i + 1)) : -1;
        int low = i + 2 < end ? JsonParser.hexDigit(query.charAt(i + 2)) : -1;
        if (high < 0 || low < 0) {
          throw new MalformedQueryException(
              parameter, "the % at index " + i + " does not start a %XX escape");
        }
        bytes[length++] = (byte) (high * 16 + low);
        ascii &= high < 8;
        i += 2;
      } else if (c > 0x7e || c <= ' ') {
        throw new MalformedQueryException(
            parameter, "the character at index " + i + " must be percent-encoded");
      } else {
        bytes[length++] = (byte) c;
      }
    }
    if (ascii) {
      // Every byte is below 0x80, which UTF-8 and ASCII read alike: no decoder needed.
      return new String(bytes, 0, length, StandardCharsets.US_ASCII);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, 0, length))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedQueryException(parameter, "the percent-escapes are not UTF-8");
    }
  }
}
