package dev.signet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link TextNormalization#javascriptTrimLines} against a model of what JavaScript's {@code
 * text.trim().replace(/\n\s+/g, "\n")} does, written with a regular expression over JavaScript's
 * whitespace (ECMA-262 WhiteSpace and LineTerminator), on random texts of lines and whitespace.
 */
class TextNormalizationOracleTest {
  private static final String JS_WHITESPACE =
      "[\\t\\n\\u000B\\f\\r \\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF]";
  /** \A and \z, not ^ and $: Java's $ also matches before a final line terminator such as U+0085. */
  private static final Pattern TRIM =
      Pattern.compile("\\A" + JS_WHITESPACE + "+|" + JS_WHITESPACE + "+\\z");
  private static final Pattern LINE_BREAK_THEN_WHITESPACE = Pattern.compile("\n" + JS_WHITESPACE + "+");

  private static String javascript(String text) {
    return LINE_BREAK_THEN_WHITESPACE.matcher(TRIM.matcher(text).replaceAll("")).replaceAll("\n");
  }

  @Test
  void literalCases() {
    assertEquals("a\nb", TextNormalization.javascriptTrimLines("a\n b\n"));
    assertEquals("a", TextNormalization.javascriptTrimLines("a\n "));
    assertEquals("a\nb\nc", TextNormalization.javascriptTrimLines(" a\n\n\tb\n \u00A0c \n"));
    assertEquals("", TextNormalization.javascriptTrimLines("\n \n"));
  }

  @Test
  void randomTextsAsJavascriptNormalizesThem() {
    Random random = new Random(0x7E47L);
    String alphabet = "ab\n\n \t\r\u00A0\u2028\u3000\u0085x";
    int changed = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(12);
      for (int c = 0; c < length; c++) {
        text.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      String input = text.toString();
      String ours = TextNormalization.javascriptTrimLines(input);
      assertEquals(javascript(input), ours, JsonStringTest.codeUnits(input));
      if (!ours.equals(input)) {
        changed++;
      }
    }
    assertTrue(changed > 4_000, "changed: " + changed);
  }
}
