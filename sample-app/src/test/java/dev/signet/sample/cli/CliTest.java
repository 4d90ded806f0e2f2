package dev.signet.sample.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signet.sample.testing.Hmac;
import dev.signet.sample.testing.OmniVectors;
import dev.signet.sample.testing.OmniVectors.Vector;
import dev.signet.sample.testing.SignedUrl;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/** The command line, run in-process through picocli. */
class CliTest {
  /** Recognizable, so that a leak shows. */
  private static final String SECRET = "TOP-SECRET-cli-test-key-9876543210";

  private static final String NONCE = "AbCdEfGhIjKlMnOpQrStUvWxYz012345";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What one run printed, and its exit code. */
  private record Run(int exitCode, String out, String err) {
    List<String> outLines() {
      return out.lines().toList();
    }

    void assertShowsNoSecret(String secret) {
      assertFalse(out.contains(secret), () -> "the secret is on stdout: " + out);
      assertFalse(err.contains(secret), () -> "the secret is on stderr: " + err);
    }
  }

  /** Runs the command line with {@code stdin} (or none) as standard input. */
  private static Run run(String stdin, String... args) {
    InputStream standardInput = System.in;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    try {
      if (stdin != null) {
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
      }
      // Main's constructor is private, as picocli needs none: picocli makes the instance.
      CommandLine commandLine = new CommandLine(Main.class);
      commandLine.setOut(new PrintWriter(out, true));
      commandLine.setErr(new PrintWriter(err, true));
      int exitCode = commandLine.execute(args);
      return new Run(exitCode, out.toString(), err.toString());
    } finally {
      System.setIn(standardInput);
    }
  }

  private static String loginJson(Map<String, Object> overrides) throws Exception {
    Map<String, Object> request = new LinkedHashMap<>();
    request.put("op", "login");
    request.put("secret", SECRET);
    request.put("organizationName", "acme");
    request.put("contentPath", "/my");
    request.put("externalId", "u1");
    request.put("name", "Blob Ross");
    request.put("nonce", NONCE);
    request.putAll(overrides);
    return JSON.writeValueAsString(request);
  }

  @Test
  void jsonLinesSignsEveryVectorCaseOnALineOfItsOwn() throws Exception {
    List<Vector> vectors = OmniVectors.all();
    StringBuilder stdin = new StringBuilder();
    for (Vector vector : vectors) {
      stdin.append(JSON.writeValueAsString(vector.request())).append('\n');
      if (vector.line() % 60 == 0) {
        stdin.append('\n').append(" \t \n"); // blank lines, to be skipped
      }
    }

    Run run = run(stdin.toString(), "omni-url", "--jsonl");

    assertEquals(0, run.exitCode());
    assertEquals("", run.err());
    List<String> lines = run.outLines();
    assertEquals(OmniVectors.COUNT, lines.size());
    for (int i = 0; i < vectors.size(); i++) {
      Vector vector = vectors.get(i);
      String line = lines.get(i);
      if (vector.accepted()) {
        SignedUrl sdk = SignedUrl.parse(vector.sdk().get("url").textValue());
        SignedUrl ours = SignedUrl.parse(line);
        assertEquals(sdk.endpoint(), ours.endpoint(), vector::toString);
        assertEquals(vector.sdk().get("signature").textValue(), ours.value("signature"), vector::toString);
      } else {
        assertTrue(line.startsWith("error: "), () -> vector + " should be refused, not: " + line);
      }
      run.assertShowsNoSecret(vector.request().get("secret").textValue());
    }
  }

  @Test
  void jsonLinesGoesOnPastALineItCannotRead() throws Exception {
    String good = loginJson(Map.of());
    String stdin =
        String.join(
            "\n",
            good,
            "{\"op\": \"login\", \"name\": ", // cut short
            "[\"not\", \"an\", \"object\"]",
            "{\"secret\": " + SECRET + ", \"name\": \"x\"}", // the secret left unquoted
            good,
            "");

    Run run = run(stdin, "omni-url", "--jsonl");

    assertEquals(0, run.exitCode());
    List<String> lines = run.outLines();
    assertEquals(5, lines.size(), run::out);
    String url = OmniCase.signedUrl((ObjectNode) JSON.readTree(good));
    assertEquals(url, lines.get(0));
    assertTrue(lines.get(1).startsWith("error: "), lines.get(1));
    assertTrue(lines.get(2).startsWith("error: "), lines.get(2));
    assertTrue(lines.get(3).startsWith("error: "), lines.get(3));
    assertEquals(url, lines.get(4));
    run.assertShowsNoSecret(SECRET);
  }

  @Test
  void jsonLinesNamesTheParameterOfARefusedCase() throws Exception {
    String stdin =
        String.join(
            "\n",
            loginJson(Map.of("name", "Eve\nforged")),
            loginJson(Map.of("nonce", "tooShort")),
            loginJson(Map.of("email", "a@example.com\r")),
            loginJson(Map.of("userAttributes", Map.of("big", new BigDecimal("1e400")))),
            loginJson(Map.of("colour", "red")),
            loginJson(Map.of("host", "analytics.acme.io")), // and organizationName
            "");

    Run run = run(stdin, "omni-url", "--jsonl");

    assertEquals(
        List.of("name", "nonce", "email", "userAttributes", "colour", "host"),
        run.outLines().stream().map(CliTest::refusedParameter).toList(),
        run::out);
    run.assertShowsNoSecret(SECRET);
  }

