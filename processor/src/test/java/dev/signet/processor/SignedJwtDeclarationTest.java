package dev.signet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Every problem the {@code @SignedJwt} reader reports: each test declares exactly one, and checks
 * the message and the line it is reported on. ({@link EclipseCompilerTest} checks ECJ reports the
 * same.)
 */
class SignedJwtDeclarationTest {
  static final List<String> IMPORTS =
      List.of(
          "import com.fasterxml.jackson.annotation.JsonUnwrapped;",
          "import dev.signet.annotations.Constant;",
          "import dev.signet.annotations.Expiry;",
          "import dev.signet.annotations.JwtHeader;",
          "import dev.signet.annotations.Location;",
          "import dev.signet.annotations.SignedJwt;",
          "import dev.signet.annotations.Timestamp;",
          "import dev.signet.annotations.TokenPlacement;",
          "import dev.signet.annotations.Unsigned;");

  private static final String EMBED = "@SignedJwt(path = \"/embed/{token}\")";

  static JavaFileObject jwt(String annotation, String... members) {
    String[] lines = new String[members.length + 3];
    lines[0] = annotation;
    lines[1] = "public interface Embed {";
    System.arraycopy(members, 0, lines, 2, members.length);
    lines[lines.length - 1] = "}";
    return JsonSources.declaration(IMPORTS, "Embed", lines);
  }

