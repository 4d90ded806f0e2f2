package dev.signet.codatum;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.signet.codatum.NotebookSources.declaration;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import dev.signet.processor.SignetProcessor;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every problem the {@code @NotebookParams} reader reports: each test declares exactly one, and
 * checks the message and the line it is reported on.
 */
class NotebookParamsDeclarationTest {
  private static final String ID = "\"0123456789abcdef01234567\"";

  private static Compilation compile(JavaFileObject file) {
    return Compiler.javac().withProcessors(new SignetProcessor()).compile(file);
  }

  private static void assertOnlyError(JavaFileObject file, String message, String line) {
    Compilation compilation = compile(file);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(message).inFile(file).onLineContaining(line);
    assertThat(compilation).hadErrorCount(1);
  }

  /** A record with one component, {@code component}. */
  private static JavaFileObject params(String component) {
    return declaration("Report", "@NotebookParams", "public record Report(", component + ") {}");
  }

  @Test
  void aValidRecordCompilesWithoutWarnings() {
    JavaFileObject file =
        declaration(
            "Report",
            "@NotebookParams",
            "public record Report(",
            "    @NotebookParam(id = \"a1\", required = true, hidden = true) String store,",
            "    @NotebookParam(id = \"a2\") ParamValue<DateRange> period,",
            "    @NotebookParam(id = \"a3\") Optional<List<String>> categories,",
            "    @NotebookParam(id = \"a4\", required = true) LocalDate asOf,",
            "    @NotebookParam(id = \"a5\", required = true) double ratio,",
            "    @NotebookParam(id = \"a6\", required = true) int count,",
            "    @NotebookParam(id = \"a7\") Optional<Long> total,",
            "    @NotebookParam(id = \"a8\", required = true) boolean flag,",
            "    @NotebookParam(id = \"a9\", datatype = Datatype.DATE) Optional<String> day,",
            "    @NotebookParam(id = \"a10\", datatype = Datatype.DATE_RANGE) ParamValue<List<String>> days,",
            "    @NotebookParam(id = \"a11\", required = true) long big) {}");
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new SignetProcessor())
            .withOptions("-Xlint:all", "-Xlint:-processing", "-Werror")
            .compile(file);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.SignetReport");
  }

  @ParameterizedTest
  @ValueSource(strings = {"public interface Report {", "public final class Report {"})
  void onlyRecords(String typeLine) {
    JavaFileObject file = declaration("Report", "@NotebookParams", typeLine, "}");
    assertOnlyError(
        file,
        "@NotebookParams applies to records: declare Report as a record whose components are the"
            + " notebook's params",
        typeLine);
  }

  @Test
  void genericRecord() {
    JavaFileObject file =
        declaration(
            "Report",
            "@NotebookParams",
            "public record Report<T>(@NotebookParam(id = " + ID + ") Optional<String> store) {}");
    assertOnlyError(
        file,
        "@NotebookParams record Report must not have type parameters",
        "public record Report<T>");
  }

  @Test
  void privateNestedRecord() {
    JavaFileObject file =
        declaration(
            "Outer",
            "public class Outer {",
            "  @NotebookParams",
            "  private record Report(@NotebookParam(id = " + ID + ") Optional<String> store) {}",
            "}");
    assertOnlyError(
        file,
        "@NotebookParams record Report must not be private (nor nested in a private type)",
        "private record Report(");
  }

  @Test
  void noComponents() {
    JavaFileObject file = declaration("Report", "@NotebookParams", "public record Report() {}");
    assertOnlyError(
        file,
        "@NotebookParams record Report has no components; declare one per notebook param",
        "public record Report() {}");
  }

  @Test
  void componentWithoutAParam() {
    assertOnlyError(
        params("    Optional<String> store"),
        "Component Report.store maps to no notebook param: annotate it with"
            + " @NotebookParam(id = \"...\")",
        "Optional<String> store");
  }

  @ParameterizedTest
  @ValueSource(strings = {"\"\"", "\"  \""})
  void blankId(String id) {
    assertOnlyError(
        params("    @NotebookParam(id = " + id + ") Optional<String> store"),
        "Component Report.store: the param id must not be blank",
        "Optional<String> store");
  }

  @Test
  void twoComponentsOneId() {
    JavaFileObject file =
        declaration(
            "Report",
            "@NotebookParams",
            "public record Report(",
            "    @NotebookParam(id = " + ID + ") Optional<String> store,",
            "    @NotebookParam(id = " + ID + ") Optional<String> shop) {}");
    assertOnlyError(
        file,
        "Components Report.store and Report.shop both map to the param id"
            + " 0123456789abcdef01234567; a notebook param has one value, so give each its own id"
            + " or remove one",
        "Optional<String> shop");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Optional<Instant>",
        "Optional<List<Integer>>",
        "Optional<Float>",
        "Map<String, String>"
      })
  void unsupportedType(String type) {
    assertOnlyError(
        params("    @NotebookParam(id = " + ID + ") " + type + " store"),
        "Component Report.store has the unsupported type "
            + type.replace(", ", ",")
            + ": a notebook param can be String,"
            + " boolean, double, int, long, LocalDate, List<String> or DateRange, each alone, in an"
            + " Optional or in a ParamValue",
        type + " store");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Optional<?>", "ParamValue<? extends String>"})
  void wildcard(String type) {
    assertOnlyError(
        params("    @NotebookParam(id = " + ID + ") " + type + " store"),
        "Component Report.store: give " + type + " a type argument without wildcards",
        type + " store");
  }

  @ParameterizedTest
  @CsvSource({"String, String", "double, Double", "LocalDate, LocalDate"})
  void plainButNotRequired(String type, String boxed) {
    assertOnlyError(
        params("    @NotebookParam(id = " + ID + ") " + type + " store"),
        "Component Report.store is declared as "
            + type
            + ", which always has a value, but its param is"
            + " not required: add required = true, or declare Optional<"
            + boxed
            + ">",
        type + " store");
  }

  @Test
  void optionalButRequired() {
    assertOnlyError(
        params("    @NotebookParam(id = " + ID + ", required = true) Optional<String> store"),
        "Component Report.store is required, so it cannot be an Optional: declare it as String, or as"
            + " ParamValue<String> to reset it to the notebook's default",
        "Optional<String> store");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "NUMBER | Optional<String> | double or int or long",
        "DATE | Optional<Boolean> | LocalDate or String",
        "STRING | Optional<LocalDate> | String",
        "DATE_RANGE | Optional<LocalDate> | DateRange or List<String>",
        "STRING_ARRAY | Optional<DateRange> | List<String>",
        "BOOLEAN | Optional<Double> | boolean"
      })
  void datatypeTheTypeCannotHold(String datatype, String type, String fitting) {
    String valueType = type.substring("Optional<".length(), type.length() - 1);
    assertOnlyError(
        params(
            "    @NotebookParam(id = "
                + ID
                + ", datatype = Datatype."
                + datatype
                + ") "
                + type
                + " store"),
        "Component Report.store: a "
            + datatype
            + " param cannot be held by "
            + valueType
            + "; declare it as "
            + fitting,
        type + " store");
  }
}
