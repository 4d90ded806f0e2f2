package dev.signet.processor;

import static org.junit.jupiter.api.Assertions.fail;

import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.opentest4j.AssertionFailedError;

/**
 * Golden files: the fixtures of a module are the {@code .java} files of its {@code
 * src/test/resources/golden/} folder, found by scanning it, and what is generated from them is
 * compared with the files under {@code golden/expected/} (descriptions under {@code describe/}).
 *
 * <p>To accept new output after a deliberate change to a writer, run the module's tests with {@code
 * -Dsignet.updateGolden=true}, which rewrites the expected files and fails, so that it cannot pass
 * unnoticed; review the rewritten files with {@code git diff}, then run the tests again without the
 * property.
 */
public final class Goldens {
  public static final String UPDATE_PROPERTY = "signet.updateGolden";

  private static final Path RESOURCES = Compilers.MODULE.resolve("src/test/resources");

  /** This module's golden folder. */
  public static final Path GOLDEN = RESOURCES.resolve("golden");

  private Goldens() {}

  /** The fixtures' names, such as {@code TrimmedLinesLogin}, in the order of their names. */
  public static List<String> fixtures() {
    try (Stream<Path> files = Files.list(GOLDEN)) {
      return files
          .map(file -> file.getFileName().toString())
          .filter(name -> name.endsWith(".java"))
          .map(name -> name.substring(0, name.length() - ".java".length()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The fixture {@code name}, in package {@code golden}, as a file both compilers read. */
  public static JavaFileObject fixture(String name) {
    return JavaFileObjects.forSourceString("golden." + name, read(GOLDEN.resolve(name + ".java")));
  }

  /**
   * Compares {@code actual} with the expected file {@code relativePath} under the test resources,
   * or, when the update property is set and they differ, rewrites that file and fails.
   */
  public static void assertMatches(String relativePath, String actual) {
    Path expectedFile = RESOURCES.resolve(relativePath);
    String shown = Compilers.MODULE.relativize(expectedFile).toString();
    String command = "the module's tests with -D" + UPDATE_PROPERTY + "=true";
    boolean current =
        Files.exists(expectedFile) && normalize(read(expectedFile)).equals(normalize(actual));
    if (Boolean.getBoolean(UPDATE_PROPERTY) && !current) {
      try {
        Files.createDirectories(expectedFile.getParent());
        Files.writeString(expectedFile, normalize(actual), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      fail(
          "Updated "
              + shown
              + " because -D"
              + UPDATE_PROPERTY
              + "=true; review it with git diff"
              + " and run the tests again without the property");
    }
    if (!Files.exists(expectedFile)) {
      fail("No golden file " + shown + "; create it by running " + command);
    }
    String expected = normalize(read(expectedFile));
    String normalized = normalize(actual);
    if (!expected.equals(normalized)) {
      List<String> expectedLines = expected.lines().toList();
      List<String> actualLines = normalized.lines().toList();
      int line = LineDiff.firstDifference(expectedLines, actualLines);
      throw new AssertionFailedError(
          shown
              + " differs, first at line "
              + line
              + ":\n  expected: "
              + lineOrEnd(expectedLines, line)
              + "\n  actual:   "
              + lineOrEnd(actualLines, line)
              + "\n\n--- expected\n+++ actual\n"
              + LineDiff.unified(expectedLines, actualLines)
              + "\nIf the change is intended, accept it by running "
              + command,
          expected,
          normalized);
    }
  }

  /** The expected files under {@code folder} (relative to the test resources), by file name. */
  public static List<String> expectedFiles(String folder) {
    try (Stream<Path> files = Files.list(RESOURCES.resolve(folder))) {
      return files
          .filter(Files::isRegularFile)
          .map(f -> f.getFileName().toString())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Line ends as \n, so that a checkout with CRLF compares equal. */
  private static String normalize(String text) {
    return text.replace("\r\n", "\n");
  }

  private static String lineOrEnd(List<String> lines, int number) {
    return number <= lines.size() ? "\"" + lines.get(number - 1) + "\"" : "(end of file)";
  }
}
