package dev.signet.sample.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signet.omni.testing.Hmac;
import dev.signet.omni.testing.OmniVectors;
import dev.signet.omni.testing.OmniVectors.Vector;
import dev.signet.omni.testing.SignedUrl;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** The command line, run in-process through picocli. */
class CliTest {
  /** Recognizable, so that a leak shows. */
  private static final String SECRET = "TOP-SECRET-cli-test-key-9876543210";

  /** The vendors {@code sign} knows, as its messages list them. */
  private static final String VENDORS =
      String.join(", ", SignCommand.SIGNERS.stream().map(CaseSigner::vendor).toList());

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
    return run(stdin == null ? null : stdin.getBytes(StandardCharsets.UTF_8), Map.of(), args);
  }

  /**
   * Runs the command line as {@link Main#main} does, with {@code stdin} (or none) as standard input
   * and {@code environment} as the whole environment.
   */
  private static Run run(byte[] stdin, Map<String, String> environment, String... args) {
    InputStream standardInput = System.in;
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    try {
      if (stdin != null) {
        System.setIn(new ByteArrayInputStream(stdin));
      }
      CommandLine commandLine = Main.commandLine();
      OmniUrlCommand omniUrl = commandLine.getSubcommands().get("omni-url").getCommand();
      omniUrl.environment = () -> environment;
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
        stdin.append('\n').append(" \t \n"); // blank lines, each answered in its place
      }
    }

    Run run = run(stdin.toString(), "omni-url", "--jsonl");

    assertEquals(0, run.exitCode());
    assertEquals("", run.err());
    List<String> lines = new ArrayList<>(run.outLines());
    int blank = OmniVectors.COUNT / 60;
    assertEquals(OmniVectors.COUNT + 2 * blank, lines.size());
    for (int i = 0; i < vectors.size(); i++) {
      Vector vector = vectors.get(i);
      String line = lines.remove(0);
      if (vector.line() % 60 == 0) {
        for (int j = 0; j < 2; j++) {
          assertEquals(
              "error: the line is empty; each line must be a JSON object", lines.remove(0));
        }
      }
      if (vector.accepted()) {
        SignedUrl sdk = SignedUrl.parse(vector.sdk().get("url").textValue());
        SignedUrl ours = SignedUrl.parse(line);
        assertEquals(sdk.endpoint(), ours.endpoint(), vector::toString);
        assertEquals(
            vector.sdk().get("signature").textValue(), ours.value("signature"), vector::toString);
      } else {
        assertTrue(line.startsWith("error: "), () -> vector + " should be refused, not: " + line);
      }
      run.assertShowsNoSecret(vector.request().get("secret").textValue());
    }
  }

  @Test
  void signOmniAnswersAsOmniUrlDoes() throws Exception {
    StringBuilder stdin = new StringBuilder();
    for (Vector vector : OmniVectors.all()) {
      ObjectNode request = vector.request().deepCopy();
      // A fixed nonce where the vector draws one, so that both commands sign the same request.
      if (!request.has("nonce") && !"redeem".equals(request.path("op").asText())) {
        request.put("nonce", NONCE);
      }
      stdin.append(JSON.writeValueAsString(request)).append('\n');
    }
    stdin.append("not json\n");

    Run omniUrl = run(stdin.toString(), "omni-url", "--jsonl");
    Run sign = run(stdin.toString(), "sign", "omni", "--jsonl");

    assertEquals(0, sign.exitCode());
    assertEquals(OmniVectors.COUNT + 1, sign.outLines().size());
    assertEquals(omniUrl.outLines(), sign.outLines());
    assertTrue(sign.outLines().get(OmniVectors.COUNT).startsWith("error: the line is not JSON"));
  }

  /** The lines of a copied vendor vector file, {@code vectors/<vendor>.jsonl}. */
  private static List<ObjectNode> vendorVectors(String vendor) throws Exception {
    List<ObjectNode> vectors = new ArrayList<>();
    try (InputStream in = CliTest.class.getResourceAsStream("/vectors/" + vendor + ".jsonl")) {
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        vectors.add((ObjectNode) JSON.readTree(line));
      }
    }
    return vectors;
  }

  /** {@code sign VENDOR --jsonl} over every case of the vendor's vectors, one answer a line. */
  private static List<String> signEveryCase(String vendor, List<ObjectNode> vectors)
      throws Exception {
    StringBuilder stdin = new StringBuilder();
    for (ObjectNode vector : vectors) {
      stdin.append(JSON.writeValueAsString(vector.get("case"))).append('\n');
    }
    Run run = run(stdin.toString(), "sign", vendor, "--jsonl");
    assertEquals(0, run.exitCode(), run::err);
    assertEquals(vectors.size(), run.outLines().size());
    for (ObjectNode vector : vectors) {
      String secret = vector.get("case").get("secret").textValue();
      if (!secret.isEmpty()) {
        run.assertShowsNoSecret(secret);
      }
    }
    return run.outLines();
  }

  @Test
  void signMetabaseAnswersEveryVector() throws Exception {
    List<ObjectNode> vectors = vendorVectors("metabase");
    List<String> answers = signEveryCase("metabase", vectors);
    for (int i = 0; i < vectors.size(); i++) {
      JsonNode expect = vectors.get(i).get("expect");
      String answer = answers.get(i);
      if (expect.isObject()) {
        String url = expect.get("url").textValue();
        // The token and everything before the fragment to the byte; the appearance options are
        // the same set, in Signet's declared order.
        assertEquals(url.split("#")[0], answer.split("#")[0], vectors.get(i).get("id")::toString);
        assertEquals(
            url.contains("#") ? Set.of(url.split("#")[1].split("&")) : Set.of(),
            answer.contains("#")
                ? Set.of(answer.split("#")[1].replace("%2C", ",").split("&"))
                : Set.of());
      } else {
        assertTrue(answer.startsWith("error: "), answer);
      }
    }
    assertEquals(
        "error: resource: must name a dashboard or a question by a non-empty id", answers.get(7));
  }

  @Test
  void signLightdashAnswersEveryVector() throws Exception {
    List<ObjectNode> vectors = vendorVectors("lightdash");
    List<String> answers = signEveryCase("lightdash", vectors);
    for (int i = 0; i < vectors.size(); i++) {
      JsonNode expect = vectors.get(i).get("expect");
      if (expect.isObject()) {
        assertEquals(
            expect.get("url").textValue(), answers.get(i), vectors.get(i).get("id")::toString);
      } else {
        assertTrue(answers.get(i).startsWith("error: "), answers.get(i));
      }
    }
    assertEquals(
        "error: content.type: must be \"dashboard\": iframe embedding is only available for"
            + " dashboards (charts need the React SDK)",
        answers.get(17));
  }

  @Test
  void signTableauAnswersEveryVectorWithTheReferencesToken() throws Exception {
    List<ObjectNode> vectors = vendorVectors("tableau");
    List<String> answers = signEveryCase("tableau", vectors);
    for (int i = 0; i < vectors.size(); i++) {
      JsonNode expect = vectors.get(i).get("expect");
      if (expect.isObject()) {
        assertEquals(
            expect.get("token").textValue(), answers.get(i), vectors.get(i).get("id")::toString);
      } else {
        assertTrue(answers.get(i).startsWith("error: "), answers.get(i));
      }
    }
    assertEquals(
        "error: exp: must be at most 600 seconds after iat, the longest the vendor allows, is 601"
            + " seconds after it",
        answers.get(7));
    assertEquals(
        "error: scp: must hold at least one scope, such as tableau:views:embed", answers.get(27));
    String help = run(null, "sign", "tableau", "--help").out();
    assertTrue(help.contains("secretId: the secret's id, the header's kid"), help);
    assertTrue(help.contains("userAttributes: optional: name to a string or a list"), help);
  }

  @Test
  void signListsItsVendorsAndEachVendorsFields() {
    String help = run(null, "sign", "--help").out();
    // Picocli lines the summaries up after the longest vendor's name.
    assertTrue(help.matches("(?s).*omni +Omni's signed login.*"), help);
    assertTrue(help.matches("(?s).*metabase +Metabase's static embedding.*"), help);
    assertTrue(help.matches("(?s).*lightdash +Lightdash's iframe embedding.*"), help);
    assertTrue(help.matches("(?s).*tableau +Tableau's connected apps.*"), help);
    assertTrue(run(null, "sign", "metabase", "--help").out().contains("fragment: the appearance"));
    String omni = run(null, "sign", "omni", "--help").out();
    assertTrue(omni.contains("--jsonl"), omni);
    assertTrue(omni.contains("organizationName: the organization"), omni);
  }

  @Test
  void signRefusesAnUnknownVendorWithoutRepeatingIt() {
    Run run = run(null, "sign", SECRET, "--jsonl");
    assertEquals(2, run.exitCode());
    assertTrue(
        run.err().contains("that is not a vendor sign knows; name one of: " + VENDORS), run.err());
    run.assertShowsNoSecret(SECRET);
    Run none = run(null, "sign");
    assertTrue(none.err().contains("name a vendor: " + VENDORS), none.err());
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
            "--secret",
            SECRET,
            "--organization",
            "acme",
            "--content-path",
            "/my",
            "--external-id",
            "u1",
            "--name",
            "Blob Ross",
            "--nonce",
            NONCE,
            "--user-attributes",
            "{\"region\":\"west\"}",
            "--theme",
            "vibes");

    assertEquals(0, run.exitCode(), run::err);
    assertEquals("", run.err());
    assertEquals(1, run.outLines().size(), run::out);
    SignedUrl url = SignedUrl.parse(run.outLines().get(0));
    assertEquals("https://acme.embed-omniapp.co/embed/login", url.endpoint());
    String canonical =
        "https://acme.embed-omniapp.co/embed/login\n/my\nu1\nBlob Ross\n"
            + NONCE
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
            "--op",
            "redeem",
            "--secret",
            SECRET,
            "--host",
            "Analytics.ACME.io",
            "--port",
            "8443",
            "--session-id",
            "5e2b-session",
            "--nonce",
            NONCE,
            "--prefers-dark",
            "system");

    assertEquals(0, run.exitCode(), run::err);
    SignedUrl url = SignedUrl.parse(run.outLines().get(0));
    assertEquals("https://analytics.acme.io:8443/embed/sso/redeem-session", url.endpoint());
    String canonical =
        "https://analytics.acme.io:8443/embed/sso/redeem-session\n"
            + NONCE
            + "\n5e2b-session\nsystem";
    assertEquals(
        Map.of(
            "nonce",
            NONCE,
            "sessionId",
            "5e2b-session",
            "prefersDark",
            "system",
            "signature",
            Hmac.sha256Base64Url(SECRET, canonical)),
        url.values());
    run.assertShowsNoSecret(SECRET);
  }

  static Stream<Arguments> badFlagValues() {
    return Stream.of(
        Arguments.of("--nonce", Map.of("--nonce", "tooShort")),
        Arguments.of("--nonce", Map.of("--nonce", "AbCdEfGhIjKlMnOpQrStUvWxYz01234-")),
        Arguments.of("--theme", Map.of("--theme", "neon")),
        Arguments.of("--name", Map.of("--name", "Eve\nforged")),
        Arguments.of("--entity", Map.of("--entity", "Acme\r\nforged")),
        Arguments.of("--user-attributes", Map.of("--user-attributes", "{region: west}")),
        Arguments.of("--host", Map.of("--host", "analytics.acme.io")), // besides --organization
        Arguments.of("--external-id", Map.of("--external-id", "")),
        Arguments.of("--external-id", Map.of("--external-id", "  ")),
        Arguments.of("--name", Map.of("--name", " Blob")),
        Arguments.of("--content-path", Map.of("--content-path", "https://evil.com")),
        Arguments.of("--content-path", Map.of("--content-path", "/dashboards/../../x")),
        Arguments.of("--organization", Map.of("--organization", "acme.example")),
        Arguments.of(
            "--entity-folder-content-role", Map.of("--entity-folder-content-role", "OWNER")),
        Arguments.of("--name", Map.of("--name", "Bl\uFFFDb")),
        Arguments.of("--secret", Map.of("--secret", "   ")));
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
  void aMissingRequiredValueIsNamedByItsFlag() {
    Run login =
        run(
            null,
            "omni-url",
            "--secret",
            SECRET,
            "--organization",
            "acme",
            "--external-id",
            "u1",
            "--name",
            "B");
    assertEquals("error: --content-path: is required\n", login.err());
    Run redeem =
        run(null, "omni-url", "--op", "redeem", "--secret", SECRET, "--organization", "acme");
    assertEquals("error: --session-id: is required\n", redeem.err());
    Run neither =
        run(
            null,
            "omni-url",
            "--secret",
            SECRET,
            "--content-path",
            "/my",
            "--external-id",
            "u1",
            "--name",
            "B");
    assertEquals(
        "error: --host: give either --host (a vanity host) or --organization\n", neither.err());
    Run noSecret =
        run(
            null,
            "omni-url",
            "--organization",
            "acme",
            "--content-path",
            "/my",
            "--external-id",
            "u1",
            "--name",
            "B");
    assertTrue(noSecret.err().startsWith("error: --secret: is required"), noSecret::err);
  }

  @Test
  void theSecretComesFromTheEnvironmentWhenNotGiven() throws Exception {
    Map<String, String> environment = Map.of(OmniUrlCommand.SECRET_VARIABLE, SECRET);
    Run flags =
        run(
            null,
            environment,
            "omni-url",
            "--organization",
            "acme",
            "--content-path",
            "/my",
            "--external-id",
            "u1",
            "--name",
            "Blob Ross",
            "--nonce",
            NONCE);
    String expected = OmniCase.signedUrl((ObjectNode) JSON.readTree(loginJson(Map.of())));
    assertEquals(expected + "\n", flags.out(), flags::err);

    String withoutSecret = loginJson(Map.of()).replace("\"secret\":\"" + SECRET + "\",", "");
    assertFalse(withoutSecret.contains(SECRET));
    Run lines =
        run(
            (withoutSecret + "\n").getBytes(StandardCharsets.UTF_8),
            environment,
            "omni-url",
            "--jsonl");
    assertEquals(expected + "\n", lines.out());
    Run none =
        run(
            (withoutSecret + "\n").getBytes(StandardCharsets.UTF_8),
            Map.of(),
            "omni-url",
            "--jsonl");
    assertEquals("error: secret: is required and must not be empty or only spaces\n", none.out());
    Run blank =
        run(
            null,
            Map.of(OmniUrlCommand.SECRET_VARIABLE, " \t "),
            "omni-url",
            "--organization",
            "acme",
            "--content-path",
            "/my",
            "--external-id",
            "u1",
            "--name",
            "B");
    assertTrue(
        blank.err().startsWith("error: --secret: is required and must not be empty or only spaces"),
        blank::err);
  }

  @Test
  void jsonLinesRefusesALineThatIsNotUtf8AndAnswersTheNext() throws Exception {
    byte[] good = (loginJson(Map.of()) + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] bad = (loginJson(Map.of("name", "Bl#b")) + "\r\n").getBytes(StandardCharsets.UTF_8);
    bad[new String(bad, StandardCharsets.UTF_8).indexOf('#')] = (byte) 0xFF;
    ByteArrayOutputStream stdin = new ByteArrayOutputStream();
    stdin.write(bad);
    stdin.write(good);
    stdin.write(good, 0, good.length - 1); // the last line without its line feed

    Run run = run(stdin.toByteArray(), Map.of(), "omni-url", "--jsonl");

    List<String> lines = run.outLines();
    assertEquals(3, lines.size(), run::out);
    assertEquals("error: the line is not valid UTF-8", lines.get(0));
    assertTrue(lines.get(1).startsWith("https://acme.embed-omniapp.co/embed/login?"), lines.get(1));
    assertEquals(lines.get(1), lines.get(2));
  }

  @Test
  void anArgumentThatIsNotUtf8IsRefusedNotSignedWithAReplacementCharacter() throws Exception {
    // A real process, given the byte 0xFF by a shell: the JVM turns it into U+FFFD.
    ProcessBuilder shell =
        new ProcessBuilder(
            "sh",
            "-c",
            "exec \"$JAVA\" -cp \"$CP\" dev.signet.sample.cli.Main omni-url --secret \"$SECRET\" --organization acme"
                + " --content-path /my --external-id u1 --name \"$(printf 'Bl\\377b')\"");
    shell
        .environment()
        .put("JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString());
    shell.environment().put("CP", System.getProperty("java.class.path"));
    shell.environment().put("SECRET", SECRET);
    shell.environment().put("LC_ALL", "C.UTF-8");
    Process process = shell.start();
    process.getOutputStream().close();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(1, process.waitFor(), err);
    assertEquals("", out);
    assertTrue(err.startsWith("error: --name: is not valid UTF-8"), err);
    new Run(1, out, err).assertShowsNoSecret(SECRET);
  }

  @Test
  void versionIsPrinted() {
    for (String[] args :
        new String[][] {{"--version"}, {"-V"}, {"omni-url", "--version"}, {"serve", "-V"}}) {
      Run run = run(null, args);
      assertEquals(0, run.exitCode());
      assertTrue(
          run.out().matches("signet-sample \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n"),
          () -> String.join(" ", args) + ": " + run.out());
    }
  }

  @Test
  void anUnknownOptionIsNamedButNotAValueThatMayBeASecret() {
    Run mistyped = run(null, "omni-url", "--organisation", "acme", "--secret", SECRET);
    assertEquals(
        "error: unknown option --organisation for omni-url",
        mistyped.err().lines().findFirst().orElseThrow());
    Run withValue = run(null, "omni-url", "--secrte=" + SECRET, "--organization", "acme");
    assertEquals(
        "error: unknown option --secrte for omni-url",
        withValue.err().lines().findFirst().orElseThrow());
    withValue.assertShowsNoSecret(SECRET);
    // A mistyped --secret: its value comes next, unmatched too, and is not named.
    Run secretNext = run(null, "omni-url", "--organization", "acme", "--secrt", "--" + SECRET);
    assertEquals(
        "error: unknown option --secrt for omni-url",
        secretNext.err().lines().findFirst().orElseThrow());
    secretNext.assertShowsNoSecret(SECRET);
    Run positional = run(null, "omni-url", SECRET);
    assertTrue(positional.err().startsWith("error: argument 2 "), positional::err);
    positional.assertShowsNoSecret(SECRET);
  }

  @Test
  void helpDescribesEveryOptionAndItsValues() {
    CommandLine commandLine = Main.commandLine();
    CommandLine omniUrl = commandLine.getSubcommands().get("omni-url");
    for (OptionSpec option : omniUrl.getCommandSpec().options()) {
      assertEquals(1, option.description().length, option.longestName());
      assertFalse(option.description()[0].isBlank(), option.longestName());
    }
    String help = run(null, "omni-url", "--help").out().replaceAll("\\s+", " ");
    for (String values :
        List.of(
            "vibes, dawn, breeze or blank",
            "APPLICATION or SINGLE_CONTENT",
            "true, false or system",
            "MANAGER, EDITOR, VIEWER or NO_ACCESS",
            "/dashboards/ID, /embed/dashboards/ID, /w/ID/duplicate",
            "login (the default) or redeem")) {
      assertTrue(help.contains(values), values);
    }
    String top = run(null, "--help").out().replaceAll("\\s+", " ");
    for (CommandLine sub : commandLine.getSubcommands().values()) {
      String summary = sub.getCommandSpec().usageMessage().description()[0];
      assertTrue(top.contains(summary.replaceAll("\\s+", " ")), summary);
    }
  }

  @Test
  void serveHelpPointsToADocumentThatExists() throws Exception {
    String help = run(null, "serve", "--help").out().replaceAll("\\s+", " ");
    assertFalse(help.contains("WEBAPP.md"), help);
    assertTrue(help.contains("the project's docs/sample-app.md"), help);
    assertTrue(
        Files.exists(Path.of("..", "docs", "sample-app.md")),
        "serve --help names docs/sample-app.md");
  }

  @Test
  void theReadmesFirstCommandPrintsOnlyTheUrl() throws Exception {
    // Maven 3.8's -q still writes escape codes to standard output, so the documented signing
    // command runs on its own line, after the build, and prints the URL alone.
    String readme = Files.readString(Path.of("..", "README.md"));
    String block =
        readme.substring(
            readme.indexOf("```sh\n") + 6, readme.indexOf("\n```", readme.indexOf("```sh\n")));
    List<String> commands = block.lines().toList();
    assertEquals(2, commands.size(), block);
    assertTrue(commands.get(0).startsWith("mvn "), commands.get(0));
    String sign = commands.get(1);
    assertTrue(sign.startsWith("java -jar sample-app/target/signet-sample.jar omni-url "), sign);
    List<String> args = new ArrayList<>();
    Matcher word = Pattern.compile("'([^']*)'|\"([^\"]*)\"|(\\S+)").matcher(sign);
    while (word.find()) {
      args.add(
          word.group(1) != null
              ? word.group(1)
              : word.group(2) != null ? word.group(2) : word.group(3));
    }
    Run run = run(null, args.subList(3, args.size()).toArray(String[]::new));
    assertEquals("", run.err());
    assertTrue(
        run.out().matches("https://acme\\.embed-omniapp\\.co/embed/login\\?[\\x21-\\x7e]+\n"),
        run::out);
    // The output the README shows for it, in the code block after the commands, is this output.
    String shown = "It prints exactly this URL";
    int after = readme.indexOf("```\n", readme.indexOf(shown)) + 4;
    assertEquals(readme.substring(after, readme.indexOf("\n```", after) + 1), run.out());
  }

  @Test
  void aFlagValueOfTheWrongTypeIsRefusedByPicocliWithoutShowingTheSecret() {
    Run run =
        run(
            null,
            "omni-url",
            "--secret",
            SECRET,
            "--organization",
            "acme",
            "--content-path",
            "/my",
            "--external-id",
            "u1",
            "--name",
            "Blob Ross",
            "--port",
            "https");

    assertNotEquals(0, run.exitCode());
    assertEquals("", run.out());
    assertTrue(run.err().contains("--port"), run::err);
    run.assertShowsNoSecret(SECRET);
  }
}
