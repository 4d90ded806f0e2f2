package dev.signet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opentest4j.AssertionFailedError;

/**
 * Compiles the declarations in {@code src/test/resources/golden/} and compares each generated
 * class with {@code golden/expected/<GeneratedName>.java}.
 *
 * <p>To accept new output after a deliberate change to the writer, run
 *
 * <pre>mvn -o -pl processor test -Dtest=GoldenFileTest -Dsignet.updateGolden=true</pre>
 *
 * <p>which rewrites the expected files and fails, so that it cannot pass unnoticed; review the
 * rewritten files with {@code git diff}, then run the tests again without the property.
 */
class GoldenFileTest {
  static final String UPDATE_PROPERTY = "signet.updateGolden";
  static final String UPDATE_COMMAND =
      "mvn -o -pl processor test -Dtest=GoldenFileTest -D" + UPDATE_PROPERTY + "=true";

  private static final Path MODULE = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
  private static final Path GOLDEN = MODULE.resolve("src/test/resources/golden");

  /** The fixtures: the file under golden/, its top-level type, and the class generated from it. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "OmniStyleLogin,   golden.SignetOmniStyleLogin",
    "DeclaredOrderHex, golden.SignetDeclaredOrderHex",
    "Base64Sha512,     golden.SignetBase64Sha512_Redeem",
    "TokenRequest,     golden.SignetTokenRequest",
    "SalesNotebook,    golden.SignetSalesNotebook",
  })
  void generatedSourceMatchesGolden(String fixture, String generated) throws IOException {
    String actual = generate(fixture, generated);
    Path expectedFile = GOLDEN.resolve("expected").resolve(simpleName(generated) + ".java");
    if (Boolean.getBoolean(UPDATE_PROPERTY)) {
      Files.writeString(expectedFile, actual, StandardCharsets.UTF_8);
      fail(
          "Updated " + MODULE.relativize(expectedFile) + " from the generated " + generated
              + " because -D" + UPDATE_PROPERTY + "=true; review it with git diff and run the"
              + " tests again without the property");
    }
    if (!Files.exists(expectedFile)) {
      fail("No golden file " + expectedFile + "; create it with " + UPDATE_COMMAND);
    }
    String expected = normalize(Files.readString(expectedFile, StandardCharsets.UTF_8));
    if (!expected.equals(actual)) {
      List<String> expectedLines = expected.lines().toList();
      List<String> actualLines = actual.lines().toList();
      int line = LineDiff.firstDifference(expectedLines, actualLines);
      String message =
          generated + " differs from " + MODULE.relativize(expectedFile) + ", first at line "
              + line + ":\n  expected: " + lineOrEnd(expectedLines, line)
              + "\n  actual:   " + lineOrEnd(actualLines, line)
              + "\n\n--- expected\n+++ actual\n" + LineDiff.unified(expectedLines, actualLines)
              + "\nIf the change is intended, accept it with: " + UPDATE_COMMAND;
      throw new AssertionFailedError(message, expected, actual);
    }
  }

  /** The same declaration gives the same text, to the byte, every time. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "OmniStyleLogin,   golden.SignetOmniStyleLogin",
    "DeclaredOrderHex, golden.SignetDeclaredOrderHex",
    "Base64Sha512,     golden.SignetBase64Sha512_Redeem",
    "TokenRequest,     golden.SignetTokenRequest",
    "SalesNotebook,    golden.SignetSalesNotebook",
  })
  void generationIsDeterministic(String fixture, String generated) {
    assertEquals(generate(fixture, generated), generate(fixture, generated));
  }

  /** The generated code compiles without a warning, as strict builds of users' code demand. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"OmniStyleLogin", "DeclaredOrderHex", "Base64Sha512", "TokenRequest", "SalesNotebook"})
  void generatedCodeHasNoWarnings(String fixture) {
    Compilation compilation =
        Sources.javac()
            .withOptions("-Xlint:all", "-Xlint:-processing", "-Werror")
            .compile(fixtureSource(fixture));
    assertThat(compilation).succeededWithoutWarnings();
  }

  private static String generate(String fixture, String generated) {
    Compilation compilation = Sources.compile(fixtureSource(fixture));
    assertThat(compilation).succeeded();
    JavaFileObject file =
        compilation
            .generatedSourceFile(generated)
            .orElseThrow(
                () -> new AssertionError(generated + " was not generated; generated "
                    + compilation.generatedSourceFiles()));
    try {
      return normalize(file.getCharContent(false).toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JavaFileObject fixtureSource(String fixture) {
    try {
      String source = Files.readString(GOLDEN.resolve(fixture + ".java"), StandardCharsets.UTF_8);
      return JavaFileObjects.forSourceString("golden." + fixture, source);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String simpleName(String qualifiedName) {
    return qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
  }

  /** Line ends as \n, so that a checkout with CRLF compares equal. */
  private static String normalize(String text) {
    return text.replace("\r\n", "\n");
  }

  private static String lineOrEnd(List<String> lines, int number) {
    return number <= lines.size() ? "\"" + lines.get(number - 1) + "\"" : "(end of file)";
  }
}