  /** The parameter that an {@code error: PARAMETER: PROBLEM} line names. */
  private static String refusedParameter(String line) {
    assertTrue(line.startsWith("error: "), line);
    int colon = line.indexOf(':', "error: ".length());
    assertTrue(colon > 0, line);
    return line.substring("error: ".length(), colon);
  }

  @Test
  void flagsSignOneLoginUrl() {
    Run run =
        run(
            null,
            "omni-url",
            "--secret", SECRET,
            "--organization", "acme",
            "--content-path", "/my",
            "--external-id", "u1",
            "--name", "Blob Ross",
            "--nonce", NONCE,
            "--user-attributes", "{\"region\":\"west\"}",
            "--theme", "vibes");

    assertEquals(0, run.exitCode(), run::err);
    assertEquals("", run.err());
    assertEquals(1, run.outLines().size(), run::out);
    SignedUrl url = SignedUrl.parse(run.outLines().get(0));
    assertEquals("https://acme.embed-omniapp.co/embed/login", url.endpoint());
    String canonical =
        "https://acme.embed-omniapp.co/embed/login\n/my\nu1\nBlob Ross\n" + NONCE
            + "\nvibes\n{\"region\":\"west\"}";
    assertEquals(
        Map.of(
            "contentPath", "/my",
            "externalId", "u1",
            "name", "Blob Ross",
            "nonce", NONCE,
            "theme", "vibes",
            "userAttributes", "{\"region\":\"west\"}",
            "signature", Hmac.sha256Base64Url(SECRET, canonical)),
        url.values());
    run.assertShowsNoSecret(SECRET);
  }

  @Test
  void flagsSignOneRedeemSessionUrl() {
    Run run =
        run(
            null,
            "omni-url",
            "--op", "redeem",
            "--secret", SECRET,
            "--host", "Analytics.ACME.io",
            "--port", "8443",
            "--session-id", "5e2b-session",
            "--nonce", NONCE,
            "--prefers-dark", "system");

    assertEquals(0, run.exitCode(), run::err);
    SignedUrl url = SignedUrl.parse(run.outLines().get(0));
    assertEquals("https://analytics.acme.io:8443/embed/sso/redeem-session", url.endpoint());
    String canonical =
        "https://analytics.acme.io:8443/embed/sso/redeem-session\n" + NONCE + "\n5e2b-session\nsystem";
    assertEquals(
        Map.of(
            "nonce", NONCE,
            "sessionId", "5e2b-session",
            "prefersDark", "system",
            "signature", Hmac.sha256Base64Url(SECRET, canonical)),
        url.values());
    run.assertShowsNoSecret(SECRET);
  }

  static Stream<Arguments> badFlagValues() {
    return Stream.of(
        Arguments.of("nonce", Map.of("--nonce", "tooShort")),
        Arguments.of("nonce", Map.of("--nonce", "AbCdEfGhIjKlMnOpQrStUvWxYz01234-")),
        Arguments.of("theme", Map.of("--theme", "neon")),
        Arguments.of("name", Map.of("--name", "Eve\nforged")),
        Arguments.of("entity", Map.of("--entity", "Acme\r\nforged")),
        Arguments.of("userAttributes", Map.of("--user-attributes", "{region: west}")),
        Arguments.of("host", Map.of("--host", "analytics.acme.io")), // besides --organization
        Arguments.of("externalId", Map.of("--external-id", "")));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("badFlagValues")
  void aBadFlagValueIsAnErrorNamingTheParameter(String parameter, Map<String, String> badFlag) {
    Map<String, String> flags = new LinkedHashMap<>();
    flags.put("--secret", SECRET);
    flags.put("--organization", "acme");
    flags.put("--content-path", "/my");
    flags.put("--external-id", "u1");
    flags.put("--name", "Blob Ross");
    flags.putAll(badFlag);
    List<String> args = new ArrayList<>(List.of("omni-url"));
    flags.forEach((flag, value) -> args.addAll(List.of(flag, value)));

    Run run = run(null, args.toArray(String[]::new));

    assertNotEquals(0, run.exitCode());
    assertEquals("", run.out());
    assertTrue(run.err().startsWith("error: " + parameter + ": "), run::err);
    run.assertShowsNoSecret(SECRET);
  }

  @Test
  void aFlagValueOfTheWrongTypeIsRefusedByPicocliWithoutShowingTheSecret() {
    Run run =
        run(
            null,
            "omni-url", "--secret", SECRET, "--organization", "acme", "--content-path", "/my",
            "--external-id", "u1", "--name", "Blob Ross", "--port", "https");

    assertNotEquals(0, run.exitCode());
    assertEquals("", run.out());
    assertTrue(run.err().contains("--port"), run::err);
    run.assertShowsNoSecret(SECRET);
  }
}
