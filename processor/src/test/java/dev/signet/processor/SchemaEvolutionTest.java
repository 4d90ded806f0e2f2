package dev.signet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.signet.processor.Compilers.Reported;
import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a declaration follows a vendor's schema from one version to the next, and what that does to
 * the code that calls it: the same call sites compiled against version 1 and version 2 of a
 * declaration.
 *
 * <ul>
 *   <li>Adding an optional parameter keeps every call site compiling, and signing the same text.
 *   <li>Making a parameter required breaks exactly the call sites that do not give it, with an
 *       error that names it: the builder's stage for it, {@code TeamStage}, has no {@code build()}.
 *   <li>{@code @Deprecated} on a parameter carries to its builder methods: using them warns.
 *   <li>A wire name changes with {@code @Param(name = ...)} or {@code @JsonProperty}, and the Java
 *       name, and so every call site, stays.
 * </ul>
 */
class SchemaEvolutionTest {
  private static final String NONCE = "0123456789abcdefghijABCDEFGHIJ01";

  /** Version 1: one required parameter and one optional one. */
  private static final String[] V1 = {
    "@SignedUrl(path = \"/embed/login\", lines = SignedLines.NAMES_AND_VALUES)",
    "public interface Login {",
    "  @Param(position = 1) String user();",
    "  @Param(position = 2) @Nonce(length = 32) String nonce();",
    "  Optional<String> team();",
    "}",
  };

  /** The call sites: one that gives the optional parameter, one that does not. */
  private static JavaFileObject callSites() {
    return JavaFileObjects.forSourceLines(
        "test.App",
        "package test;",
        "",
        "import dev.signet.runtime.Origin;",
        "",
        "public final class App {",
        "  static final Origin ORIGIN = Origin.https(\"acme.example.com\");",
        "",
        "  public static String withTeam() {",
        "    return SignetLogin.builder().user(\"ann\").team(\"red\").nonce(\"" + NONCE + "\")",
        "        .build().canonicalText(ORIGIN);",
        "  }",
        "",
        "  public static String withoutTeam() {",
        "    return SignetLogin.builder().user(\"bob\").nonce(\"" + NONCE + "\")",
        "        .build().canonicalText(ORIGIN);",
        "  }",
        "}");
  }

  private static Compilation compile(String[] declaration, String... options) {
    return Sources.javac()
        .withOptions((Object[]) options)
        .compile(Sources.declaration("Login", declaration), callSites());
  }

  private static String call(Compilation compilation, String method) {
    Class<?> app = GeneratedClasses.of(compilation).load("test.App");
    return (String) GeneratedClasses.callStatic(app, method, new Class<?>[0]);
  }

  @Test
  void addingAnOptionalParameterKeepsEveryCallSiteAndItsSignedText() {
    Compilation v1 = compile(V1);
    Compilation v2 =
        compile(
            new String[] {
              "@SignedUrl(path = \"/embed/login\", lines = SignedLines.NAMES_AND_VALUES)",
              "public interface Login {",
              "  @Param(position = 1) String user();",
              "  @Param(position = 2) @Nonce(length = 32) String nonce();",
              "  Optional<String> team();",
              "  Optional<String> locale();",
              "  Optional<Boolean> boost();",
              "}",
            });
    assertThat(v2).succeeded();
    assertEquals(call(v1, "withTeam"), call(v2, "withTeam"));
    assertEquals(call(v1, "withoutTeam"), call(v2, "withoutTeam"));
  }

  private static final String[] TEAM_REQUIRED = {
    "@SignedUrl(path = \"/embed/login\", lines = SignedLines.NAMES_AND_VALUES)",
    "public interface Login {",
    "  @Param(position = 1) String user();",
    "  @Param(position = 2) @Nonce(length = 32) String nonce();",
    "  String team();",
    "}",
  };

  @Test
  void makingAParameterRequiredBreaksExactlyTheCallSitesWithoutIt() {
    JavaFileObject callSites = callSites();
    Compilation v2 = Sources.javac().compile(Sources.declaration("Login", TEAM_REQUIRED), callSites);
    assertThat(v2).failed();
    assertThat(v2).hadErrorCount(1);
    // javac's text: the stage that asks for team has no nonce(...), and no build().
    assertThat(v2)
        .hadErrorContaining("cannot find symbol")
        .inFile(callSites)
        .onLineContaining("SignetLogin.builder().user(\"bob\")");
    assertThat(v2).hadErrorContaining("location: interface test.SignetLogin.TeamStage");
  }

  @Test
  void theCallSitesThatGiveTheNewlyRequiredParameterCompile() {
    Compilation compilation =
        Sources.javac()
            .compile(
                Sources.declaration("Login", TEAM_REQUIRED),
                JavaFileObjects.forSourceLines(
                    "test.App",
                    "package test;",
                    "public final class App {",
                    "  public static String withTeam() {",
                    "    return SignetLogin.builder().user(\"ann\").team(\"red\").nonce(\"" + NONCE
                        + "\")",
                    "        .build()",
                    "        .canonicalText(dev.signet.runtime.Origin.https(\"acme.example.com\"));",
                    "  }",
                    "}"));
    assertThat(compilation).succeeded();
    assertEquals(call(compile(V1), "withTeam"), call(compilation, "withTeam"));
  }

