package dev.signet.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.signet.processor.GeneratedClasses.call;
import static dev.signet.processor.GeneratedClasses.callStatic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.Origin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the one pipeline gives every kind alike: each declaration read on its own, kinds found on
 * the processor path, inherited properties, and the checks that once existed only in the signed-URL
 * copy of the pipeline (each test below failed on the JSON-request copy before).
 */
class OnePipelineTest {
  private static final Class<?>[] NONE = {};
  private static final String REQUEST = "@JsonRequest(path = \"/api/token\")";

  private static Compilation compile(JavaFileObject... files) {
    return Sources.javac().compile(files);
  }

  @Test
  void aBrokenDeclarationDoesNotStopAValidOneInTheSameRound(@TempDir Path generated) {
    JavaFileObject bad =
        Sources.declaration(
            "ABad",
            "@SignedUrl(path = \"/bad\")",
            "public interface ABad {",
            "  String user();",
            "}");
    JavaFileObject good =
        Sources.declaration(
            "BGood",
            "@SignedUrl(path = \"/good\")",
            "public interface BGood {",
            "  String user();",
            "  @Nonce(length = 32) String nonce();",
            "}");
    // compile-testing shows no generated file of a failed compilation; javac's own task does.
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    JavaCompiler.CompilationTask task =
        javac.getTask(
            null,
            null,
            diagnostics,
            List.of(
                "-proc:only",
                "-s",
                generated.toString(),
                "-classpath",
                System.getProperty("java.class.path")),
            null,
            List.of(bad, good));
    task.setProcessors(List.of(new SignetProcessor()));
    task.call();
    List<String> errors =
        diagnostics.getDiagnostics().stream()
            .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
            .map(d -> d.getMessage(null))
            .toList();
    assertEquals(1, errors.size(), errors.toString());
    assertThat(errors.get(0)).startsWith("@SignedUrl ABad has no nonce");
    assertThat(Files.exists(generated.resolve("test/SignetBGood.java"))).isTrue();
    assertThat(Files.exists(generated.resolve("test/SignetABad.java"))).isFalse();
  }

  @Test
  void aKindOnTheProcessorPathIsFoundAndWritten() throws Exception {
    JavaFileObject annotation =
        JavaFileObjects.forSourceLines(
            "test.Greeting",
            "package test;",
            "@java.lang.annotation.Target(java.lang.annotation.ElementType.TYPE)",
            "public @interface Greeting {}");
    JavaFileObject hello =
        JavaFileObjects.forSourceLines(
            "test.Hello",
            "package test;",
            "@Greeting",
            "public interface Hello {",
            "  String salutation();",
            "  String name();",
            "  java.util.Optional<String> title();",
            "}");
    Class<?> generated = GeneratedClasses.of(compile(annotation, hello)).load("test.SignetHello");
    Object stage = callStatic(generated, "builder", NONE);
    stage = call(stage, "salutation", new Class<?>[] {String.class}, "Hello");
    stage = call(stage, "title", new Class<?>[] {String.class}, "Dr");
    stage = call(stage, "name", new Class<?>[] {String.class}, "Ana");
    Object greeting = call(stage, "build", NONE);
    assertEquals("Hello Ana Dr", call(greeting, "greet", NONE));
    assertEquals(Optional.of("Dr"), call(greeting, "title", NONE));
  }

  @Test
  void aSignedUrlSignsTheParametersItInherits() {
    JavaFileObject file =
        Sources.declaration(
            "Login",
            "interface Identity {",
            "  String user();",
            "  Optional<String> team();",
            "}",
            "",
            "@SignedUrl(path = \"/login\", lines = SignedLines.NAMES_AND_VALUES)",
            "public interface Login extends Identity {",
            "  @Nonce(length = 4, alphabet = \"a-f\") String nonce();",
            "  String dashboard();",
            "}");
    Class<?> login = GeneratedClasses.of(Sources.compile(file)).load("test.SignetLogin");
    Object stage = callStatic(login, "builder", NONE);
    stage = call(stage, "user", new Class<?>[] {String.class}, "ana");
    stage = call(stage, "team", new Class<?>[] {String.class}, "red");
    stage = call(stage, "dashboard", new Class<?>[] {String.class}, "d1");
    stage = call(stage, "nonce", new Class<?>[] {String.class}, "abcd");
    Object request = call(stage, "build", NONE);
    Origin origin = Origin.https("h.example", 443);
    assertEquals(
        "https://h.example/login\nuser=ana\nteam=red\nnonce=abcd\ndashboard=d1",
        call(request, "canonicalText", new Class<?>[] {Origin.class}, origin));
  }

