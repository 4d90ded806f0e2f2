package dev.signet.runtime;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads an {@code application/x-www-form-urlencoded} query strictly in its form: every {@code %}
 * must start a two-digit hex escape, the bytes must be UTF-8, no pair may be empty, and no space,
 * control or non-ASCII character may stand raw. What a browser would quietly repair is refused,
 * since a signer never writes it. Its spelling is read leniently: {@code %20} and {@code +} are
 * both a space, hex digits may be in either case, and any byte may be escaped, so that every
 * spelling of the same bytes reads as the same values (the values are what is signed).
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
    Pairs reader = new Pairs(query, 0);
    while (reader.next()) {
      String name = reader.name();
      pairs.add(new Pair(name, reader.value(name)));
    }
    return pairs;
  }

  /**
   * The pairs of a query read one at a time, as {@link #parse} reads them, for a reader that looks
   * at a name where it stands before it makes a string of it.
   */
  static final class Pairs {
    private final String text;

    /** Where the query starts in {@link #text}; the indexes in messages count from there. */
    private final int from;

    /** Where the next pair starts; past the end when there is none. */
    private int next;

    private int nameStart;
    private int nameEnd;
    private int end;

    /** The query that starts at {@code from} in {@code text} and runs to its end. */
    Pairs(String text, int from) {
      this.text = text;
      this.from = from;
      this.next = from == text.length() ? from + 1 : from;
    }

    /** Moves to the next pair, or returns false at the end of the query. */
    boolean next() throws MalformedQueryException {
      int start = next;
      if (start > text.length()) {
        return false;
      }
      int pairEnd = text.indexOf('&', start);
      if (pairEnd < 0) {
        pairEnd = text.length();
      }
      if (pairEnd == start) {
        throw new MalformedQueryException(
            null, "the query has an empty pair at index " + (start - from));
      }
      int equals = text.indexOf('=', start);
      nameStart = start;
      nameEnd = equals < 0 || equals > pairEnd ? pairEnd : equals;
      end = pairEnd;
      next = pairEnd + 1;
      return true;
    }

    /** The length of this pair's name as it stands in the query, escapes and all. */
    int nameLength() {
      return nameEnd - nameStart;
    }

    /**
     * Whether this pair's name, as it stands in the query, is {@code plainName}, a name that form
     * encoding keeps as it is.
     */
    boolean nameIs(String plainName) {
      return nameEnd - nameStart == plainName.length() && text.startsWith(plainName, nameStart);
    }

    /** This pair's name, decoded. */
    String name() throws MalformedQueryException {
      return decode(text, nameStart, nameEnd, from, null);
    }

    /** This pair's value, decoded; {@code name} is the parameter that a refusal names. */
    String value(String name) throws MalformedQueryException {
      return nameEnd == end ? "" : decode(text, nameEnd + 1, end, from, name);
    }
  }

  /**
   * Per ASCII character: its value as a hex digit (ASCII digits only: {@code Character.digit} also
   * takes fullwidth and other scripts' digits), else {@link #AS_IS} for a character a query holds
   * as it is, else {@link #ESCAPE_ONLY} ({@code %}, {@code +}, space, controls, DEL).
   */
  private static final byte[] CHARACTER_CLASS = new byte[128];

  private static final byte AS_IS = 16;
  private static final byte ESCAPE_ONLY = 17;

  static {
    for (int c = 0; c < 128; c++) {
      int digit = JsonParser.hexDigit((char) c);
      CHARACTER_CLASS[c] =
          digit >= 0
              ? (byte) digit
              : c == '+' || c == '%' || c <= ' ' || c > 0x7e ? ESCAPE_ONLY : AS_IS;
    }
  }

  private static boolean isAsIs(char c) {
    return c < 128 && CHARACTER_CLASS[c] <= AS_IS;
  }

  private static int hexValue(char c) {
    int value = c < 128 ? CHARACTER_CLASS[c] : ESCAPE_ONLY;
    return value < 16 ? value : -1;
  }

  @SuppressWarnings("deprecation") // String.getBytes(int, int, byte[], int): a copy of ASCII
  private static String decode(String query, int start, int end, int from, String parameter)
      throws MalformedQueryException {
    int plain = start;
    while (plain < end && isAsIs(query.charAt(plain))) {
      plain++;
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
      if (isAsIs(c)) {
        bytes[length++] = (byte) c;
      } else if (c == '+') {
        bytes[length++] = (byte) ' ';
      } else if (c == '%') {
        int high = i + 2 < end ? hexValue(query.charAt(i + 1)) : -1;
        int low = i + 2 < end ? hexValue(query.charAt(i + 2)) : -1;
        if (high < 0 || low < 0) {
          throw new MalformedQueryException(
              parameter, "the % at index " + (i - from) + " does not start a %XX escape");
        }
        bytes[length++] = (byte) (high * 16 + low);
        ascii &= high < 8;
        i += 2;
      } else {
        throw new MalformedQueryException(
            parameter, "the character at index " + (i - from) + " must be percent-encoded");
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
