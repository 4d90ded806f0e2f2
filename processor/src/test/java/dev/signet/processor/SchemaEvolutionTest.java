package dev.signet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.signet.processor.Compilers.Reported;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

  /**
   * The call sites, each on one line: {@code withTeam} gives the optional {@code team} before the
   * other optional parameter, {@code nonce}; {@code withTeamAfterNonce} after it; {@code
   * withoutTeam} not at all.
   */
  private static JavaFileObject callSites() {
    return callSites("withTeam", "withTeamAfterNonce", "withoutTeam");
  }

  private static final Map<String, String> CALLS =
      Map.of(
          "withTeam", "user(\"ann\").team(\"red\").nonce(\"" + NONCE + "\")",
          "withTeamAfterNonce", "user(\"ann\").nonce(\"" + NONCE + "\").team(\"red\")",
          "withoutTeam", "user(\"bob\").nonce(\"" + NONCE + "\")");

  /** The call sites named, in this order, each a method of {@code test.App}. */
  private static JavaFileObject callSites(String... names) {
    List<String> lines = new ArrayList<>();
    lines.addAll(
        List.of(
            "package test;",
            "",
            "import dev.signet.runtime.Origin;",
            "",
            "public final class App {",
            "  static final Origin ORIGIN = Origin.https(\"acme.example.com\");"));
    for (String name : names) {
      lines.add("");
      lines.add("  public static String " + name + "() {");
      lines.add(
          "    return SignetLogin.builder()."
              + CALLS.get(name)
              + ".build().canonicalText(ORIGIN);");
      lines.add("  }");
    }
    lines.add("}");
    return JavaFileObjects.forSourceLines("test.App", lines);
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
    assertEquals(call(v1, "withTeamAfterNonce"), call(v2, "withTeamAfterNonce"));
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
    Compilation v2 =
        Sources.javac().compile(Sources.declaration("Login", TEAM_REQUIRED), callSites);
    assertThat(v2).failed();
    // One error, for withoutTeam: withTeam and withTeamAfterNonce, which give team, compile.
    assertThat(v2).hadErrorCount(1);
    // javac's text: the stage that asks for team takes nonce(...), as every stage takes the
    // optional parameters, but has no build().
    assertThat(v2)
        .hadErrorContaining("cannot find symbol")
        .inFile(callSites)
        .onLineContaining("SignetLogin.builder().user(\"bob\")");
    assertThat(v2).hadErrorContaining("symbol:   method build()");
    assertThat(v2).hadErrorContaining("location: class test.SignetLogin.TeamStage");
  }

  @Test
  void theCallSitesThatGiveTheNewlyRequiredParameterCompileAndSignTheSameText() {
    Compilation v2 =
        Sources.javac()
            .compile(
                Sources.declaration("Login", TEAM_REQUIRED),
                callSites("withTeam", "withTeamAfterNonce"));
    assertThat(v2).succeeded();
    Compilation v1 = compile(V1);
    assertEquals(call(v1, "withTeam"), call(v2, "withTeam"));
    // Given after another optional parameter, team is still given to the stage that asks for it.
    assertEquals(call(v1, "withTeamAfterNonce"), call(v2, "withTeamAfterNonce"));
    assertEquals(call(v1, "withTeam"), call(v2, "withTeamAfterNonce"));
  }

  /**
   * The optional setters, declared once in the steps' common generic base, are taken at every step
   * under the Eclipse compiler too, so each call site compiles and signs what javac's does.
   */
  @Test
  void theEclipseCompilerTakesOptionalSettersAtEveryStep(@TempDir Path temp) throws Exception {
    JavaFileObject callSites = Compilers.onDisk(temp, callSites());
    JavaFileObject declaration = Compilers.onDisk(temp, Sources.declaration("Login", V1));
    Compilation ecj = Compilers.ecj(temp).compile(declaration, callSites);
    assertThat(ecj).succeeded();
    Compilation javac = compile(V1);
    for (String site : List.of("withTeam", "withTeamAfterNonce", "withoutTeam")) {
      assertEquals(call(javac, site), call(ecj, site), site);
    }
  }

  /** Under the Eclipse compiler the error names the stage, so the parameter, too. */
  @Test
  void theEclipseCompilerNamesTheMissingParameterToo(@TempDir Path temp) {
    JavaFileObject callSites = Compilers.onDisk(temp, callSites());
    JavaFileObject declaration =
        Compilers.onDisk(temp, Sources.declaration("Login", TEAM_REQUIRED));
    Compilation compilation = Compilers.ecj(temp).compile(declaration, callSites);
    assertThat(compilation).failed();
    List<Reported> errors =
        Compilers.reported(compilation).stream()
            .filter(reported -> reported.kind() == Diagnostic.Kind.ERROR)
            .toList();
    assertEquals(1, errors.size(), errors::toString);
    assertEquals(
        "The method build() is undefined for the type test.SignetLogin.TeamStage",
        errors.get(0).message());
    assertEquals(17, errors.get(0).line());
  }

  /**
   * Every stage takes the optional parameters and returns itself, so they may come before, between
   * and after the required ones, and the request is the same.
   */
  @Test
  void optionalParametersMayBeGivenBetweenRequiredOnes() {
    String[] declaration = {
      "@SignedUrl(path = \"/embed/login\", lines = SignedLines.NAMES_AND_VALUES)",
      "public interface Login {",
      "  @Param(position = 1) String user();",
      "  @Param(position = 2) @Nonce(length = 32) String nonce();",
      "  @Param(position = 3) String team();",
      "  @Param(position = 4) int seats();",
      "  Optional<String> locale();",
      "  @Deprecated Optional<Boolean> boost();",
      "}",
    };
    JavaFileObject callSites =
        JavaFileObjects.forSourceLines(
            "test.App",
            "package test;",
            "",
            "import dev.signet.runtime.Origin;",
            "import java.util.Optional;",
            "",
            "public final class App {",
            "  static final Origin ORIGIN = Origin.https(\"acme.example.com\");",
            "",
            "  public static String inOrder() {",
            "    return SignetLogin.builder().user(\"ann\").team(\"red\").seats(3)",
            "        .nonce(\"" + NONCE + "\").locale(\"fr\").locale(Optional.empty()).build()",
            "        .canonicalText(ORIGIN);",
            "  }",
            "",
            "  public static String interleaved() {",
            "    return SignetLogin.builder().locale(\"de\").user(\"ann\").nonce(\""
                + NONCE
                + "\")",
            "        .locale(Optional.empty()).team(\"red\").seats(3).build()",
            "        .canonicalText(ORIGIN);",
            "  }",
            "",
            "  /** The builder's stages as variables, the way a helper method would pass them. */",
            "  public static String throughStages() {",
            "    SignetLogin.UserStage user = SignetLogin.builder().nonce(\"" + NONCE + "\");",
            "    SignetLogin.TeamStage team = user.user(\"ann\").locale(Optional.empty());",
            "    SignetLogin.SeatsStage seats = team.team(\"red\");",
            "    return seats.seats(3).build().canonicalText(ORIGIN);",
            "  }",
            "}");
    Compilation compilation =
        Sources.javac()
            .withOptions("-Xlint:all", "-Xlint:-processing", "-Werror")
            .compile(Sources.declaration("Login", declaration), callSites);
    assertThat(compilation).succeededWithoutWarnings();
    String inOrder = call(compilation, "inOrder");
    assertTrue(inOrder.contains("\nteam=red\nseats=3"), inOrder);
    assertEquals(inOrder, call(compilation, "interleaved"));
    assertEquals(inOrder, call(compilation, "throughStages"));
  }

  /**
   * The limit: a call site may give an optional parameter before the required ones, and then give
   * it before a required parameter that is declared earlier. When it becomes required, its stage
   * comes after that parameter's, so the call site breaks though it gives it, and the error names
   * the earlier parameter's stage, not the one it now lacks.
   */
  @Test
  void limitACallSiteThatGivesItBeforeAnEarlierRequiredParameterBreaks() {
    JavaFileObject teamFirst =
        JavaFileObjects.forSourceLines(
            "test.App",
            "package test;",
            "public final class App {",
            "  public static String teamFirst() {",
            "    return SignetLogin.builder().nonce(\""
                + NONCE
                + "\").team(\"red\").user(\"ann\").build()",
            "        .canonicalText(dev.signet.runtime.Origin.https(\"acme.example.com\"));",
            "  }",
            "}");
    Compilation v1 = Sources.javac().compile(Sources.declaration("Login", V1), teamFirst);
    assertThat(v1).succeeded();
    Compilation v2 =
        Sources.javac().compile(Sources.declaration("Login", TEAM_REQUIRED), teamFirst);
    assertThat(v2).failed();
    assertThat(v2).hadErrorCount(1);
    assertThat(v2)
        .hadErrorContaining("cannot find symbol")
        .inFile(teamFirst)
        .onLineContaining(".team(\"red\")");
    assertThat(v2).hadErrorContaining("symbol:   method team(java.lang.String)");
    assertThat(v2).hadErrorContaining("location: class test.SignetLogin.UserStage");
  }

  /**
   * The stages ask for required parameters in declaration order, whatever their positions in the
   * signed text; so a newly required parameter is declared after the required ones call sites
   * already give. Declared before them, its stage comes first, and every call site breaks, those
   * that give it too.
   */
  @Test
  void aNewlyRequiredParameterDeclaredBeforeTheOthersBreaksEveryCallSite() {
    JavaFileObject callSites = callSites();
    Compilation teamFirst =
        Sources.javac()
            .compile(
                Sources.declaration(
                    "Login",
                    "@SignedUrl(path = \"/embed/login\", lines = SignedLines.NAMES_AND_VALUES)",
                    "public interface Login {",
                    "  @Param(position = 3) String team();",
                    "  @Param(position = 1) String user();",
                    "  @Param(position = 2) @Nonce(length = 32) String nonce();",
                    "}"),
                callSites);
    assertThat(teamFirst).failed();
    assertThat(teamFirst).hadErrorCount(3);
    for (String user : List.of("user(\"ann\").team", "user(\"ann\").nonce", "user(\"bob\")")) {
      assertThat(teamFirst)
          .hadErrorContaining("location: class test.SignetLogin.TeamStage")
          .inFile(callSites)
          .onLineContaining(user);
    }
    // Declared after user, with a position of its own: the call sites that give team compile.
    Compilation teamLast =
        Sources.javac()
            .compile(
                Sources.declaration(
                    "Login",
                    "@SignedUrl(path = \"/embed/login\", lines = SignedLines.NAMES_AND_VALUES)",
                    "public interface Login {",
                    "  @Param(position = 1) String user();",
                    "  @Param(position = 3) String team();",
                    "  @Param(position = 2) @Nonce(length = 32) String nonce();",
                    "}"),
                callSites("withTeam", "withTeamAfterNonce"));
    assertThat(teamLast).succeeded();
  }

  /** The same for a {@code @JsonRequest}: its stages take the optional fields too. */
  @Nested
  class JsonRequests {
    private static final String[] V1 = {
      "@JsonRequest(path = \"/api/token\")",
      "public interface Token {",
      "  String user();",
      "  Optional<String> scope();",
      "  @Header(\"X-Team\") Optional<String> team();",
      "}",
    };

    private static final String[] TEAM_REQUIRED = {
      "@JsonRequest(path = \"/api/token\")",
      "public interface Token {",
      "  String user();",
      "  Optional<String> scope();",
      "  @Header(\"X-Team\") String team();",
      "}",
    };

    private static JavaFileObject callers() {
      return JavaFileObjects.forSourceLines(
          "test.Caller",
          "package test;",
          "public final class Caller {",
          "  public static Object teamAfterScope() {",
          "    return SignetToken.builder().user(\"ann\").scope(\"read\").team(\"red\").build();",
          "  }",
          "",
          "  public static Object teamBeforeScope() {",
          "    return SignetToken.builder().user(\"ann\").team(\"red\").scope(\"read\").build();",
          "  }",
          "",
          "  public static Object withoutTeam() {",
          "    return SignetToken.builder().user(\"bob\").scope(\"read\").build();",
          "  }",
          "}");
    }

    private Object call(Compilation compilation, String method) {
      Class<?> caller = GeneratedClasses.of(compilation).load("test.Caller");
      return GeneratedClasses.callStatic(caller, method, new Class<?>[0]);
    }

    @Test
    void makingAFieldRequiredBreaksExactlyTheCallSitesWithoutIt() {
      JavaFileObject callers = callers();
      Compilation v1 = Sources.javac().compile(JsonSources.declaration("Token", V1), callers);
      assertThat(v1).succeeded();
      Compilation v2 =
          Sources.javac().compile(JsonSources.declaration("Token", TEAM_REQUIRED), callers);
      assertThat(v2).failed();
      assertThat(v2).hadErrorCount(1);
      assertThat(v2)
          .hadErrorContaining("cannot find symbol")
          .inFile(callers)
          .onLineContaining("user(\"bob\")");
      assertThat(v2).hadErrorContaining("symbol:   method build()");
      assertThat(v2).hadErrorContaining("location: class test.SignetToken.TeamStage");
    }

    @Test
    void theCallSitesThatGiveItCompileAndBuildTheSameRequest() {
      JavaFileObject callers = callers();
      Compilation v1 = Sources.javac().compile(JsonSources.declaration("Token", V1), callers);
      JavaFileObject withTeam =
          JavaFileObjects.forSourceLines(
              "test.Caller",
              "package test;",
              "public final class Caller {",
              "  public static Object teamAfterScope() {",
              "    return SignetToken.builder().user(\"ann\").scope(\"read\").team(\"red\").build();",
              "  }",
              "",
              "  public static Object teamBeforeScope() {",
              "    return SignetToken.builder().user(\"ann\").team(\"red\").scope(\"read\").build();",
              "  }",
              "}");
      Compilation v2 =
          Sources.javac()
              .withOptions("-Xlint:all", "-Xlint:-processing", "-Werror")
              .compile(JsonSources.declaration("Token", TEAM_REQUIRED), withTeam);
      assertThat(v2).succeededWithoutWarnings();
      // toString shows every field present, by its JSON or header name.
      String before = call(v1, "teamAfterScope").toString();
      assertEquals(before, call(v1, "teamBeforeScope").toString());
      assertEquals(before, call(v2, "teamAfterScope").toString());
      assertEquals(before, call(v2, "teamBeforeScope").toString());
    }
  }

  /**
   * @Deprecated on a declared parameter carries to the builder: users are warned, once each.
   */
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
          .hadWarningContaining(
              "mail(java.lang.String) in test.SignetLogin.Step has been deprecated")
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
              "cacheMaxAge(long) in ecosystem.SignetIssueToken.Step has been deprecated")
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
    assertEquals(
        "{\"user\":\"ann\"}", GeneratedClasses.callStatic(beforeCaller, "body", new Class<?>[0]));
    assertEquals(
        "{\"user_id\":\"ann\"}", GeneratedClasses.callStatic(afterCaller, "body", new Class<?>[0]));
  }
}
