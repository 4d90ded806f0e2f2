package dev.signet.sample.proof;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.signet.omni.testing.ProofValues;
import dev.signet.runtime.FormEncoding;
import dev.signet.runtime.QueryString;
import dev.signet.runtime.QueryString.MalformedQueryException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link QueryString#parse} on any text: it reads a query or refuses it with a {@link
 * MalformedQueryException}, never anything else; it reads exactly what the rules it documents read
 * (a plain second implementation of them, {@link #reference}), refusing exactly what they refuse;
 * and what it reads is read the same again once form-encoded anew.
 *
 * <p>Every run of the tests replays the seeds in {@code QueryStringFuzzTestInputs/parse}; {@code
 * mvn verify} also fuzzes for a bounded time (see the {@code fuzz-*} executions in the pom).
 */
class QueryStringFuzzTest {

  @FuzzTest(maxDuration = "20s")
  void parse(FuzzedDataProvider data) {
    byte[] input = data.consumeRemainingAsBytes();
    // The bytes as Latin-1 (every char below 256), as UTF-8 (replacement characters where it is
    // broken), and as UTF-16 (any char, lone surrogates included).
    check(new String(input, StandardCharsets.ISO_8859_1));
    check(new String(input, StandardCharsets.UTF_8));
    check(new String(input, StandardCharsets.UTF_16BE));
  }

  static void check(String query) {
    Optional<List<QueryString.Pair>> expected = reference(query);
    List<QueryString.Pair> pairs;
    try {
      pairs = QueryString.parse(query);
    } catch (MalformedQueryException refused) {
      if (refused.getMessage() == null || refused.getMessage().isEmpty()) {
        throw new AssertionError("a refusal without a message for " + ProofValues.visible(query));
      }
      if (expected.isPresent()) {
        throw new AssertionError(
            "QueryString refused ("
                + refused.getMessage()
                + ") what reads as "
                + expected.get()
                + ": "
                + ProofValues.visible(query));
      }
      return;
    }
    if (!expected.equals(Optional.of(pairs))) {
      throw new AssertionError(
          "QueryString read "
              + pairs
              + " where the rules read "
              + expected
              + " in "
              + ProofValues.visible(query));
    }
    // Written anew as a signer writes it, the query reads the same.
    StringBuilder canonical = new StringBuilder();
    for (QueryString.Pair pair : pairs) {
      if (canonical.length() > 0) {
        canonical.append('&');
      }
      FormEncoding.appendParameter(canonical, pair.name(), pair.value());
    }
    try {
      if (!QueryString.parse(canonical.toString()).equals(pairs)) {
        throw new AssertionError("the form-encoded pairs read differently: " + canonical);
      }
    } catch (MalformedQueryException e) {
      throw new AssertionError("the form-encoded pairs are refused: " + canonical, e);
    }
  }

  /**
   * The query read by the rules QueryString documents, written out the plain way: pairs split at
   * {@code &}, none empty; name and value split at the first {@code =}; {@code +} is a space;
   * {@code %} and two ASCII hex digits are a byte; any other character from {@code !} to {@code ~}
   * is itself, and any other at all is refused; the bytes must be UTF-8. Empty when refused.
   */
  static Optional<List<QueryString.Pair>> reference(String query) {
    List<QueryString.Pair> pairs = new ArrayList<>();
    if (query.isEmpty()) {
      return Optional.of(pairs);
    }
    for (String pair : query.split("&", -1)) {
      if (pair.isEmpty()) {
        return Optional.empty();
      }
      int equals = pair.indexOf('=');
      Optional<String> name = decode(equals < 0 ? pair : pair.substring(0, equals));
      Optional<String> value = decode(equals < 0 ? "" : pair.substring(equals + 1));
      if (name.isEmpty() || value.isEmpty()) {
        return Optional.empty();
      }
      pairs.add(new QueryString.Pair(name.get(), value.get()));
    }
    return Optional.of(pairs);
  }

  private static Optional<String> decode(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '+') {
        bytes.write(' ');
      } else if (c == '%') {
        if (i + 2 >= text.length()) {
          return Optional.empty();
        }
        int high = HEX_DIGITS.indexOf(Character.toUpperCase(text.charAt(i + 1)));
        int low = HEX_DIGITS.indexOf(Character.toUpperCase(text.charAt(i + 2)));
        if (high < 0 || low < 0 || text.charAt(i + 1) > 0x7F || text.charAt(i + 2) > 0x7F) {
          return Optional.empty();
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else if (c < '!' || c > '~') {
        return Optional.empty();
      } else {
        bytes.write(c);
      }
    }
    try {
      return Optional.of(
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes.toByteArray()))
              .toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }

  private static final String HEX_DIGITS = "0123456789ABCDEF";
}
