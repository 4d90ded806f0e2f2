package dev.signet.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.runtime.QueryString.MalformedQueryException;
import dev.signet.runtime.QueryString.Pair;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link QueryString} reads what {@link FormEncoding} writes, exactly, and refuses what a signer
 * never writes. {@link URLDecoder} is the oracle for what it accepts.
 */
class QueryStringTest {

  private static List<Pair> parse(String query) throws MalformedQueryException {
    return QueryString.parse(query);
  }

  private static MalformedQueryException refusal(String query) {
    return assertThrows(MalformedQueryException.class, () -> QueryString.parse(query), query);
  }

  private static String encode(List<Pair> pairs) {
    StringBuilder query = new StringBuilder();
    for (Pair pair : pairs) {
      if (query.length() > 0) {
        query.append('&');
      }
      FormEncoding.appendParameter(query, pair.name(), pair.value());
    }
    return query.toString();
  }

  // ---------------------------------------------------------------- reading

  @Test
  void emptyQueryHasNoPairs() throws MalformedQueryException {
    assertEquals(List.of(), parse(""));
  }

  @Test
  void pairsInOrderWithDuplicatesKept() throws MalformedQueryException {
    assertEquals(
        List.of(new Pair("b", "2"), new Pair("a", "1"), new Pair("b", "3")), parse("b=2&a=1&b=3"));
  }

  /** A name is matched as it stands in the query, whole: not a part of it, nor its decoding. */
  @Test
  void aNameIsMatchedWhereItStands() throws MalformedQueryException {
    QueryString.Pairs pairs = new QueryString.Pairs("x?name=1&names=2&nam=3&na%6De=4&name", 2);
    List<Boolean> matches = new ArrayList<>();
    while (pairs.next()) {
      matches.add(pairs.nameIs("name".getBytes(StandardCharsets.US_ASCII)));
    }
    assertEquals(List.of(true, false, false, false, true), matches);
  }

  @Test
  void aPairWithoutEqualsHasAnEmptyValue() throws MalformedQueryException {
    assertEquals(List.of(new Pair("a", ""), new Pair("b", "1")), parse("a&b=1"));
    assertEquals(List.of(new Pair("a", "")), parse("a="));
    assertEquals(List.of(new Pair("", "")), parse("="));
    assertEquals(List.of(new Pair("", "x")), parse("=x"));
  }

  @Test
  void onlyTheFirstEqualsSplitsNameFromValue() throws MalformedQueryException {
    assertEquals(List.of(new Pair("a", "b=c"), new Pair("d", "=")), parse("a=b=c&d=="));
  }

  @Test
  void plusIsSpaceAndEscapesAreUtf8() throws MalformedQueryException {
    assertEquals(
        List.of(new Pair("x y", "1+1 & \u00FC\u20AC\uD83D\uDE00")),
        parse("x+y=1%2B1+%26+%C3%BC%E2%82%AC%F0%9F%98%80"));
    // Hex digits in either case.
    assertEquals(List.of(new Pair("k", "\u00FC\u00FC")), parse("k=%c3%bc%C3%bC"));
  }

  @Test
  void printableAsciiOtherThanPercentAndPlusIsTakenAsItIs() throws MalformedQueryException {
    StringBuilder printable = new StringBuilder();
    for (char c = '!'; c <= '~'; c++) {
      if (c != '%' && c != '+' && c != '&' && c != '=') {
        printable.append(c);
      }
    }
    assertEquals(List.of(new Pair("k", printable.toString())), parse("k=" + printable));
  }

  @Test
  void escapedDelimitersAreData() throws MalformedQueryException {
    assertEquals(List.of(new Pair("a&b=c", "d&e=f%")), parse("a%26b%3Dc=d%26e%3Df%25"));
  }

  // ---------------------------------------------------------------- round trip

  @Test
  void randomUnicodePairsRoundTripThroughFormEncoding() throws MalformedQueryException {
    Random random = new Random(0x9E5717L);
    for (int i = 0; i < 3000; i++) {
      List<Pair> pairs = new ArrayList<>();
      int count = 1 + random.nextInt(5);
      for (int p = 0; p < count; p++) {
        pairs.add(new Pair(wellFormed(random), wellFormed(random)));
      }
      String query = encode(pairs);
      assertEquals(pairs, parse(query), query);
    }
  }

