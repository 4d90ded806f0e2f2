package dev.signet.sample.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The vectors made with Omni's official SDK, read from the test classpath
 * ({@code vectors/omni-sdk-vectors.jsonl}; see the README beside it).
 */
public final class OmniVectors {
  public static final String RESOURCE = "/vectors/omni-sdk-vectors.jsonl";
  public static final int COUNT = 300;

  private static final ObjectMapper JSON = new ObjectMapper();

  private OmniVectors() {}

  /**
   * One line of the file.
   *
   * @param line the line's number, from 1
   * @param sdk for "accept": url, signature and (login) canonical; null for "reject"
   * @param why for "reject": why the case must be refused; null for "accept"
   */
  public record Vector(int line, ObjectNode request, String expect, ObjectNode sdk, String why) {
    public boolean accepted() {
      return expect.equals("accept");
    }

    public String op() {
      return request.path("op").asText("login");
    }

    @Override
    public String toString() {
      return "line " + line + ": " + op() + " " + expect + (why == null ? "" : " (" + why + ")");
    }
  }

  /** Every vector, in file order. */
  public static List<Vector> all() {
    List<Vector> vectors = new ArrayList<>();
    List<String> lines = lines();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      int number = i + 1;
      try {
        JsonNode line = JSON.readTree(lines.get(i));
        vectors.add(
            new Vector(
                number,
                (ObjectNode) line.get("case"),
                line.get("expect").textValue(),
                line.hasNonNull("sdk") ? (ObjectNode) line.get("sdk") : null,
                line.hasNonNull("why") ? line.get("why").textValue() : null));
      } catch (IOException e) {
        throw new UncheckedIOException("line " + number + " of " + RESOURCE, e);
      }
    }
    return vectors;
  }

  /** The file's lines as they are. */
  public static List<String> lines() {
    InputStream in = OmniVectors.class.getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException(RESOURCE + " is not on the test classpath");
    }
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
