package dev.signet.codatum;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.signet.processor.Compilers;
import dev.signet.processor.Compilers.Reported;
import dev.signet.processor.Goldens;
import dev.signet.processor.Sources;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The classes that the {@code @NotebookParams} kind generates, with this module on the processor
 * path beside Signet's processor: each golden fixture's class and description as the files under
 * {@code golden/expected/} and {@code describe/} hold them, the same under javac and ECJ, and the
 * same messages under both.
 */
class NotebookParamsGeneratedTest {
  @TempDir Path temp;

  static List<String> fixtures() {
    return Goldens.fixtures();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void generatedFilesMatchTheirGoldenFiles(String fixture) throws IOException {
    Compilation compilation =
        Sources.javac().withOptions("-Asignet.describe=true").compile(Goldens.fixture(fixture));
    assertThat(compilation).succeeded();
    int compared = 0;
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      String name = path.substring(path.lastIndexOf('/') + 1);
      if (file.getKind() == JavaFileObject.Kind.SOURCE) {
        Goldens.assertMatches("golden/expected/" + name, file.getCharContent(false).toString());
        compared++;
      } else if (name.endsWith(".signet.json")) {
        Goldens.assertMatches("describe/" + name, file.getCharContent(false).toString());
        compared++;
      }
    }
    assertEquals(2, compared, "a class and its description");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void javacAndEcjGenerateTheSameFiles(String fixture) {
    Compilers.assertSameOutput(temp, Compilers.resource("golden/" + fixture + ".java"));
  }

  /**
   * Messages about a {@code @NotebookParams} record are the same; ECJ gives them no position, so
   * each names the record and its component.
   */
  @Test
  void errorsHaveTheSameTextUnderBothCompilers() {
    JavaFileObject file =
        Compilers.onDisk(
            temp.resolve("src"),
            NotebookSources.declaration(
                "Report",
                "@NotebookParams",
                "public record Report(",
                "  @NotebookParam(id = \"a\") String store,",
                "  String other,",
                "  @NotebookParam(id = \"a\", required = true, datatype = Datatype.NUMBER) String dup,",
                "  @NotebookParam(id = \"b\") Optional<String> shop,",
                "  @NotebookParam(id = \"b\") Optional<String> shop2) {}"));
    Compilation javacCompilation = Compilers.javac().compile(file);
    Compilation ecjCompilation = Compilers.ecj(temp).compile(file);
    assertEquals(Compilation.Status.FAILURE, javacCompilation.status());
    assertEquals(Compilation.Status.FAILURE, ecjCompilation.status());
    List<Reported> javac = Compilers.reported(javacCompilation);
    List<Reported> ecj = Compilers.reported(ecjCompilation);
    assertEquals(
        List.of(
            "Component Report.store is declared as String, which always has a value, but its"
                + " param is not required: add required = true, or declare Optional<String>",
            "Component Report.other maps to no notebook param: annotate it with"
                + " @NotebookParam(id = \"...\"), the param id Codatum shows under Externalized"
                + " Params",
            "Component Report.dup: a NUMBER param cannot be held by String; declare it as double"
                + " or int or long",
            "Components Report.shop and Report.shop2 both map to the param id b; a notebook param"
                + " has one value, so give each its own id or remove one"),
        javac.stream().map(Reported::message).toList());
    assertEquals(
        javac.stream().map(Reported::message).toList(),
        ecj.stream().map(Reported::message).toList());
    for (int i = 0; i < javac.size(); i++) {
      long ecjLine = ecj.get(i).line();
      assertTrue(
          ecjLine == javac.get(i).line() || ecjLine <= 0,
          "ECJ reports " + ecj.get(i) + " where javac reports " + javac.get(i));
      assertTrue(javac.get(i).line() > 0, javac.get(i)::toString);
    }
  }
}
