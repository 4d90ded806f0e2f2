package dev.signet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.signet.processor.Compilers.Reported;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The processor under javac and under the Eclipse compiler (ECJ, which Eclipse runs as you type):
 * the same declarations give the same generated files, to the byte, and the same errors and
 * warnings, with the same text on the same lines.
 *
 * <p>What differs, and is allowed to: ECJ points at an annotation attribute's name where javac
 * points at its value (same line, other column), and ECJ gives a problem reported anywhere in a
 * record no position at all, which is why messages about {@code @NotebookParams} components name
 * the record and the component.
 */
class EclipseCompilerTest {
  @TempDir Path temp;

  private Compilation javac(Compilation.Status expected, String option, JavaFileObject... files) {
    Compilation compilation =
        (option.isEmpty() ? Compilers.javac() : Compilers.javac().withOptions(option))
            .compile(files);
    assertEquals(expected, compilation.status(), () -> "javac: " + compilation.diagnostics());
    return compilation;
  }

  private Compilation ecj(Compilation.Status expected, String option, JavaFileObject... files) {
    Compilation compilation =
        (option.isEmpty() ? Compilers.ecj(temp) : Compilers.ecj(temp).withOptions(option))
            .compile(files);
    assertEquals(expected, compilation.status(), () -> "ECJ: " + compilation.diagnostics());
    return compilation;
  }

  private void assertSameOutput(JavaFileObject... files) {
    Compilers.assertSameOutput(temp, files);
  }

