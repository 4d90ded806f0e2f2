package dev.signet.runtime;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
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
   *
   * <p>It reads a copy of the query's characters as bytes, one each: most queries are ASCII, and
   * bytes are scanned, copied into strings and decoded in place faster than characters. A character
   * that Latin-1 cannot hold becomes {@code ?} in the copy, so a {@code ?} is taken as it is only
   * where the text holds one; every other character above ASCII is a byte above it, and refused.
   * Each name and value is read once: decoding overwrites its escapes in the copy.
   */
  static final class Pairs {
    private final String text;

    /** The text's characters as bytes, one each; decoded values overwrite their escapes. */
    private final byte[] bytes;

    /** Where the query starts in {@link #text}; the indexes in messages count from there. */
    private final int from;

    /** Where the next pair starts; past the end when there is none. */
    private int next;

    private int nameStart;
    private int nameEnd;
    private int end;

    /** Whether the text last decoded is ASCII without a line break. */
    private boolean asciiWithoutLineBreaks;

    /** The query that starts at {@code from} in {@code text} and runs to its end. */
    Pairs(String text, int from) {
      this.text = text;
      this.bytes = text.getBytes(StandardCharsets.ISO_8859_1);
      this.from = from;
      this.next = from == text.length() ? from + 1 : from;
    }

    /** Moves to the next pair, or returns false at the end of the query. */
    boolean next() throws MalformedQueryException {
      int start = next;
      if (start > bytes.length) {
        return false;
      }
      // The text's own search, which looks at many characters at a time.
      int pairEnd = text.indexOf('&', start);
      if (pairEnd < 0) {
        pairEnd = bytes.length;
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
     * Whether this pair's name, as it stands in the query, is {@code plainName}: the ASCII bytes of
     * a name that form encoding keeps as it is.
     */
    boolean nameIs(byte[] plainName) {
      return Arrays.equals(bytes, nameStart, nameEnd, plainName, 0, plainName.length);
    }

    /** This pair's name, decoded. */
    String name() throws MalformedQueryException {
      return decode(nameStart, nameEnd, null);
    }

    /** This pair's value, decoded; {@code name} is the parameter that a refusal names. */
    String value(String name) throws MalformedQueryException {
      asciiWithoutLineBreaks = true;
      return nameEnd == end ? "" : decode(nameEnd + 1, end, name);
    }

    /** Whether the value last read is ASCII without a line break, as decoding it found. */
    boolean valueIsAsciiWithoutLineBreaks() {
      return asciiWithoutLineBreaks;
    }

    private String decode(int start, int end, String parameter) throws MalformedQueryException {
      int plain = start;
      while (plain < end && isAsIs(bytes[plain])) {
        plain++;
      }
      if (plain == end) {
        // Nothing to decode, as in most names and many values.
        return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
      }
      // Decoded bytes are never more than their spelling, so they overwrite it from where the
      // first escape stood.
      int length = plain;
      boolean ascii = true;
      boolean lineBreak = false;
      for (int i = plain; i < end; i++) {
        byte c = bytes[i];
        if (isAsIs(c) || (c == '?' && text.charAt(i) == '?')) {
          bytes[length++] = c;
        } else if (c == '+') {
          bytes[length++] = (byte) ' ';
        } else if (c == '%') {
          int high = i + 2 < end ? hexValue(i + 1) : -1;
          int low = i + 2 < end ? hexValue(i + 2) : -1;
          if (high < 0 || low < 0) {
            throw new MalformedQueryException(
                parameter, "the % at index " + (i - from) + " does not start a %XX escape");
          }
          int decoded = high * 16 + low;
          bytes[length++] = (byte) decoded;
          ascii &= decoded < 0x80;
          lineBreak |= decoded == '\n' || decoded == '\r';
          i += 2;
        } else {
          throw new MalformedQueryException(
              parameter, "the character at index " + (i - from) + " must be percent-encoded");
        }
      }
      asciiWithoutLineBreaks = ascii && !lineBreak;
      if (ascii) {
        // Every byte is below 0x80, which UTF-8 and ASCII read alike: no decoder needed.
        return new String(bytes, start, length - start, StandardCharsets.ISO_8859_1);
      }
      return utf8(bytes, start, length - start, parameter);
    }

    /** Whether the byte stands in a query for itself ({@code ?} aside: see the class). */
    private static boolean isAsIs(byte c) {
      return CHARACTER_CLASS[c & 0xFF] <= AS_IS;
    }

    /** The hex digit at {@code index}, or -1. */
    private int hexValue(int index) {
      int value = CHARACTER_CLASS[bytes[index] & 0xFF];
      return value < 16 ? value : -1;
    }
  }

  /**
   * Per byte: its value as a hex digit (ASCII digits only: {@code Character.digit} also takes
   * fullwidth and other scripts' digits), else {@link #AS_IS} for a character a query holds as it
   * is, else {@link #ESCAPE_ONLY} ({@code %}, {@code +}, space, controls, DEL, every byte above
   * ASCII, and {@code ?}, which {@link Pairs} looks up in the text).
   */
  private static final byte[] CHARACTER_CLASS = new byte[256];

  private static final byte AS_IS = 16;
  private static final byte ESCAPE_ONLY = 17;

  static {
    for (int c = 0; c < 256; c++) {
      int digit = JsonParser.hexDigit((char) c);
      CHARACTER_CLASS[c] =
          digit >= 0
              ? (byte) digit
              : c == '+' || c == '%' || c == '?' || c <= ' ' || c > 0x7e ? ESCAPE_ONLY : AS_IS;
    }
  }

  /** {@code length} bytes from {@code start}, which must be UTF-8. */
  private static String utf8(byte[] bytes, int start, int length, String parameter)
      throws MalformedQueryException {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes, start, length))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedQueryException(parameter, "the percent-escapes are not UTF-8");
    }
  }
}
