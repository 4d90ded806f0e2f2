package dev.signet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import org.junit.jupiter.api.Test;

/**
 * Fields may take the names of the generated methods' own variables and parameters ({@code out},
 * {@code text}, {@code that}, {@code other}, {@code e}): the generated code must still read the
 * fields, not the variables.
 */
class JsonRequestFieldNamesTest {

  @Test
  void fieldsNamedLikeTheGeneratedCodesVariablesAreReadAsFields() {
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new SignetProcessor())
            .withOptions("-Xlint:all", "-Xlint:-processing", "-Werror")
            .compile(
                JsonSources.declaration(
                    "Clash",
                    "@JsonRequest(path = \"/api/clash\")",
                    "public interface Clash {",
                    "  String out();",
                    "  @Redacted String text();",
                    "  String that();",
                    "  String other();",
                    "  @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<Map<String, Double>> e();",
                    "}"),
                JavaFileObjects.forSourceLines(
                    "test.App",
                    "package test;",
                    "import java.util.Map;",
                    "public final class App {",
                    "  static SignetClash make(String that) {",
                    "    return SignetClash.builder().out(\"o\").text(\"s3cret\").that(that).other(\"x\")",
                    "        .e(Map.of(\"k\", 1.5)).build();",
                    "  }",
                    "  public static String check() {",
                    "    SignetClash one = make(\"one\");",
                    "    return one.equals(make(\"two\")) + \" \" + one.equals(make(\"one\"))",
                    "        + \"\\n\" + one.body() + \"\\n\" + one + \"\\n\" + one.redact(\"a s3cret b\");",
                    "  }",
                    "}"));
    assertThat(compilation).succeededWithoutWarnings();
    Object result =
        GeneratedClasses.callStatic(
            GeneratedClasses.of(compilation).load("test.App"), "check", new Class<?>[0]);
    assertEquals(
        "false true\n"
            + "{\"out\":\"o\",\"text\":\"s3cret\",\"that\":\"one\",\"other\":\"x\",\"e\":{\"k\":1.5}}\n"
            + "SignetClash{out=o, text=[redacted], that=one, other=x, e={k=1.5}}\n"
            + "a [redacted] b",
        result);
  }
}
