package dev.signet.sample.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * Answers a stream of JSON objects, one a line, with one line each: what {@code --jsonl} does for
 * every command that signs. A line that cannot be read is answered {@code error: MESSAGE} and never
 * stops the stream, so that answers line up with requests.
 */
final class JsonLines {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonLines() {}

  /**
   * Answers every line of {@code in} with {@code signer}'s answer, in order; each line is decoded
   * as UTF-8 on its own, so that a line that is not UTF-8 is refused rather than signed with U+FFFD
   * in place of its bytes.
   *
   * @param signer the answer for one object; an {@link IllegalArgumentException} it throws is
   *     answered {@code error: } and its message
   */
  static void answerEach(InputStream in, PrintWriter out, Function<ObjectNode, String> signer)
      throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    boolean pending = false;
    for (int b = in.read(); ; b = in.read()) {
      if (b == '\n' || (b < 0 && pending)) {
        out.println(answer(line.toByteArray(), signer));
        out.flush();
        line.reset();
        pending = false;
      } else if (b >= 0) {
        line.write(b);
        pending = true;
      }
      if (b < 0) {
        return;
      }
    }
  }

  private static String answer(byte[] bytes, Function<ObjectNode, String> signer) {
    int length = bytes.length;
    if (length > 0 && bytes[length - 1] == '\r') {
      length--;
    }
    String line;
    try {
      line =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes, 0, length))
              .toString();
    } catch (CharacterCodingException e) {
      return "error: the line is not valid UTF-8";
    }
    return answer(line, signer);
  }

  /** The answer for one line, or {@code error: MESSAGE}. */
  static String answer(String line, Function<ObjectNode, String> signer) {
    if (line.isBlank()) {
      return "error: the line is empty; each line must be a JSON object";
    }
    try {
      JsonNode request = JSON.readTree(line);
      if (!request.isObject()) {
        return "error: each line must be a JSON object";
      }
      return signer.apply((ObjectNode) request);
    } catch (JsonProcessingException e) {
      // Not Jackson's message: it quotes the offending text, which may be an unquoted secret.
      JsonLocation where = e.getLocation();
      return "error: the line is not JSON"
          + (where == null || where.getColumnNr() < 1
              ? ""
              : " (column " + where.getColumnNr() + ")");
    } catch (IllegalArgumentException e) {
      return "error: " + e.getMessage();
    }
  }
}
