package dev.signet.omni.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

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
import java.util.Map;
import java.util.Set;

/**
 * The vectors made with Omni's official SDK, read from the test classpath ({@code
 * vectors/omni-sdk-vectors.jsonl}; see the README beside it).
 */
public final class OmniVectors {
  public static final String RESOURCE = "/vectors/omni-sdk-vectors.jsonl";
  public static final int COUNT = 300;

  /** The parameters whose values are JSON text, compared as JSON (key order ignored). */
  private static final Set<String> JSON_VALUED =
      Set.of(
          "userAttributes", "customTheme", "connectionRoles", "modelRoles", "groups", "uiSettings");

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

    /** For "reject": the parameter that the refusal must name, from the vector's reason. */
    public String refusedParameter() {
      switch (why) {
        case "a value holds a line break":
          List<String> holders = new ArrayList<>();
          request
              .properties()
              .forEach(
                  property -> {
                    String value = property.getValue().asText("");
                    if (property.getValue().isTextual()
                        && (value.contains("\n") || value.contains("\r"))) {
                      holders.add(property.getKey());
                    }
                  });
          assertEquals(
              1, holders.size(), () -> "one parameter should hold the line break: " + holders);
          return holders.get(0);
        case "the SDK refuses it: nonce must be 32 characters":
          return "nonce";
        case "the SDK refuses it: name is required":
          return "name";
        default:
          return fail("no rule for a vector refused because: " + why);
      }
    }

    @Override
    public String toString() {
      return "line " + line + ": " + op() + " " + expect + (why == null ? "" : " (" + why + ")");
    }
  }

  /**
   * Checks that {@code url}, signed for an accepted vector, agrees with the SDK's: the same
   * endpoint, the same parameters (none repeated) with the same values, JSON-valued ones compared
   * as JSON, and the SDK's very signature, since the vectors fix the nonce and Signet writes JSON
   * as {@code JSON.stringify} does.
   */
  public static void assertSignedLikeTheSdk(Vector vector, String url) throws IOException {
    SignedUrl ours = SignedUrl.parse(url);
    SignedUrl sdk = SignedUrl.parse(vector.sdk().get("url").textValue());

    assertEquals(sdk.endpoint(), ours.endpoint(), "origin and path");
    Map<String, String> ourValues = ours.values(); // fails on a repeated parameter
    Map<String, String> sdkValues = sdk.values();
    assertEquals(sdkValues.keySet(), ourValues.keySet(), "parameter names");
    for (String name : sdkValues.keySet()) {
      if (JSON_VALUED.contains(name)) {
        assertEquals(JSON.readTree(sdkValues.get(name)), JSON.readTree(ourValues.get(name)), name);
      } else {
        assertEquals(sdkValues.get(name), ourValues.get(name), name);
      }
    }
    assertEquals(
        vector.sdk().get("signature").textValue(), ourValues.get("signature"), "signature");
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
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return reader.lines().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
