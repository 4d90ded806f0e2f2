package dev.signet.omni.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Text for the properties: short strings made of the characters that break signed URLs in practice,
 * mixed with any code point at all.
 */
public final class ProofValues {
  private ProofValues() {}

  /** Every character in JavaScript's {@code \s}, which JAVASCRIPT_TRIM_LINES trims. */
  public static final String JAVASCRIPT_WHITESPACE =
      "\t\n\u000B\f\r \u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
          + "\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF";

  /**
   * Whitespace of other definitions that JavaScript's {@code \s} leaves alone: NEL, the Mongolian
   * vowel separator (whitespace until Unicode 6.3, and so in old engines), the zero-width space,
   * and the information separators Java's {@code Character.isWhitespace} counts.
   */
  public static final String OTHER_WHITESPACE = "\u0085\u180E\u200B\u001C\u001D\u001E\u001F";

  /** What URLs, form encoding, JSON and the signed text give a meaning to. */
  public static final String SEPARATORS = "&=?#%+/;,:@$!'()*[]{}\"\\<>^`|~.-_";

  /** Controls and code units at the edges of encodings. */
  public static final String EDGES =
      "\u0000\u0001\u007F\u0080\u009F\u00FF\u0100\u07FF\u0800\uFFFD\uFFFF\uE000\u0301\u202E";

  /** Letters that IDNA, case folding or normalization treat specially. */
  public static final String LETTERS = "aZ09éßςİı中";

  /** Supplementary code points, written as surrogate pairs. */
  public static final List<String> SUPPLEMENTARY =
      List.of(
          new String(Character.toChars(0x1F600)),
          new String(Character.toChars(0x10000)),
          new String(Character.toChars(0x10FFFF)),
          new String(Character.toChars(0x1D11E)));

  /** Pieces of percent-encoding, well formed or not, that a value may hold literally. */
  public static final List<String> ESCAPES =
      List.of("%41", "%2F", "%2f", "%0A", "%zz", "%", "%4", "+", "%2B", "%25");

  private static Arbitrary<String> oneCharOf(String characters) {
    return Arbitraries.of(characters.chars().mapToObj(c -> String.valueOf((char) c)).toList());
  }

  /** Any code point but a lone surrogate. */
  private static Arbitrary<String> anyCodePoint() {
    return Arbitraries.integers()
        .between(0, Character.MAX_CODE_POINT)
        .filter(
            codePoint -> codePoint < Character.MIN_SURROGATE || codePoint > Character.MAX_SURROGATE)
        .map(codePoint -> new String(Character.toChars(codePoint)));
  }

  /** Well-formed text: no lone surrogate, and a line break only when {@code lineBreaks}. */
  public static Arbitrary<String> text(boolean lineBreaks) {
    String whitespace =
        lineBreaks
            ? JAVASCRIPT_WHITESPACE
            : JAVASCRIPT_WHITESPACE.replace("\n", "").replace("\r", "");
    Arbitrary<String> piece =
        Arbitraries.frequencyOf(
            Tuple.of(6, oneCharOf(whitespace)),
            Tuple.of(3, oneCharOf(OTHER_WHITESPACE)),
            Tuple.of(6, oneCharOf(SEPARATORS)),
            Tuple.of(3, oneCharOf(EDGES)),
            Tuple.of(6, oneCharOf(LETTERS)),
            Tuple.of(3, Arbitraries.of(SUPPLEMENTARY)),
            Tuple.of(3, Arbitraries.of(ESCAPES)),
            Tuple.of(
                4, anyCodePoint().filter(c -> lineBreaks || !(c.equals("\n") || c.equals("\r")))));
    return piece.list().ofMaxSize(12).map(pieces -> String.join("", pieces));
  }

  /** Text that may also hold lone surrogates, which JSON escapes but a text line refuses. */
  public static Arbitrary<String> anyUtf16() {
    Arbitrary<String> loneSurrogate =
        Arbitraries.chars()
            .range(Character.MIN_SURROGATE, Character.MAX_SURROGATE)
            .map(String::valueOf);
    return Arbitraries.frequencyOf(
            Tuple.of(5, text(true)),
            Tuple.of(1, loneSurrogate.list().ofMaxSize(3).map(pieces -> String.join("", pieces))))
        .list()
        .ofMaxSize(3)
        .map(pieces -> String.join("", pieces));
  }

  /** Non-empty text, for a required parameter. */
  public static Arbitrary<String> requiredText(boolean lineBreaks) {
    return text(lineBreaks).filter(value -> !value.isEmpty());
  }

  /**
   * Text for a required parameter of a scheme that trims lines as JavaScript does: non-empty and
   * not starting with JavaScript whitespace, which builders refuse there.
   */
  public static Arbitrary<String> requiredTrimmedText(boolean lineBreaks) {
    return requiredText(lineBreaks)
        .filter(value -> JAVASCRIPT_WHITESPACE.indexOf(value.charAt(0)) < 0);
  }

  /**
   * Every string that one substitution, deletion or insertion of a character makes of {@code text}.
   */
  public static List<String> singleCharacterEdits(String text, String alphabet) {
    List<String> edits = new ArrayList<>();
    for (int i = 0; i <= text.length(); i++) {
      if (i < text.length()) {
        edits.add(text.substring(0, i) + text.substring(i + 1));
      }
      for (char c : alphabet.toCharArray()) {
        edits.add(text.substring(0, i) + c + text.substring(i));
        if (i < text.length() && text.charAt(i) != c) {
          edits.add(text.substring(0, i) + c + text.substring(i + 1));
        }
      }
    }
    return edits;
  }

  /**
   * Whether {@code edited} differs from {@code url} only in the case of one hex digit of a {@code
   * %XX} escape.
   */
  public static boolean isHexCaseChange(String url, String edited) {
    if (url.length() != edited.length()) {
      return false;
    }
    int at = 0;
    while (url.charAt(at) == edited.charAt(at)) {
      at++;
    }
    char before = url.charAt(at);
    char after = edited.charAt(at);
    boolean escapeDigit =
        (at >= 1 && url.charAt(at - 1) == '%') || (at >= 2 && url.charAt(at - 2) == '%');
    return escapeDigit
        && Character.toUpperCase(before) == Character.toUpperCase(after)
        && Character.digit(before, 16) >= 10
        && url.substring(at + 1).equals(edited.substring(at + 1));
  }

  /** The characters as code-point escapes, for readable failure messages. */
  public static String visible(String text) {
    return text.codePoints()
        .mapToObj(c -> c >= 0x21 && c < 0x7F ? Character.toString(c) : String.format("\\u{%X}", c))
        .collect(Collectors.joining());
  }

  /** A nonce of {@code length} characters of {@code alphabet}. */
  public static Arbitrary<String> nonce(int length, String alphabet) {
    return Arbitraries.strings().withChars(alphabet.toCharArray()).ofLength(length);
  }

  public static final String ALPHANUMERIC =
      IntStream.concat(
              IntStream.concat(IntStream.rangeClosed('0', '9'), IntStream.rangeClosed('A', 'Z')),
              IntStream.rangeClosed('a', 'z'))
          .mapToObj(c -> String.valueOf((char) c))
          .collect(Collectors.joining());
}