  @Test
  void acceptedQueriesDecodeAsUrlDecoderDecodesThem() throws MalformedQueryException {
    Random random = new Random(0x9E5718L);
    String alphabet = "ab=&+%%0123456789ABCDEFabcdef~!*'()";
    int accepted = 0;
    for (int i = 0; i < 20_000; i++) {
      StringBuilder query = new StringBuilder();
      int length = 1 + random.nextInt(16);
      for (int c = 0; c < length; c++) {
        query.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      List<Pair> pairs;
      try {
        pairs = parse(query.toString());
      } catch (MalformedQueryException e) {
        continue;
      }
      accepted++;
      String[] segments = query.toString().split("&", -1);
      assertEquals(segments.length, pairs.size(), query.toString());
      for (int s = 0; s < segments.length; s++) {
        int equals = segments[s].indexOf('=');
        String name = equals < 0 ? segments[s] : segments[s].substring(0, equals);
        String value = equals < 0 ? "" : segments[s].substring(equals + 1);
        assertEquals(
            URLDecoder.decode(name, StandardCharsets.UTF_8), pairs.get(s).name(), query.toString());
        assertEquals(
            URLDecoder.decode(value, StandardCharsets.UTF_8),
            pairs.get(s).value(),
            query.toString());
      }
    }
    assertTrue(accepted > 2000, "accepted: " + accepted);
  }

  private static final String DELIMITERS = "&=+% #?/\u0000\n";

  /** Well-formed UTF-16 from every UTF-8 length, weighted towards the delimiters. */
  static String wellFormed(Random random) {
    StringBuilder text = new StringBuilder();
    int length = random.nextInt(12);
    for (int i = 0; i < length; i++) {
      switch (random.nextInt(5)) {
        case 0:
          text.append(DELIMITERS.charAt(random.nextInt(DELIMITERS.length())));
          break;
        case 1:
          text.append((char) (0x20 + random.nextInt(0x5F)));
          break;
        case 2:
          text.append((char) (0x80 + random.nextInt(0x780)));
          break;
        case 3:
          char c = (char) (0x800 + random.nextInt(0x10000 - 0x800));
          text.append(Character.isSurrogate(c) ? 'z' : c);
          break;
        default:
          text.appendCodePoint(0x10000 + random.nextInt(0x100000));
      }
    }
    return text.toString();
  }

  // ---------------------------------------------------------------- refusals

  @ParameterizedTest
  @ValueSource(strings = {"&", "&a=1", "a=1&", "a=1&&b=2", "&&", "a=1&b=2&"})
  void refusesAnEmptyPair(String query) {
    MalformedQueryException e = refusal(query);
    assertTrue(e.getMessage().contains("empty pair"), e.getMessage());
    assertNull(e.parameter());
  }

  @Test
  void emptyPairMessageSaysWhere() {
    assertEquals("the query has an empty pair at index 4", refusal("a=1&&b=2").getMessage());
    assertEquals("the query has an empty pair at index 4", refusal("a=1&").getMessage());
    assertEquals("the query has an empty pair at index 0", refusal("&a").getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"%", "%4", "%G1", "%4G", "%%41", "%-1", "%+1", "% 1", "a%", "a%2"})
  void refusesAPercentThatDoesNotStartAnEscapeInAValue(String value) {
    MalformedQueryException e = refusal("name=" + value);
    assertEquals("name", e.parameter());
    assertTrue(e.getMessage().contains("does not start a %XX escape"), e.getMessage());
  }

  @Test
  void aBrokenEscapeInANameHasNoParameter() {
    MalformedQueryException e = refusal("ok=1&na%2=1");
    assertNull(e.parameter());
    assertEquals("the % at index 7 does not start a %XX escape", e.getMessage());
  }

  @Test
  void anEscapeMayNotReachIntoTheNextPairOrValue() {
    // "%2" then "&": the escape's digits are within its own pair or it is refused.
    assertEquals("a", refusal("a=%2&b=1").parameter());
    assertNull(refusal("a%3=1").parameter());
    assertEquals("a", refusal("a=%").parameter());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\uFF14\uFF11", // fullwidth 41
        "\u0664\u0661", // Arabic-Indic 41
        "4\uFF11",
        "\u0130\u0130",
      })
  void escapesTakeOnlyAsciiHexDigits(String digits) {
    // Character.digit reads these as hex digits; a query carries them only percent-encoded.
    MalformedQueryException e = refusal("k=%" + digits);
    assertEquals("k", e.parameter());
    assertTrue(e.getMessage().contains("does not start a %XX escape"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "%C3%28", // a lead byte followed by ASCII
        "%FF",
        "%C3", // a sequence cut short
        "%E2%82",
        "%80", // a lone continuation byte
        "%C0%AF", // overlong
        "%ED%A0%80", // an encoded surrogate
        "%F4%90%80%80", // beyond U+10FFFF
        "a%F0%9F%98",
      })
  void refusesEscapesThatAreNotUtf8(String value) {
    MalformedQueryException e = refusal("first=ok&v=" + value);
    assertEquals("v", e.parameter());
    assertEquals("the percent-escapes are not UTF-8", e.getMessage());
    MalformedQueryException inName = refusal(value + "=1");
    assertNull(inName.parameter());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"\u00E9", " ", "\t", "\n", "\u0000", "\u007F", "\u0080", "\uD83D\uDE00", "\u2028"})
  void refusesCharactersThatMustBePercentEncoded(String raw) {
    MalformedQueryException e = refusal("a=1&v=x" + raw);
    assertEquals("v", e.parameter());
    assertEquals("the character at index 7 must be percent-encoded", e.getMessage());
    MalformedQueryException inName = refusal("a=1&x" + raw + "=1");
    assertNull(inName.parameter());
    assertEquals("the character at index 5 must be percent-encoded", inName.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u0126", "\u013D", "\u0125", "\u012B", "\u013F"})
  void charactersBeyondLatin1AreRefusedNotReadAsTheirLowByte(String raw) {
    // U+0126 and U+013D end in the bytes of & and =, U+0125 of %, U+012B of +, U+013F of ?.
    MalformedQueryException e = refusal("a=1&v=x" + raw + "y=2");
    assertEquals("v", e.parameter());
    assertEquals("the character at index 7 must be percent-encoded", e.getMessage());
  }

  @Test
  void aRawQuestionMarkIsDataBeforeAndAfterEscapes() throws MalformedQueryException {
    assertEquals(
        List.of(new Pair("k?", "?A?b+c?"), new Pair("n", "%")), parse("k?=?%41?b%2Bc?&n=%25"));
  }

  @Test
  void theFirstFaultInTheQueryIsReported() {
    MalformedQueryException e = refusal("a=%ZZ&b=%C3%28&&");
    assertEquals("a", e.parameter());
  }

  @Test
  void malformedQueryExceptionIsCheckedAndCarriesNoCause() {
    MalformedQueryException e = refusal("k=%");
    // A checked exception, so that a caller cannot forget the refusal.
    assertEquals(Exception.class, MalformedQueryException.class.getSuperclass());
    assertNull(e.getCause());
  }

  private static final String NEAR_QUERY = "a=&+%C3F0";

  @Test
  void randomTextNeverThrowsAnythingButMalformedQueryException() {
    Random random = new Random(0x9E5719L);
    for (int i = 0; i < 20_000; i++) {
      StringBuilder query = new StringBuilder();
      int length = random.nextInt(20);
      for (int c = 0; c < length; c++) {
        query.append(
            random.nextBoolean()
                ? NEAR_QUERY.charAt(random.nextInt(NEAR_QUERY.length()))
                : (char) random.nextInt(0x10000));
      }
      try {
        List<Pair> pairs = parse(query.toString());
        // What is accepted is printable ASCII throughout.
        assertTrue(query.chars().allMatch(c -> c > ' ' && c < 0x7F), query.toString());
        assertTrue(pairs.size() >= 1 || query.length() == 0);
      } catch (MalformedQueryException e) {
        assertTrue(e.getMessage() != null && !e.getMessage().isEmpty());
      }
    }
  }
}
