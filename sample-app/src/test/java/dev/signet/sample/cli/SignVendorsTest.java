package dev.signet.sample.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * {@code sign looker}, {@code sign mode} and {@code sign sigma} over the vendors' vectors (copied
 * into this module's test resources): one answer a line, the reference's URL where the vendor's
 * module writes it byte for byte (Mode, Sigma's signed URL and JWT embed), the reference's
 * signature over the same signed text where the order of the query differs (Looker), and {@code
 * error: ...} for each case to refuse, never showing the secret.
 */
class SignVendorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private record Vector(JsonNode signedCase, JsonNode expect) {
    boolean refused() {
      return expect.isTextual() && expect.textValue().equals("reject");
    }
  }

  private static List<Vector> vectors(String vendor) throws IOException {
    List<Vector> vectors = new ArrayList<>();
    try (InputStream in =
        SignVendorsTest.class.getResourceAsStream("/vendors/" + vendor + ".jsonl")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        JsonNode vector = JSON.readTree(line);
        vectors.add(new Vector(vector.get("case"), vector.get("expect")));
      }
    }
    return vectors;
  }

  /** The lines {@code sign vendor --jsonl} answers to {@code stdin}. */
  private static List<String> sign(String vendor, String stdin) {
    InputStream standardInput = System.in;
    StringWriter out = new StringWriter();
    try {
      System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      CommandLine commandLine = Main.commandLine();
      commandLine.setOut(new PrintWriter(out, true));
      commandLine.setErr(new PrintWriter(new StringWriter(), true));
      assertEquals(0, commandLine.execute("sign", vendor, "--jsonl"));
      return out.toString().lines().toList();
    } finally {
      System.setIn(standardInput);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"looker", "mode", "sigma"})
  void answersEachVectorAsTheReferenceDoes(String vendor) throws IOException {
    List<Vector> vectors = vectors(vendor);
    StringBuilder stdin = new StringBuilder();
    for (Vector vector : vectors) {
      stdin.append(JSON.writeValueAsString(vector.signedCase())).append('\n');
    }
    List<String> answers = sign(vendor, stdin.toString());
    assertEquals(vectors.size(), answers.size());
    int signedUrls = 0;
    for (int i = 0; i < vectors.size(); i++) {
      Vector vector = vectors.get(i);
      String answer = answers.get(i);
      String secret = vector.signedCase().get("secret").textValue();
      if (!secret.isEmpty()) {
        assertFalse(answer.contains(secret), "the secret leaked");
      }
      if (vector.refused()) {
        assertTrue(answer.startsWith("error: "), () -> vector.signedCase() + " -> " + answer);
        continue;
      }
      String expected = vector.expect().get("url").textValue();
      if (vendor.equals("looker")) {
        String signature = vector.expect().get("signature").textValue();
        assertTrue(
            answer.endsWith(
                "&signature="
                    + signature.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D")),
            answer);
        assertEquals(
            expected.substring(0, expected.indexOf('?')), answer.substring(0, answer.indexOf('?')));
      } else {
        assertEquals(expected, answer);
      }
      signedUrls++;
    }
    // Sigma's 54 JWT embeds beside its 54 signed URLs.
    assertEquals(vendor.equals("sigma") ? 108 : 54, signedUrls);
  }

  @Test
  void refusalsNameTheRule() {
    List<String> answers =
        sign(
            "looker",
            "{\"secret\":\"s\",\"host\":\"h.looker.com\",\"src\":\"/embed/looks/1\","
                + "\"nonce\":\"KeVW4oqGAItH8eYK\",\"time\":1,\"user\":{\"external_user_id\":\"u\","
                + "\"session_length\":2592001,\"permissions\":[],\"models\":[]}}\n"
                + "{\"secret\":\"\",\"host\":\"h.looker.com\"}\n");
    assertEquals(
        List.of(
            "error: session_length: must be between 0 and 2592000, not 2592001",
            "error: secret: must not be empty"),
        answers);
    assertEquals(
        List.of("error: mode: must be userbacked"),
        sign("sigma", "{\"scheme\":\"signed-url\",\"secret\":\"s\",\"mode\":\"view\"}\n"));
    assertEquals(
        List.of(
            "error: exp: must be at most 2592000 seconds after iat, the longest the vendor allows,"
                + " is 2592001 seconds after it"),
        sign(
            "sigma",
            "{\"scheme\":\"jwt\",\"secret\":\"s\",\"embedPath\":\"https://app.sigmacomputing.com/embed/1\","
                + "\"clientId\":\"c\",\"email\":\"ann@example.com\",\"jti\":\"j\",\"iat\":1,"
                + "\"exp\":2592002}\n"));
  }

  @Test
  void eachVendorListsItsFields() {
    StringWriter out = new StringWriter();
    CommandLine commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.execute("sign", "--help");
    // Picocli lines the summaries up after the longest vendor's name.
    assertTrue(
        out.toString().matches("(?s).*looker +Looker's signed embed \\(SSO\\) URL.*"),
        out::toString);
    assertTrue(
        out.toString().matches("(?s).*mode +Mode's signed white-label embed URL.*"), out::toString);
    for (String[] vendor :
        new String[][] {
          {"looker", "src: the embedded page's path"},
          {"mode", "params: optional object"},
          {"sigma", "scheme: jwt or signed-url"}
        }) {
      StringWriter help = new StringWriter();
      CommandLine line = Main.commandLine();
      line.setOut(new PrintWriter(help, true));
      line.execute("sign", vendor[0], "--help");
      assertTrue(help.toString().contains(vendor[1]), help::toString);
    }
  }
}
