package dev.signet.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.eclipse.jdt.internal.compiler.tool.EclipseCompiler;

/**
 * The two compilers the processor is tested under, javac and the Eclipse compiler (ECJ, which
 * Eclipse and m2e-apt run), with the helpers that compare what they make of the same sources.
 */
public final class Compilers {
  /** The module's directory: Surefire runs the tests there and sets basedir. */
  public static final Path MODULE = Path.of(System.getProperty("basedir", "")).toAbsolutePath();

  /** The compilers by name, for parameterized tests. */
  public enum Kind {
    JAVAC,
    ECJ
  }

  /** ECJ's own lint, which javac does not report by default: not the processor's. */
  private static final Pattern ECJ_LINT =
      Pattern.compile("The import .* is never used|The value of .* is not used");

  private Compilers() {}

  /** javac with the Signet processor, as {@link Sources#javac()}. */
  public static Compiler javac() {
    return Sources.javac();
  }

  /**
   * ECJ with the Signet processor, compiling for Java 17 against the test class path. ECJ's own
   * report, which it prints besides the diagnostics it hands over, goes to a log file in {@code
   * logDirectory}.
   */
  public static Compiler ecj(Path logDirectory) {
    return Compiler.compiler(new EclipseCompiler())
        .withProcessors(new SignetProcessor())
        .withOptions(
            "--release",
            "17",
            "-encoding",
            "UTF-8",
            "-classpath",
            System.getProperty("java.class.path"),
            "-log",
            logDirectory.resolve("ecj.log").toString());
  }

  public static Compiler compiler(Kind kind, Path logDirectory) {
    return kind == Kind.JAVAC ? javac() : ecj(logDirectory);
  }

  /**
   * {@code source} written to a file under {@code directory}: ECJ compiles files, not the in-memory
   * sources compile-testing makes, so both compilers are given the same files.
   */
  public static JavaFileObject onDisk(Path directory, JavaFileObject source) {
    // compile-testing names in-memory sources by path: test/Login.java
    String path = source.toUri().getPath();
    Path file = directory.resolve(path.startsWith("/") ? path.substring(1) : path);
    try {
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getCharContent(false), StandardCharsets.UTF_8);
      return JavaFileObjects.forResource(file.toUri().toURL());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A test resource, such as {@code golden/TrimmedLinesLogin.java}, as a file both compilers read.
   */
  public static JavaFileObject resource(String path) {
    Path file = MODULE.resolve("src/test/resources").resolve(path);
    try {
      URL url = file.toUri().toURL();
      return JavaFileObjects.forResource(url);
    } catch (MalformedURLException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** What a compilation generated besides class files, by name: sources and descriptions. */
  public static Map<String, String> generatedText(Compilation compilation) {
    Map<String, String> text = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() == JavaFileObject.Kind.CLASS) {
        continue;
      }
      try {
        text.put(file.toUri().getPath(), file.getCharContent(false).toString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return text;
  }

  /** One diagnostic, as the processor reported it. */
  public record Reported(Diagnostic.Kind kind, long line, String message) {
    @Override
    public String toString() {
      return kind.toString().toLowerCase(Locale.ROOT) + " at line " + line + ": " + message;
    }
  }

  /** The errors and warnings of a compilation in the order reported, less ECJ's own lint. */
  public static List<Reported> reported(Compilation compilation) {
    List<Reported> reported = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> diagnostic : compilation.diagnostics()) {
      Diagnostic.Kind kind = diagnostic.getKind();
      if (kind == Diagnostic.Kind.NOTE || kind == Diagnostic.Kind.OTHER) {
        continue;
      }
      if (kind == Diagnostic.Kind.MANDATORY_WARNING) {
        kind = Diagnostic.Kind.WARNING;
      }
      String message = diagnostic.getMessage(Locale.ROOT);
      if (ECJ_LINT.matcher(message).matches()) {
        continue;
      }
      reported.add(new Reported(kind, diagnostic.getLineNumber(), message));
    }
    return reported;
  }

  /**
   * Compiles {@code files} with both compilers, descriptions on, and checks that they generate the
   * same sources and descriptions, to the byte; ECJ's report goes under {@code logDirectory}.
   */
  public static void assertSameOutput(Path logDirectory, JavaFileObject... files) {
    Compilation javac = javac().withOptions("-Asignet.describe=true").compile(files);
    Compilation ecj = ecj(logDirectory).withOptions("-Asignet.describe=true").compile(files);
    assertEquals(Compilation.Status.SUCCESS, javac.status(), () -> "javac: " + javac.diagnostics());
    assertEquals(Compilation.Status.SUCCESS, ecj.status(), () -> "ECJ: " + ecj.diagnostics());
    Map<String, String> javacText = generatedText(javac);
    Map<String, String> ecjText = generatedText(ecj);
    assertEquals(javacText.keySet(), ecjText.keySet());
    assertFalse(javacText.isEmpty());
    for (String name : javacText.keySet()) {
      List<String> javacLines = javacText.get(name).lines().toList();
      List<String> ecjLines = ecjText.get(name).lines().toList();
      assertEquals(
          javacText.get(name),
          ecjText.get(name),
          () ->
              name
                  + " differs between javac and ECJ:\n--- javac\n+++ ecj\n"
                  + LineDiff.unified(javacLines, ecjLines));
    }
  }
}
