package dev.signet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Every problem of a {@code @SignedJwt} claim's {@code @Constant} or {@code @Spread} (and the
 * {@code @Range} a claim cannot have): each test declares exactly one, and checks the message and
 * the line it is reported on. ({@link EclipseCompilerTest} checks ECJ reports the same.)
 */
class SignedJwtClaimTraitsTest {
  static final List<String> IMPORTS = imports();

  private static final String ALONE = "@SignedJwt(token = TokenPlacement.NONE)";

  private static List<String> imports() {
    List<String> imports = new ArrayList<>(SignedJwtDeclarationTest.IMPORTS);
    imports.add("import dev.signet.annotations.Constant;");
    imports.add("import dev.signet.annotations.Range;");
    imports.add("import dev.signet.annotations.Spread;");
    return List.copyOf(imports);
  }

  static JavaFileObject token(String annotation, String... members) {
    String[] lines = new String[members.length + 3];
    lines[0] = annotation;
    lines[1] = "public interface Token {";
    System.arraycopy(members, 0, lines, 2, members.length);
    lines[lines.length - 1] = "}";
    return JsonSources.declaration(IMPORTS, "Token", lines);
  }

  private static Compilation assertErrors(JavaFileObject file, int count) {
    Compilation compilation = Sources.compile(file);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorCount(count);
    return compilation;
  }

  private static void assertOnlyError(JavaFileObject file, String message, String line) {
    assertThat(assertErrors(file, 1))
        .hadErrorContaining(message)
        .inFile(file)
        .onLineContaining(line);
  }

  @Test
  void aConstantAndTwoSpreadsCompile() {
    assertThat(
            Sources.compile(
                token(
                    ALONE,
                    "  @JsonProperty(\"aud\") @Constant(\"tableau\") String aud();",
                    "  @Spread(prefix = \"ctl_\") Map<String, Integer> controls();",
                    "  @Spread Optional<Map<String, List<String>>> attributes();",
                    "  @Timestamp long iat();")))
        .succeededWithoutWarnings();
  }

  @Test
  void anOptionalConstant() {
    assertOnlyError(
        token(ALONE, "  @JsonProperty(\"aud\") @Constant(\"tableau\") Optional<String> aud();"),
        "Claim aud is a @Constant, which every request carries as given: declare it as `String"
            + " aud()`, not optional",
        "Optional<String> aud();");
  }

  @Test
  void aConstantOfATypeThatCannotHoldIt() {
    assertOnlyError(
        token(ALONE, "  @JsonProperty(\"ver\") @Constant(\"1\") int version();"),
        "Claim ver is a @Constant, which every request carries as given: declare it as `String"
            + " version()`, not optional",
        "int version();");
  }

  @Test
  void anEmptyConstant() {
    assertOnlyError(
        token(ALONE, "  @JsonProperty(\"aud\") @Constant(\"\") String aud();"),
        "Claim aud: @Constant(\"\") is empty, and a claim's text never is; give the value the"
            + " vendor fixes",
        "String aud();");
  }

  @Test
  void aConstantThatACallerAlsoGives() {
    assertOnlyError(
        token(
            ALONE,
            "  @JsonProperty(\"aud\") @Constant(\"tableau\") String aud();",
            "  @JsonProperty(\"aud\") String audience();"),
        "Claims aud() and audience() both travel as \"aud\" in the claims; rename one of them",
        "String audience();");
  }

  @Test
  void aConstantFromTheClock() {
    assertOnlyError(
        token(ALONE, "  @Constant(\"0\") @Timestamp long iat();"),
        "Claim iat: @Constant cannot go with @Timestamp, which takes the issue time from the clock;"
            + " remove one of them",
        "long iat();");
  }

  @Test
  void aConstantExpiry() {
    assertOnlyError(
        token(
            ALONE,
            "  @Timestamp long iat();",
            "  @Constant(\"0\") @Expiry(timeToLiveSeconds = 60) long exp();"),
        "Claim exp: @Constant cannot go with @Expiry, which works the expiry out from the issue"
            + " time; remove one of them",
        "long exp();");
  }

  @Test
  void aConstantHeaderMember() {
    assertOnlyError(
        token(ALONE, "  @Constant(\"key-1\") @JwtHeader(\"kid\") String keyId();"),
        "Claim kid: @Constant cannot go with @JwtHeader, which sends a caller's value in the"
            + " header, not among the claims; remove one of them",
        "String keyId();");
  }

  @Test
  void anUnsignedSpread() {
    assertOnlyError(
        token(
            "@SignedJwt(path = \"/embed/{token}\")",
            "  @Spread @Unsigned Optional<Map<String, String>> options();"),
        "Claim options: @Spread cannot go with @Unsigned, which sends a caller's value unsigned in"
            + " the URL, not among the claims; remove one of them",
        "Optional<Map<String, String>> options();");
  }

  @Test
  void aConstantSpread() {
    Compilation compilation =
        assertErrors(token(ALONE, "  @Constant(\"x\") @Spread String attributes();"), 2);
    assertThat(compilation)
        .hadErrorContaining(
            "Claim attributes is a @Constant, so no caller passes it and it comes from no clock,"
                + " nonce, map or default; remove the other annotation or the default body")
        .inFile(compilation.sourceFiles().get(0))
        .onLineContaining("String attributes();");
    assertThat(compilation)
        .hadErrorContaining("Claim attributes is @Spread into claims named at run time");
  }

  @Test
  void aSpreadThatIsNoMap() {
    assertOnlyError(
        token(ALONE, "  @Spread List<String> attributes();"),
        "Claim attributes is @Spread into claims named at run time, so it must be a Map<String,"
            + " V>, V a JSON value such as String or List<String> (or an Optional of one)",
        "List<String> attributes();");
  }

  @Test
  void aSpreadWhoseKeysAreNoText() {
    assertOnlyError(
        token(ALONE, "  @Spread Map<Integer, String> attributes();"),
        "Claim attributes is @Spread into claims named at run time, so it must be a Map<String,"
            + " V>",
        "Map<Integer, String> attributes();");
  }

  @Test
  void aSpreadWhoseValuesJsonCannotWrite() {
    assertOnlyError(
        token(ALONE, "  @Spread Map<String, Object> attributes();"),
        "Claim attributes: JSON cannot write Object (in Map<String,Object>).",
        "Map<String, Object> attributes();");
  }

  @Test
  void twoSpreadsUnderOnePrefix() {
    assertOnlyError(
        token(
            ALONE,
            "  @Spread(prefix = \"ua_\") Map<String, String> attributes();",
            "  @Spread(prefix = \"ua_\") Optional<Map<String, String>> more();"),
        "Claims attributes() and more() are both @Spread with the prefix \"ua_\", so a claim could"
            + " belong to either; give one of them another prefix",
        "Optional<Map<String, String>> more();");
  }

  @Test
  void aRangeOnAClaim() {
    assertOnlyError(
        token(ALONE, "  @JsonProperty(\"ver\") @Range(min = 1, max = 2) int version();"),
        "Claim ver: @Range bounds a signed URL's whole numbers; a @SignedJwt claim has none, so"
            + " remove @Range",
        "int version();");
  }
}