  private static void assertOnlyError(JavaFileObject file, String message, String line) {
    Compilation compilation = Sources.compile(file);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(message).inFile(file).onLineContaining(line);
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void aValidDeclarationCompiles() {
    assertThat(
            Sources.compile(
                jwt(
                    EMBED,
                    "  @JsonProperty(\"sub\") String user();",
                    "  @Timestamp long iat();",
                    "  @Expiry(timeToLiveSeconds = 60) long exp();",
                    "  @Unsigned @Param(in = Location.FRAGMENT) Optional<Boolean> bordered();")))
        .succeededWithoutWarnings();
  }

  @Test
  void twoExpiries() {
    assertOnlyError(
        jwt(
            EMBED,
            "  @Timestamp long iat();",
            "  @Expiry(timeToLiveSeconds = 60) long exp();",
            "  @Expiry(timeToLiveSeconds = 60) long expires();"),
        "Claims exp() and expires() are both @Expiry: a token has one expiry; remove one @Expiry",
        "long expires();");
  }

  @Test
  void twoTimestamps() {
    assertOnlyError(
        jwt(EMBED, "  @Timestamp long iat();", "  @Timestamp long issued();"),
        "Claims iat() and issued() are both @Timestamp: a token has one issue time; remove one"
            + " @Timestamp",
        "long issued();");
  }

  @Test
  void anExpiryWithoutATimestamp() {
    assertOnlyError(
        jwt(EMBED, "  @Expiry(timeToLiveSeconds = 60) long exp();"),
        "Claim exp: @Expiry counts from the issue time, and Embed has none: add a @Timestamp long"
            + " claim, such as `@Timestamp long iat();`",
        "long exp();");
  }

  @Test
  void aTimestampThatIsNotLong() {
    assertOnlyError(
        jwt(EMBED, "  @Timestamp Optional<Long> iat();"),
        "Claim iat: @Timestamp holds whole seconds since the epoch: declare it as long, not"
            + " Optional<Long>",
        "Optional<Long> iat();");
  }

  @Test
  void aTimeToLiveBeyondTheMaximum() {
    assertOnlyError(
        jwt(
            EMBED,
            "  @Timestamp long iat();",
            "  @Expiry(timeToLiveSeconds = 601, maxSeconds = 600) long exp();"),
        "Claim exp: timeToLiveSeconds = 601 must be above 0 and at most maxSeconds (600)",
        "long exp();");
  }

  @Test
  void aPathTokenWithoutItsPlace() {
    assertOnlyError(
        jwt("@SignedJwt(path = \"/embed/dashboard\")", "  String user();"),
        "path \"/embed/dashboard\" has no {token}: with token = PATH the token is a segment of the"
            + " path, so mark its place, as in \"/embed/dashboard/{token}\"",
        "@SignedJwt(path");
  }

  @Test
  void aTokenInThePathThatTravelsElsewhere() {
    assertOnlyError(
        jwt(
            "@SignedJwt(path = \"/embed/{token}\", token = TokenPlacement.FRAGMENT)",
            "  String user();"),
        "path \"/embed/{token}\" holds {token}, but the token travels in the fragment; remove"
            + " {token}, or declare token = PATH",
        "@SignedJwt(path");
  }

  @Test
  void aQueryTokenWithoutItsParameter() {
    assertOnlyError(
        jwt("@SignedJwt(path = \"/embed\", token = TokenPlacement.QUERY)", "  String user();"),
        "token = QUERY needs the query parameter that carries the token: add tokenParameter, such"
            + " as tokenParameter = \":jwt\"",
        "@SignedJwt(path");
  }

  @Test
  void aTokenParameterForATokenOutsideTheQuery() {
    assertOnlyError(
        jwt("@SignedJwt(path = \"/embed/{token}\", tokenParameter = \"jwt\")", "  String user();"),
        "tokenParameter names a query parameter, but the token travels in the path; remove"
            + " tokenParameter, or declare token = QUERY",
        "@SignedJwt(path");
  }

  @Test
  void aPathForATokenHandedOverAlone() {
    assertOnlyError(
        jwt("@SignedJwt(path = \"/x\", token = TokenPlacement.NONE)", "  String user();"),
        "path \"/x\" has no URL to be part of: a token with token = NONE is handed over alone;"
            + " remove the path, or place the token in the URL",
        "@SignedJwt(path");
  }

  @Test
  void anUnsignedValueBesideATokenHandedOverAlone() {
    assertOnlyError(
        jwt(
            "@SignedJwt(token = TokenPlacement.NONE)",
            "  String user();",
            "  @Unsigned Optional<String> theme();"),
        "Claim theme: @Unsigned travels in the URL, but a token with token = NONE has none; remove"
            + " it, or place the token in the URL",
        "Optional<String> theme();");
  }

  @Test
  void aFragmentValueBesideATokenInTheFragment() {
    assertOnlyError(
        jwt(
            "@SignedJwt(path = \"/embed\", token = TokenPlacement.FRAGMENT)",
            "  String user();",
            "  @Unsigned @Param(in = Location.FRAGMENT) Optional<Boolean> bordered();"),
        "Claim bordered: the fragment holds the token alone (token = FRAGMENT), so nothing else"
            + " can travel in it; move bordered to the query or the path, or into the token as a"
            + " claim",
        "Optional<Boolean> bordered();");
  }

  @Test
  void anOptionalPathValue() {
    assertOnlyError(
        jwt(
            "@SignedJwt(path = \"/embed/{project}/{token}\")",
            "  @Unsigned @Param(in = Location.PATH_SEGMENT) Optional<String> project();"),
        "Claim project: a path segment is always there, so a value in the path is required:"
            + " declare it without Optional",
        "Optional<String> project();");
  }

  @Test
  void aPlaceholderNoValueFills() {
    assertOnlyError(
        jwt("@SignedJwt(path = \"/embed/{project}/{token}\")", "  String user();"),
        "path \"/embed/{project}/{token}\" holds {project}, which no value fills; declare one, such"
            + " as `@Unsigned @Param(in = Location.PATH_SEGMENT) String project();`",
        "@SignedJwt(path");
  }

  @Test
  void aPathValueThePathDoesNotName() {
    assertOnlyError(
        jwt(EMBED, "  @Unsigned @Param(in = Location.PATH_SEGMENT) String project();"),
        "Claim project: a value in the path needs {project} in the path \"/embed/{token}\"; add"
            + " it, or name the placeholder it fills with @Param(name = ...)",
        "String project();");
  }

  @Test
  void aPlaceholderInsideASegment() {
    assertOnlyError(
        jwt("@SignedJwt(path = \"/embed/t{token}\")", "  String user();"),
        "path \"/embed/t{token}\": {token} must be a whole segment between two /, as in"
            + " \"/embed/{token}\"",
        "@SignedJwt(path");
  }

  @Test
  void anUnsignedValueThatIsNotText() {
    assertOnlyError(
        jwt(EMBED, "  @Unsigned Optional<List<String>> tags();"),
        "Claim tags: an @Unsigned value is written as text: declare it as String, boolean, int,"
            + " long or an enum, not List<String>",
        "Optional<List<String>> tags();");
  }

  @Test
  void aRequiredUnsignedNumber() {
    assertOnlyError(
        jwt(EMBED, "  @Unsigned int refresh();"),
        "Claim refresh: a required @Unsigned value is a String or an enum, which a request read"
            + " from a token can leave absent; declare it so, or as Optional<Integer>",
        "int refresh();");
  }

  @Test
  void aParamOnAClaim() {
    assertOnlyError(
        jwt(EMBED, "  @Param(name = \"sub\") String user();"),
        "Claim user: @Param places a value in the URL, which a @SignedJwt does for @Unsigned"
            + " values alone; a claim takes its name from Jackson's @JsonProperty, so replace"
            + " @Param with @JsonProperty(\"...\"), or add @Unsigned",
        "String user();");
  }

  @Test
  void theAlgorithmInAHeaderMember() {
    assertOnlyError(
        jwt(EMBED, "  @JwtHeader(\"alg\") String algorithm();"),
        "Claim algorithm: the header member \"alg\" cannot be declared: alg and typ are Signet's"
            + " own; name another, such as \"kid\"",
        "String algorithm();");
  }

  @Test
  void aHeaderMemberThatIsNotAString() {
    assertOnlyError(
        jwt(EMBED, "  @JwtHeader(\"ver\") int version();"),
        "Header member ver is a string: declare it as String or Optional<String>, not int",
        "int version();");
  }

  @Test
  void twoRolesOnOneClaim() {
    assertOnlyError(
        jwt(EMBED, "  @Timestamp @JwtHeader(\"iat\") long iat();"),
        "Claim iat can be one of @Timestamp, @Expiry, @JwtHeader, @Unsigned and @JsonUnwrapped,"
            + " not several; keep one",
        "long iat();");
  }

  @Test
  void twoClaimsOfOneName() {
    assertOnlyError(
        jwt(
            EMBED,
            "  @JsonProperty(\"sub\") String user();",
            "  @JsonProperty(\"sub\") String id();"),
        "Claims user() and id() both travel as \"sub\" in the claims; rename one of them",
        "String id();");
  }

  @Test
  void aNonceOnAClaim() {
    assertOnlyError(
        jwt(EMBED, "  @Nonce(length = 8) String jti();"),
        "Claim jti: @Nonce belongs to @SignedUrl requests; a @SignedJwt has no nonce of Signet's"
            + " drawing, so remove @Nonce",
        "String jti();");
  }

  @Test
  void aClaimInTheHeaderAnUnwrappedRecordAndAConstantCompile() {
    assertThat(
            Sources.compile(
                jwt(
                    "@SignedJwt(path = \"/{path}\", token = TokenPlacement.QUERY, tokenParameter ="
                        + " \":jwt\")",
                    "  @Unsigned @Param(in = Location.PATH_SEGMENTS) String path();",
                    "  @JwtHeader(\"kid\") @JsonProperty(\"iss\") String clientId();",
                    "  @JsonUnwrapped Optional<Version> version();",
                    "  @Unsigned @Constant(\"true\") @Param(name = \":embed\") String embed();",
                    "  record Version(@JsonProperty(\"ver\") String ver) {}")))
        .succeededWithoutWarnings();
  }

  @Test
  void anUnwrappedClaimThatIsNoRecord() {
    assertOnlyError(
        jwt(EMBED, "  @JsonUnwrapped Optional<String> version();"),
        "Claim version: @JsonUnwrapped writes a record's components among the claims, so declare"
            + " it as a record or an Optional of one, not Optional<String>",
        "Optional<String> version();");
  }

  @Test
  void anUnwrappedRecordRenamedByAPrefix() {
    assertOnlyError(
        jwt(
            EMBED,
            "  @JsonUnwrapped(prefix = \"v_\") Optional<Version> version();",
            "  record Version(@JsonProperty(\"ver\") String ver) {}"),
        "Claim version: @JsonUnwrapped(prefix = ...) renames the record's claims, which Signet does"
            + " not do; name each component with @JsonProperty instead",
        "Optional<Version> version();");
  }

  @Test
  void anUnwrappedRecordTurnedOffIsOneClaim() {
    assertThat(
            Sources.compile(
                jwt(
                    EMBED,
                    "  @JsonUnwrapped(enabled = false) @JsonProperty(\"v\") Optional<Version> v();",
                    "  @JsonProperty(\"ver\") String ver();",
                    "  record Version(@JsonProperty(\"ver\") String ver) {}")))
        .succeededWithoutWarnings();
  }

  @Test
  void anUnwrappedUnsignedValue() {
    assertOnlyError(
        jwt(
            EMBED,
            "  @Unsigned @JsonUnwrapped Optional<Version> version();",
            "  record Version(@JsonProperty(\"ver\") String ver) {}"),
        "Claim version can be one of @Timestamp, @Expiry, @JwtHeader, @Unsigned and"
            + " @JsonUnwrapped, not several; keep one",
        "Optional<Version> version();");
  }

  @Test
  void anUnwrappedComponentNamedAsAnotherClaim() {
    assertOnlyError(
        jwt(
            EMBED,
            "  @JsonProperty(\"ver\") String v();",
            "  @JsonUnwrapped Optional<Version> version();",
            "  record Version(@JsonProperty(\"ver\") String ver) {}"),
        "Claims v() and version() both travel as \"ver\" in the claims; rename one of them",
        "Optional<Version> version();");
  }

  @Test
  void aClaimInTheHeaderNamedAsAnotherHeaderMember() {
    assertOnlyError(
        jwt(
            EMBED,
            "  @JwtHeader(\"kid\") String keyId();",
            "  @JwtHeader(\"kid\") @JsonProperty(\"iss\") String clientId();"),
        "Claims keyId() and clientId() both travel as \"kid\" in the header; rename one of them",
        "String clientId();");
  }

  @Test
  void aClaimInTheHeaderNamedAsAnotherClaim() {
    assertOnlyError(
        jwt(
            EMBED,
            "  @JsonProperty(\"iss\") String issuer();",
            "  @JwtHeader(\"kid\") @JsonProperty(\"iss\") String clientId();"),
        "Claims issuer() and clientId() both travel as \"iss\" in the claims; rename one of them",
        "String clientId();");
  }

  @Test
  void anOptionalConstant() {
    assertOnlyError(
        jwt(EMBED, "  @Unsigned @Constant(\"true\") Optional<String> embed();"),
        "Claim embed is a @Constant, which every request carries as given: declare it as `String"
            + " embed()`, not optional",
        "Optional<String> embed();");
  }
}