  static List<String> fixtures() {
    return Goldens.fixtures();
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void goldenFixturesGenerateTheSameSources(String fixture) {
    assertSameOutput(Compilers.resource("golden/" + fixture + ".java"));
  }

  @Test
  void signedJwtsGenerateTheSameSources() {
    assertSameOutput(Compilers.resource("golden/EmbedToken.java"));
  }

  @Test
  void jsonRequestsGenerateTheSameSources() {
    assertSameOutput(Compilers.resource("ecosystem/IssueToken.java"));
  }

  /**
   * ECJ lists the constants of an enum from a compiled dependency in the order of their names,
   * javac in declaration order: the processor takes them in name order under both.
   */
  @Test
  void enumsFromCompiledDependenciesGenerateTheSameSources() throws Exception {
    Path library = temp.resolve("library");
    Path source = library.resolve("src/lib/Theme.java");
    Files.createDirectories(source.getParent());
    Files.writeString(
        source,
        "package lib;\n"
            + "import dev.signet.annotations.WireValue;\n"
            + "public enum Theme { @WireValue(\"vibes\") VIBES, @WireValue(\"dawn\") DAWN, PLAIN }\n",
        StandardCharsets.UTF_8);
    Path classes = Files.createDirectories(library.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String testClassPath = System.getProperty("java.class.path");
    assertEquals(
        0,
        javac.run(
            null,
            null,
            null,
            "-proc:none",
            "-d",
            classes.toString(),
            "-cp",
            testClassPath,
            source.toString()));

    JavaFileObject declaration =
        Compilers.onDisk(
            temp.resolve("src"),
            Sources.declaration(
                "Login",
                "@SignedUrl(path = \"/login\", lines = SignedLines.NAMES_AND_VALUES)",
                "public interface Login {",
                "  @Nonce(length = 32) String nonce();",
                "  lib.Theme theme();",
                "  Optional<Map<lib.Theme, String>> labels();",
                "}"));
    String classPath = classes + File.pathSeparator + testClassPath;
    Compilation withJavac =
        Compilers.javac().withOptions("-classpath", classPath).compile(declaration);
    Compilation withEcj =
        Compilers.ecj(temp).withOptions("-classpath", classPath).compile(declaration);
    assertThat(withJavac).succeeded();
    assertThat(withEcj).succeeded();
    String name = "/SOURCE_OUTPUT/test/SignetLogin.java";
    String generated = Compilers.generatedText(withJavac).get(name);
    assertEquals(generated, Compilers.generatedText(withEcj).get(name));
    // The renamed constants, in the order of their names under both compilers.
    int dawn = generated.indexOf(".with(Theme.DAWN, \"dawn\")");
    int vibes = generated.indexOf(".with(Theme.VIBES, \"vibes\")");
    assertTrue(dawn > 0 && vibes > dawn, generated);
  }

  /** Declarations with several problems each, as a user might write them. */
  private List<JavaFileObject> badDeclarations() {
    List<JavaFileObject> declarations = new ArrayList<>();
    declarations.add(
        Sources.declaration(
            "Login",
            "@SignedUrl(path = \"embed/login\", separator = \"\")",
            "public interface Login {",
            "  @Nonce(length = 0) String nonce();",
            "  @Param(position = 2) String a();",
            "  Optional<Map<Integer, String>> b();",
            "  @Param(encoding = Encoding.PRE_ENCODED) Optional<Integer> c();",
            "  void d();",
            "  @Param(name = \"signature\") Optional<String> f();",
            "  Optional<E> g();",
            "  String build();",
            "  enum E { @WireValue(\"x\") A, @WireValue(\"x\") B }",
            "}"));
    declarations.add(
        Sources.declaration(
            "Redeem",
            "@SignedUrl(path = \"/redeem\")",
            "public interface Redeem {",
            "  @Nonce(length = 32) String nonce();",
            "  @Nonce(length = 16) String salt();",
            "  Optional<String> a();",
            "  Optional<String> b();",
            "  @Param(name = \"a\") Optional<String> c();",
            "}"));
    declarations.add(
        JsonSources.declaration(
            "Token",
            "@JsonRequest(method = \"GET\", path = \"/x?y\")",
            "@JsonInclude(JsonInclude.Include.NON_DEFAULT)",
            "public interface Token {",
            "  @Param(name = \"t\") String team();",
            "  @Header(\"Content-Type\") String contentType();",
            "  @Header(\"Authorization\") String key();",
            "  @JsonProperty(\"a\") String x();",
            "  @JsonProperty(\"a\") String y();",
            "  @Redacted List<String> keys();",
            "}"));
    declarations.add(
        JsonSources.declaration(
            SignedJwtDeclarationTest.IMPORTS,
            "Embed",
            "@SignedJwt(path = \"/embed/{project}\", token = TokenPlacement.FRAGMENT)",
            "public interface Embed {",
            "  @Timestamp long iat();",
            "  @Expiry(timeToLiveSeconds = 60) long exp();",
            "  @Expiry(timeToLiveSeconds = 60) long expires();",
            "  @Unsigned @Param(in = Location.FRAGMENT) Optional<Boolean> bordered();",
            "  @JwtHeader(\"alg\") String algorithm();",
            "  @Param(name = \"sub\") String user();",
            "}"));
    declarations.add(
        JsonSources.declaration(
            SignedJwtDeclarationTest.IMPORTS,
            "Query",
            "@SignedJwt(path = \"/embed\", token = TokenPlacement.QUERY, tokenParameter = \":jwt\")",
            "public interface Query {",
            "  @JsonProperty(\"iss\") String issuer();",
            "  @JwtHeader(\"kid\") @JsonProperty(\"iss\") String clientId();",
            "  @JsonUnwrapped Optional<String> text();",
            "  @JsonUnwrapped(suffix = \"_v\") Optional<Version> suffixed();",
            "  @JsonProperty(\"ver\") String v();",
            "  @JsonUnwrapped Optional<Version> version();",
            "  @Unsigned @Constant(\"true\") Optional<String> embed();",
            "  record Version(@JsonProperty(\"ver\") String ver) {}",
            "}"));
    return declarations;
  }

  @Test
  void errorsHaveTheSameTextOnTheSameLines() {
    for (JavaFileObject declaration : badDeclarations()) {
      JavaFileObject file = Compilers.onDisk(temp.resolve("src"), declaration);
      List<Reported> javac = Compilers.reported(javac(Compilation.Status.FAILURE, "", file));
      List<Reported> ecj = Compilers.reported(ecj(Compilation.Status.FAILURE, "", file));
      assertTrue(javac.size() >= 2, () -> "expected several problems: " + javac);
      assertEquals(javac, ecj, () -> file.getName());
    }
  }

  @Test
  void warningsHaveTheSameTextOnTheSameLines() {
    // Omni's scheme, without @AcceptedAmbiguity: the processor warns, and still writes the class.
    JavaFileObject file =
        Compilers.onDisk(
            temp.resolve("src"),
            Sources.declaration(
                "Ambiguous",
                "@SignedUrl(path = \"/login\", normalization = Normalization.JAVASCRIPT_TRIM_LINES)",
                "public interface Ambiguous {",
                "  @Param(position = 1) @Nonce(length = 32) String nonce();",
                "  Optional<String> name();",
                "  Optional<Boolean> boost();",
                "  Optional<String> entity();",
                "}"));
    List<Reported> javac = Compilers.reported(javac(Compilation.Status.SUCCESS, "", file));
    List<Reported> ecj = Compilers.reported(ecj(Compilation.Status.SUCCESS, "", file));
    assertEquals(2, javac.size(), javac::toString);
    assertTrue(javac.stream().allMatch(r -> r.kind() == Diagnostic.Kind.WARNING), javac::toString);
    assertEquals(javac, ecj);
  }

  /**
   * A laid-out signed URL with one of each of its problems (path, template, fragment, unsigned,
   * frame, value traits): the same errors, on the same lines, under both compilers; and a timestamp
   * without a nonce, warned of alike.
   */
  @Test
  void laidOutUrlsReportTheSameProblemsOnTheSameLines() {
    JavaFileObject bad =
        Compilers.onDisk(
            temp.resolve("src"),
            Sources.declaration(
                "Laid",
                "@SignedUrl(path = \"/login/{nobody}\", frame = \"GET,{nope}\")",
                "public interface Laid {",
                "  @Nonce(length = 32) String nonce();",
                "  @Param(in = dev.signet.annotations.Location.PATH_SEGMENT) String target();",
                "  @Param(in = dev.signet.annotations.Location.FRAGMENT) Optional<String> theme();",
                "  @dev.signet.annotations.Unsigned String name();",
                "  @dev.signet.annotations.Constant(\"x\") Optional<String> mode();",
                "  @dev.signet.annotations.Timestamp int time();",
                "  @dev.signet.annotations.Spread Map<String, Integer> attrs();",
                "  @dev.signet.annotations.Range(min = 5, max = 1) long length();",
                "  @Param default Optional<String> extra() { return Optional.empty(); }",
                "}"));
    List<Reported> javac = Compilers.reported(javac(Compilation.Status.FAILURE, "", bad));
    List<Reported> ecj = Compilers.reported(ecj(Compilation.Status.FAILURE, "", bad));
    assertTrue(javac.size() >= 10, () -> "expected every problem: " + javac);
    assertEquals(javac, ecj);

    JavaFileObject warned =
        Compilers.onDisk(
            temp.resolve("src"),
            Sources.declaration(
                "Report",
                "@SignedUrl(path = \"/report\")",
                "public interface Report {",
                "  @dev.signet.annotations.Timestamp long timestamp();",
                "}"));
    List<Reported> javacWarnings =
        Compilers.reported(javac(Compilation.Status.SUCCESS, "", warned));
    assertEquals(1, javacWarnings.size(), javacWarnings::toString);
    assertEquals(javacWarnings, Compilers.reported(ecj(Compilation.Status.SUCCESS, "", warned)));
  }

  /**
   * A signed JWT with one of each problem of a claim's constant or spread: the same errors, on the
   * same lines, under both compilers.
   */
  @Test
  void constantAndSpreadClaimsReportTheSameProblemsOnTheSameLines() {
    JavaFileObject bad =
        Compilers.onDisk(
            temp.resolve("src"),
            JsonSources.declaration(
                SignedJwtClaimTraitsTest.IMPORTS,
                "Token",
                "@SignedJwt(token = TokenPlacement.NONE)",
                "public interface Token {",
                "  @JsonProperty(\"aud\") @Constant(\"tableau\") Optional<String> aud();",
                "  @JsonProperty(\"ver\") @Constant(\"1\") int version();",
                "  @JsonProperty(\"tier\") @Constant(\"\") String tier();",
                "  @Constant(\"key-1\") @JwtHeader(\"kid\") String keyId();",
                "  @Constant(\"0\") @Timestamp long iat();",
                "  @Spread List<String> attributes();",
                "  @Spread Map<String, Object> values();",
                "  @Spread(prefix = \"ua_\") Map<String, String> first();",
                "  @Spread(prefix = \"ua_\") Optional<Map<String, String>> second();",
                "  @JsonProperty(\"n\") @Range(min = 1, max = 2) int count();",
                "}"));
    List<Reported> javac = Compilers.reported(javac(Compilation.Status.FAILURE, "", bad));
    List<Reported> ecj = Compilers.reported(ecj(Compilation.Status.FAILURE, "", bad));
    assertTrue(javac.size() >= 9, () -> "expected every problem: " + javac);
    assertEquals(javac, ecj);
  }
}