  // ---- found in review, each once only in the JSON-request copy

  @Test
  void fieldsThatDifferInTheCaseOfTheirFirstLetterAreReported() {
    JavaFileObject file =
        JsonSources.declaration(
            "Token",
            REQUEST,
            "public interface Token {",
            "  String foo();",
            "  String Foo();",
            "}");
    Compilation compilation = compile(file);
    assertThat(compilation)
        .hadErrorContaining(
            "Fields foo() and Foo() differ only in the case of their first letter, so their"
                + " builder steps would have one name")
        .inFile(file)
        .onLineContaining("String Foo();");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void aSealedJsonRequestIsReported() {
    JavaFileObject file =
        JsonSources.declaration(
            "Token",
            REQUEST,
            "public sealed interface Token permits Other {",
            "  String user();",
            "}",
            "final class Other implements Token {",
            "  public String user() { return \"\"; }",
            "}");
    Compilation compilation = compile(file);
    assertThat(compilation)
        .hadErrorContaining(
            "@JsonRequest interface Token must not be sealed: the generated class beside it"
                + " implements it; remove sealed and its permits clause")
        .inFile(file)
        .onLineContaining("public sealed interface Token");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void fieldsCannotTakeTheNamesOfGeneratedConstants() {
    for (String name : new String[] {"PATH", "METHOD"}) {
      JavaFileObject file =
          JsonSources.declaration(
              "Token", REQUEST, "public interface Token {", "  String " + name + "();", "}");
      Compilation compilation = compile(file);
      assertThat(compilation)
          .hadErrorContaining(
              "A field cannot be called "
                  + name
                  + "(): the generated class uses that name."
                  + " Rename the method and keep the JSON name with @JsonProperty(\""
                  + name
                  + "\")")
          .inFile(file)
          .onLineContaining("String " + name + "();");
      assertThat(compilation).hadErrorCount(1);
    }
  }

  @Test
  void aNullOptionalIsRefusedByName() {
    Class<?> token =
        GeneratedClasses.of(
                compile(
                    JsonSources.declaration(
                        "Token",
                        REQUEST,
                        "public interface Token {",
                        "  String user();",
                        "  Optional<String> note();",
                        "}")))
            .load("test.SignetToken");
    Object stage = callStatic(token, "builder", NONE);
    InvalidParameterException refused =
        assertThrows(
            InvalidParameterException.class,
            () -> call(stage, "note", new Class<?>[] {Optional.class}, (Object) null));
    assertEquals("note", refused.parameter());
  }

  @Test
  void equalRequestsHaveEqualHashCodesWhateverTheirDoubles() {
    Class<?> token =
        GeneratedClasses.of(
                compile(
                    JsonSources.declaration(
                        "Token", REQUEST, "public interface Token {", "  double ratio();", "}")))
            .load("test.SignetToken");
    Object zero = ratio(token, 0.0);
    Object negativeZero = ratio(token, -0.0);
    // As Double.equals compares: 0.0 and -0.0 differ, as their hash codes do.
    assertNotEquals(zero, negativeZero);
    assertEquals(zero, ratio(token, 0.0));
    assertEquals(zero.hashCode(), ratio(token, 0.0).hashCode());
    assertEquals(negativeZero, ratio(token, -0.0));
    assertEquals(negativeZero.hashCode(), ratio(token, -0.0).hashCode());
  }

  private static Object ratio(Class<?> token, double ratio) {
    Object stage = callStatic(token, "builder", NONE);
    return call(call(stage, "ratio", new Class<?>[] {double.class}, ratio), "build", NONE);
  }
}