  /** Under the Eclipse compiler the error names the stage, so the parameter, too. */
  @Test
  void theEclipseCompilerNamesTheMissingParameterToo(@TempDir Path temp) {
    JavaFileObject callSites = Compilers.onDisk(temp, callSites());
    JavaFileObject declaration = Compilers.onDisk(temp, Sources.declaration("Login", TEAM_REQUIRED));
    Compilation compilation = Compilers.ecj(temp).compile(declaration, callSites);
    assertThat(compilation).failed();
    List<Reported> errors =
        Compilers.reported(compilation).stream()
            .filter(reported -> reported.kind() == Diagnostic.Kind.ERROR)
            .toList();
    assertEquals(1, errors.size(), errors::toString);
    assertEquals(
        "The method nonce(java.lang.String) is undefined for the type test.SignetLogin.TeamStage",
        errors.get(0).message());
    assertEquals(14, errors.get(0).line());
  }

  /** @Deprecated on a declared parameter carries to the builder: users are warned, once each. */
  @Nested
  class Deprecation {
    private static final String[] MAIL_DEPRECATED = {
      "@SignedUrl(path = \"/embed/login\", lines = SignedLines.NAMES_AND_VALUES)",
      "public interface Login {",
      "  @Param(position = 1) String user();",
      "  @Param(position = 2) @Nonce(length = 32) String nonce();",
      "  Optional<String> team();",
      "  /** @deprecated the vendor retires it */",
      "  @Deprecated Optional<String> mail();",
      "}",
    };

    @Test
    void callSitesThatDoNotUseItCompileUnderWerror() {
      assertThat(compile(MAIL_DEPRECATED, "-Xlint:all", "-Xlint:-processing", "-Werror"))
          .succeededWithoutWarnings();
    }

    @Test
    void aCallSiteThatUsesItIsWarned() {
      JavaFileObject user =
          JavaFileObjects.forSourceLines(
              "test.Mailer",
              "package test;",
              "public final class Mailer {",
              "  public static Object mail() {",
              "    return SignetLogin.builder().user(\"ann\").mail(\"a@b.c\").build();",
              "  }",
              "}");
      Compilation compilation =
          Sources.javac()
              .withOptions("-Xlint:deprecation")
              .compile(Sources.declaration("Login", MAIL_DEPRECATED), user);
      assertThat(compilation).succeeded();
      assertThat(compilation)
          .hadWarningContaining("mail(java.lang.String) in test.SignetLogin.BuildStage has been deprecated")
          .inFile(user)
          .onLineContaining(".mail(\"a@b.c\")");
      assertEquals(1, compilation.warnings().size(), compilation.warnings()::toString);
    }

    @Test
    void jsonRequestFieldsToo() {
      JavaFileObject user =
          JavaFileObjects.forSourceLines(
              "ecosystem.Caller",
              "package ecosystem;",
              "import java.util.List;",
              "public final class Caller {",
              "  public static Object token() {",
              "    return SignetIssueToken.builder().apiKey(\"k\").apiSecret(\"s\").pageId(\"p\")",
              "        .params(List.of()).cacheMaxAge(60L).build();",
              "  }",
              "}");
      Compilation compilation =
          Sources.javac()
              .withOptions("-Xlint:deprecation")
              .compile(Compilers.resource("ecosystem/IssueToken.java"), user);
      assertThat(compilation).succeeded();
      assertThat(compilation)
          .hadWarningContaining(
              "cacheMaxAge(long) in ecosystem.SignetIssueToken.BuildStage has been deprecated")
          .inFile(user)
          .onLineContaining(".cacheMaxAge(60L)");
      assertEquals(1, compilation.warnings().size(), compilation.warnings()::toString);
    }
  }

  @Test
  void aWireNameChangesWhileTheJavaNameAndCallSitesStay() {
    Compilation v2 =
        compile(
            new String[] {
              "@SignedUrl(path = \"/embed/login\", lines = SignedLines.NAMES_AND_VALUES)",
              "public interface Login {",
              "  @Param(position = 1, name = \"user_id\") String user();",
              "  @Param(position = 2) @Nonce(length = 32) String nonce();",
              "  @Param(name = \"team_name\") Optional<String> team();",
              "}",
            });
    String before = call(compile(V1), "withTeam");
    String after = call(v2, "withTeam");
    assertTrue(before.contains("\nuser=ann\n") && before.contains("\nteam=red"), before);
    assertEquals(before.replace("\nuser=", "\nuser_id=").replace("\nteam=", "\nteam_name="), after);
  }

  @Test
  void aJsonNameChangesWhileTheJavaNameAndCallSitesStay() {
    String[] v1 = {
      "@JsonRequest(path = \"/api/token\")",
      "public interface Token {",
      "  @JsonProperty(\"user\") String user();",
      "}",
    };
    String[] v2 = {
      "@JsonRequest(path = \"/api/token\")",
      "public interface Token {",
      "  @JsonProperty(\"user_id\") String user();",
      "}",
    };
    JavaFileObject caller =
        JavaFileObjects.forSourceLines(
            "test.Caller",
            "package test;",
            "public final class Caller {",
            "  public static String body() {",
            "    return SignetToken.builder().user(\"ann\").build().body();",
            "  }",
            "}");
    Compilation before = Sources.javac().compile(JsonSources.declaration("Token", v1), caller);
    Compilation after = Sources.javac().compile(JsonSources.declaration("Token", v2), caller);
    Class<?> beforeCaller = GeneratedClasses.of(before).load("test.Caller");
    Class<?> afterCaller = GeneratedClasses.of(after).load("test.Caller");
    assertEquals("{\"user\":\"ann\"}", GeneratedClasses.callStatic(beforeCaller, "body", new Class<?>[0]));
    assertEquals(
        "{\"user_id\":\"ann\"}", GeneratedClasses.callStatic(afterCaller, "body", new Class<?>[0]));
  }
}
