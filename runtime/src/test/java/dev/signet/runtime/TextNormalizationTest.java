package dev.signet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A text that {@link SignedText} trims as JavaScript does must come out exactly as JavaScript's
 * {@code text.trim().replace(/\n\s+/g, "\n")} makes it, with JavaScript's idea of whitespace
 * ({@link TextNormalization#isJavascriptWhitespace}), which is neither Java's {@link
 * Character#isWhitespace} nor regex {@code \s}.
 */
class TextNormalizationTest {

  /**
   * JavaScript's {@code \s} (ECMA-262 WhiteSpace and LineTerminator), written out: TAB, LF, VT, FF,
   * CR, SPACE, NBSP, OGHAM SPACE MARK, EN QUAD..HAIR SPACE, LINE SEPARATOR, PARAGRAPH SEPARATOR,
   * NARROW NBSP, MEDIUM MATHEMATICAL SPACE, IDEOGRAPHIC SPACE, ZWNBSP (BOM). Node.js 20 gives
   * exactly these code units for /\s/ over U+0000..U+FFFF.
   */
  private static final String JS_WHITESPACE =
      "[\\u0009\\u000A\\u000B\\u000C\\u000D\\u0020\\u00A0\\u1680\\u2000-\\u200A"
          + "\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF]";

  // \A and \z, not ^ and $: Java's $ also matches before a final line terminator, and U+0085
  // is one of those without being JavaScript whitespace.
  private static final Pattern LEADING = Pattern.compile("\\A" + JS_WHITESPACE + "+");
  private static final Pattern TRAILING = Pattern.compile(JS_WHITESPACE + "+\\z");
  private static final Pattern LINE_FEED_THEN_WHITESPACE =
      Pattern.compile("\\n" + JS_WHITESPACE + "+");

  private static final Origin ORIGIN = Origin.https("acme.example.com");
  private static final String REQUEST_URL = "https://acme.example.com/embed/login";

  /** The JavaScript expression transcribed into java.util.regex. */
  static String reference(String text) {
    String trimmed = TRAILING.matcher(LEADING.matcher(text).replaceFirst("")).replaceFirst("");
    return LINE_FEED_THEN_WHITESPACE.matcher(trimmed).replaceAll("\n");
  }

  /**
   * {@code text} as {@link SignedText} writes it in a text trimmed as JavaScript does: the value of
   * a line after the request URL's, here without that first line.
   */
  private static String trimmed(String text) {
    String signed =
        SignedText.textOnly(
                ORIGIN, "/embed/login", "\n", SignedText.Normalization.JAVASCRIPT_TRIM_LINES)
            .value("v=", text)
            .text();
    assertTrue(signed.startsWith(REQUEST_URL), signed);
    return signed.equals(REQUEST_URL) ? "" : signed.substring(REQUEST_URL.length() + 1);
  }

  private static final Pattern JS_WHITESPACE_CHARACTER = Pattern.compile(JS_WHITESPACE);

  /** Every kind of JavaScript whitespace, and look-alikes that are not JavaScript whitespace. */
  private static final String ALPHABET =
      // JavaScript whitespace, every one of them; the line feed several times over.
      "\t\n\u000B\f\r \u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"
          + "\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF\n\n\n\n  "
          // Not JavaScript whitespace, though Java or Unicode may think so.
          + "\u0085\u180E\u200B\u001C\u001D\u001E\u001F\u0000"
          // Letters, several times, so that there are words between the runs of whitespace.
          + "abcxyzab";

  @Test
  void referenceAgreesWithJavascriptOnKnownCases() {
    // Guards the reference itself against a typo in the pattern: these are Node.js outputs.
    assertEquals("a\nb", reference("a\n  b"));
    assertEquals("\u0085a\u0085", reference(" \u0085a\u0085 "));
    assertEquals("a \nb", reference("a \n b"));
  }

  @Test
  void matchesTheJavascriptExpressionOnRandomStrings() {
    Random random = new Random(42L);
    int changed = 0;
    for (int i = 0; i < 20000; i++) {
      String text = randomText(random);
      String expected = reference(text);
      String actual = trimmed(text);
      assertEquals(expected, actual, TestStrings.codeUnits(text));
      if (!expected.equals(text)) {
        changed++;
      }
    }
    // Most cases must exercise the trimming and replacing, not the identity path alone.
    assertTrue(changed > 10000, "changed: " + changed);
  }

  @Test
  void whitespaceSetIsExactlyJavascripts() {
    for (int c = 0; c <= 0xFFFF; c++) {
      boolean javascript = JS_WHITESPACE_CHARACTER.matcher(String.valueOf((char) c)).matches();
      assertEquals(
          javascript,
          TextNormalization.isJavascriptWhitespace((char) c),
          "U+" + Integer.toHexString(c));
    }
  }

  // ---------------------------------------------------------------- literal cases (Node.js)

  @Test
  void removesIndentationAfterLineFeed() {
    assertEquals("a\nb", trimmed("a\n  b"));
  }

  @Test
  void trimsBothEnds() {
    assertEquals("a", trimmed("  a  "));
    assertEquals("a", trimmed("\uFEFFa\uFEFF"));
    assertEquals("a\nb", trimmed("a\nb\n"));
  }

  @Test
  void collapsesBlankLinesMadeOfAnyWhitespace() {
    assertEquals("a\nb", trimmed("a\n\u00A0\n b"));
    assertEquals("a\nb", trimmed("a\n\nb"));
    assertEquals(
        "a\nb",
        trimmed("a\n\t\u000B\f\r \u00A0\u1680\u2000\u200A\u2028\u2029\u202F\u205F\u3000\uFEFFb"));
  }

  @Test
  void keepsWhitespaceBeforeALineFeed() {
    // Only whitespace after \n is removed; "a \n b" keeps the space before the line feed.
    assertEquals("a \nb", trimmed("a \n b"));
    assertEquals("a\r\nb", trimmed("a\r\n b"));
  }

  @Test
  void whitespaceNotAfterALineFeedIsKept() {
    // U+2028 is JavaScript whitespace but not "\n": the space after it stays.
    assertEquals("a\u2028 b", trimmed("a\u2028 b"));
    assertEquals("a  \t b", trimmed("a  \t b"));
  }

  @Test
  void javaWhitespaceThatIsNotJavascriptWhitespaceIsKept() {
    // U+0085 and U+180E are not in JavaScript's \s; U+001C..U+001F are Java whitespace only.
    assertEquals("a\u0085b", trimmed("a\u0085b"));
    assertEquals("\u0085a\u0085", trimmed(" \u0085a\u0085 "));
    assertEquals("\u180Ea\u180E", trimmed("\u180Ea\u180E"));
    assertEquals("\u200Ba", trimmed("\u200Ba"));
    assertEquals("a\n\u001F b", trimmed("a\n\u001F b"));
    assertEquals("a\n\u001Cc", trimmed("a\n\u001Cc"));
  }

  @Test
  void whitespaceOnlyBecomesEmpty() {
    assertEquals("", trimmed("\t\n \u3000"));
    assertEquals("", trimmed("\n"));
    assertEquals("", trimmed(""));
  }

  @Test
  void casesNodeJsGave() {
    assertEquals("a\nb", trimmed("a\n b\n"));
    assertEquals("a", trimmed("a\n "));
    assertEquals("a\nb\nc", trimmed(" a\n\n\tb\n \u00A0c \n"));
    assertEquals("", trimmed("\n \n"));
  }

  private static String randomText(Random random) {
    int length = random.nextInt(16);
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return text.toString();
  }
}
