package dev.signet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.signet.processor.write.Descriptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code -Asignet.describe=true}: a JSON description of each declaration beside its generated
 * class, {@code <GeneratedClass>.signet.json}, compared with the files under {@code
 * src/test/resources/describe/} (rewritten with {@code -Dsignet.updateGolden=true}, as the golden
 * sources are).
 */
class DescriptionTest {

  private static String description(Compilation compilation, String packageName, String name) {
    assertThat(compilation).succeeded();
    JavaFileObject file =
        compilation
            .generatedFile(StandardLocation.CLASS_OUTPUT, packageName, name)
            .orElseThrow(
                () ->
                    new AssertionError(
                        "no " + name + "; generated " + compilation.generatedFiles()));
    try {
      return file.getCharContent(false).toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Compilation describe(JavaFileObject... files) {
    return Sources.javac().withOptions("-Asignet.describe=true").compile(files);
  }

  /** The golden fixtures, and a JSON request beside them. */
  static List<String> fixtures() {
    List<String> fixtures = new ArrayList<>();
    Goldens.fixtures().forEach(name -> fixtures.add("golden/" + name + ".java"));
    fixtures.add("ecosystem/IssueToken.java");
    return fixtures;
  }

  /** Every description written is the one under {@code describe/}. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void describesEachDeclaration(String fixture) throws IOException {
    Compilation compilation = describe(Compilers.resource(fixture));
    assertThat(compilation).succeeded();
    int described = 0;
    for (JavaFileObject file : compilation.generatedFiles()) {
      String path = file.toUri().getPath();
      if (path.endsWith(Descriptions.SUFFIX)) {
        described++;
        Goldens.assertMatches(
            "describe/" + path.substring(path.lastIndexOf('/') + 1),
            file.getCharContent(false).toString());
      }
    }
    assertTrue(described > 0, fixture + " was not described");
  }

  @Test
  void nothingIsDescribedWithoutTheOption() {
    Compilation compilation = Sources.compile(Compilers.resource("golden/TrimmedLinesLogin.java"));
    assertThat(compilation).succeeded();
    assertTrue(
        compilation.generatedFiles().stream()
            .noneMatch(file -> file.getName().endsWith(Descriptions.SUFFIX)),
        compilation.generatedFiles()::toString);
  }

  @Test
  void theOptionIsDeclaredSoStrictBuildsAcceptIt() {
    assertEquals(Set.of("signet.describe"), new SignetProcessor().getSupportedOptions());
    // javac warns of an option no processor supports; -Werror would make that an error.
    Compilation compilation =
        Sources.javac()
            .withOptions("-Xlint:all", "-Werror", "-Asignet.describe=true")
            .compile(Compilers.resource("golden/Base64Sha512.java"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void aValueOtherThanTrueOrFalseIsAnError() {
    Compilation compilation =
        Sources.javac()
            .withOptions("-Asignet.describe=yes")
            .compile(Compilers.resource("golden/Base64Sha512.java"));
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining(
            "Processor option -Asignet.describe=yes is neither true nor false; pass"
                + " -Asignet.describe=true to write a description of each declaration beside its"
                + " generated class, or leave the option out");
    assertThat(compilation).hadErrorCount(1);
  }

  /** Version 1 of a vendor's login, and version 2 as the vendor changed it. */
  static final String[] LOGIN_V1 = {
    "@SignedUrl(path = \"/embed/login\", lines = SignedLines.NAMES_AND_VALUES)",
    "public interface Login {",
    "  @Param(position = 1) String user();",
    "  @Param(position = 2) @Nonce(length = 32) String nonce();",
    "  Optional<String> team();",
    "  Optional<String> mail();",
    "}",
  };

  static final String[] LOGIN_V2 = {
    "@SignedUrl(path = \"/embed/login\", lines = SignedLines.NAMES_AND_VALUES)",
    "public interface Login {",
    "  @Param(position = 1, name = \"user_id\") String user();",
    "  @Param(position = 2) @Nonce(length = 32) String nonce();",
    "  String team();",
    "  /** @deprecated the vendor retires it; use {@link #email()} */",
    "  @Deprecated Optional<String> mail();",
    "  Optional<String> email();",
    "}",
  };

  /** The diff that shows a reviewer what changed between two versions, as the README shows it. */
  @Test
  void twoVersionsCanBeDiffed() {
    String name = "SignetLogin" + Descriptions.SUFFIX;
    String v1 = description(describe(Sources.declaration("Login", LOGIN_V1)), "test", name);
    String v2 = description(describe(Sources.declaration("Login", LOGIN_V2)), "test", name);
    String diff = LineDiff.unified(v1.lines().toList(), v2.lines().toList());
    assertEquals(
        String.join(
            "\n",
            "@@ -14,7 +14,7 @@",
            "   \"parameters\": [",
            "     {",
            "       \"name\": \"user\",",
            "-      \"wireName\": \"user\",",
            "+      \"wireName\": \"user_id\",",
            "       \"type\": \"java.lang.String\",",
            "       \"required\": true,",
            "       \"position\": 1,",
            "@@ -38,7 +38,7 @@",
            "       \"name\": \"team\",",
            "       \"wireName\": \"team\",",
            "       \"type\": \"java.lang.String\",",
            "-      \"required\": false,",
            "+      \"required\": true,",
            "       \"position\": null,",
            "       \"encoding\": \"TEXT\",",
            "       \"deprecated\": false",
            "@@ -50,16 +50,27 @@",
            "       \"required\": false,",
            "       \"position\": null,",
            "       \"encoding\": \"TEXT\",",
            "+      \"deprecated\": true",
            "+    },",
            "+    {",
            "+      \"name\": \"email\",",
            "+      \"wireName\": \"email\",",
            "+      \"type\": \"java.lang.String\",",
            "+      \"required\": false,",
            "+      \"position\": null,",
            "+      \"encoding\": \"TEXT\",",
            "       \"deprecated\": false",
            "     }",
            "   ],",
            "   \"builderOrder\": [",
            "-    \"user\"",
            "+    \"user\",",
            "+    \"team\"",
            "   ],",
            "   \"signedOrder\": [",
            "-    \"user\",",
            "+    \"user_id\",",
            "     \"nonce\",",
            "     \"team\",",
            "-    \"mail\"",
            "+    \"mail\",",
            "+    \"email\"",
            "   ]",
            " }",
            ""),
        diff);
  }
}
