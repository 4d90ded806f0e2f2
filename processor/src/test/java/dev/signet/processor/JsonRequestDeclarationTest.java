package dev.signet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.signet.processor.JsonSources.declaration;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every problem the {@code @JsonRequest} reader reports: each test declares exactly one, and checks
 * the message and the line it is reported on.
 */
class JsonRequestDeclarationTest {
  private static final String REQUEST = "@JsonRequest(path = \"/api/token\")";

  private static Compilation compile(JavaFileObject... files) {
    return Compiler.javac().withProcessors(new SignetProcessor()).compile(files);
  }

  private static void assertOnlyError(JavaFileObject file, String message, String line) {
    Compilation compilation = compile(file);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(message).inFile(file).onLineContaining(line);
    assertThat(compilation).hadErrorCount(1);
  }

  /** A request with one field, {@code lines}, besides a harmless {@code String user()}. */
  private static JavaFileObject request(String... lines) {
    String[] all = new String[lines.length + 4];
    all[0] = REQUEST;
    all[1] = "public interface Token {";
    all[2] = "  String user();";
    System.arraycopy(lines, 0, all, 3, lines.length);
    all[all.length - 1] = "}";
    return declaration("Token", all);
  }

  @Test
  void aValidRequestCompilesWithoutWarnings() {
    JavaFileObject file =
        declaration(
            "Token",
            REQUEST,
            "@JsonInclude(JsonInclude.Include.NON_ABSENT)",
            "public interface Token {",
            "  @Header(value = \"Authorization\", prefix = \"Bearer \") @Redacted String apiKey();",
            "  @JsonProperty(\"api_secret\") @Redacted String apiSecret();",
            "  @JsonProperty(\"user_id\") String userId();",
            "  @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> groups();",
            "  Optional<Long> expiresIn();",
            "  @UrlEncodedJson Optional<Map<String, Double>> weights();",
            "  Optional<Boolean> flag();",
            "  double ratio();",
            "}");
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new SignetProcessor())
            .withOptions("-Xlint:all", "-Xlint:-processing", "-Werror")
            .compile(file);
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.SignetToken");
  }

  @Test
  void aMissingRequiredFieldDoesNotCompile() {
    JavaFileObject file =
        declaration(
            "Token",
            REQUEST,
            "public interface Token {",
            "  String user();",
            "  String team();",
            "  Optional<String> note();",
            "}");
    JavaFileObject use =
        declaration(
            "Use",
            "class Use {",
            "  Object complete() { return SignetToken.builder().user(\"u\").team(\"t\").build(); }",
            "  Object incomplete() { return SignetToken.builder().user(\"u\").note(\"n\").build(); }",
            "}");
    Compilation compilation = compile(file, use);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("cannot find symbol")
        .inFile(use)
        .onLineContaining("Object incomplete()");
    assertThat(compilation).hadErrorCount(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"public abstract class Token {", "public record Token(String user) {"})
  void onlyInterfacesAreRequests(String typeLine) {
    JavaFileObject file = declaration("Token", REQUEST, typeLine, "}");
    assertOnlyError(
        file,
        "@JsonRequest applies to interfaces: declare Token as an interface whose abstract methods"
            + " are the request's fields",
        typeLine);
  }

  @Test
  void notAlsoASignedUrl() {
    JavaFileObject file =
        declaration(
            "Token",
            "@SignedUrl(path = \"/login\")",
            REQUEST,
            "public interface Token {",
            "  @Nonce(length = 32) String nonce();",
            "}");
    assertOnlyError(
        file,
        "@SignedUrl and @JsonRequest both generate SignetToken: a type declares one kind of"
            + " request; declare one type for each",
        "public interface Token {");
  }

  @Test
  void genericInterface() {
    JavaFileObject file =
        declaration("Token", REQUEST, "public interface Token<T> {", "  T user();", "}");
    assertOnlyError(
        file,
        "@JsonRequest interface Token must not have type parameters",
        "public interface Token<T> {");
  }

  @Test
  void privateNestedInterface() {
    JavaFileObject file =
        declaration(
            "Outer",
            "public class Outer {",
            "  " + REQUEST,
            "  private interface Token {",
            "    String user();",
            "  }",
            "}");
    assertOnlyError(
        file,
        "@JsonRequest interface Token must not be private (nor nested in a private type)",
        "private interface Token {");
  }

  @ParameterizedTest
  @ValueSource(strings = {"GET", "post", "DELETE", ""})
  void methodWithoutABody(String method) {
    JavaFileObject file =
        declaration(
            "Token",
            "@JsonRequest(method = \"" + method + "\", path = \"/api/token\")",
            "public interface Token {",
            "  String user();",
            "}");
    assertOnlyError(
        file,
        "method \""
            + method
            + "\" must be POST, PUT or PATCH (in upper case): the methods that"
            + " carry a JSON body",
        "@JsonRequest(method");
  }

  @ParameterizedTest
  @ValueSource(strings = {"api/token", "/api/token?x=1", "/api token", ""})
  void badPath(String path) {
    JavaFileObject file =
        declaration(
            "Token",
            "@JsonRequest(path = \"" + path + "\")",
            "public interface Token {",
            "  String user();",
            "}");
    assertOnlyError(
        file, "path \"" + path + "\" must start with / and hold no ?, #, spaces", "@JsonRequest(");
  }

  @Test
  void accessorWithArguments() {
    assertOnlyError(
        request("  String team(int index);"),
        "Field accessor team must take no arguments and no type parameters",
        "String team(int index);");
  }

  @ParameterizedTest
  @ValueSource(strings = {"body", "headers", "method", "path", "redact", "builder", "build"})
  void reservedNames(String name) {
    assertOnlyError(
        request("  String " + name + "();"),
        "A field cannot be called "
            + name
            + "(): the generated class uses that name. Rename the"
            + " method and keep the JSON name with @JsonProperty(\""
            + name
            + "\")",
        "String " + name + "();");
  }

  @Test
  void voidAccessor() {
    assertOnlyError(
        request("  void team();"),
        "Field accessor team() must return its value: declare its type, such as `String team();`",
        "void team();");
  }

  @Test
  void signedUrlAnnotations() {
    assertOnlyError(
        request("  @Param(name = \"t\") String team();"),
        "Field team: @Param belongs to @SignedUrl requests; a @JsonRequest field takes its JSON"
            + " name from Jackson's @JsonProperty, so replace @Param with @JsonProperty(\"...\")",
        "String team();");
  }

  @Test
  void primitiveOptional() {
    assertOnlyError(
        request("  OptionalInt limit();"),
        "Field limit: declare an optional number as Optional<Integer>, Optional<Long> or"
            + " Optional<Double>, not OptionalInt",
        "OptionalInt limit();");
  }

  @Test
  void optionalOfOptional() {
    assertOnlyError(
        request("  Optional<Optional<String>> team();"),
        "Field team: Optional<Optional<...>> means nothing more than Optional<...>; unwrap it",
        "Optional<Optional<String>> team();");
  }

  @Test
  void redactedNonString() {
    assertOnlyError(
        request("  @Redacted List<String> keys();"),
        "Field keys: @Redacted applies to String fields, whose text can be kept out of messages,"
            + " not to List<String>; remove @Redacted or declare the field as String",
        "List<String> keys();");
  }

  @Test
  void jsonIgnored() {
    assertOnlyError(
        request("  @JsonIgnore String team();"),
        "Field team is @JsonIgnore'd, so a Jackson mapper would leave it out, but Signet sends"
            + " every field; remove the method or the annotation",
        "String team();");
  }

  @Test
  void urlEncodedJsonOnText() {
    assertOnlyError(
        request("  @UrlEncodedJson String team();"),
        "Field team: @UrlEncodedJson applies to JSON-valued fields (maps, lists, records,"
            + " JsonWritable types), not to String; remove @UrlEncodedJson",
        "String team();");
  }

  @Test
  void typeJsonCannotWrite() {
    assertOnlyError(
        request("  Instant when();"), "Field when: JSON cannot write Instant", "Instant when();");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Bad Header", "X-Key:", ""})
  void headerNameThatIsNoToken(String name) {
    assertOnlyError(
        request("  @Header(\"" + name + "\") String key();"),
        "Field key: \""
            + name
            + "\" is not a header name: use letters, digits and"
            + " !#$%&'*+-.^_`|~, such as \"Authorization\"",
        "String key();");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Content-Type", "accept"})
  void headerTheRequestSets(String name) {
    assertOnlyError(
        request("  @Header(\"" + name + "\") String key();"),
        "Header "
            + name
            + " cannot be declared: the generated request sends it as"
            + " application/json; remove the field key()",
        "String key();");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Host", "Content-Length", "connection", "Expect", "Upgrade"})
  void headerTheClientSets(String name) {
    assertOnlyError(
        request("  @Header(\"" + name + "\") String key();"),
        "Header " + name + " cannot be declared: the HTTP client sets it; remove the field key()",
        "String key();");
  }

  @Test
  void headerPrefixWithALineBreak() {
    assertOnlyError(
        request("  @Header(value = \"X-Key\", prefix = \"Key\\n\") String key();"),
        "Header X-Key: the prefix \"Key\\n\" must be printable ASCII, such as \"Bearer \"",
        "String key();");
  }

  @Test
  void headerThatIsNotText() {
    assertOnlyError(
        request("  @Header(\"X-Count\") Optional<Integer> count();"),
        "Header X-Count is sent as text: declare its field as String or Optional<String>, not"
            + " Integer",
        "Optional<Integer> count();");
  }

  @Test
  void headerWithAJsonName() {
    assertOnlyError(
        request("  @Header(\"X-Key\") @JsonProperty(\"key\") String key();"),
        "Header X-Key is not part of the JSON body, but @JsonProperty would make a Jackson mapper"
            + " write it there; remove @JsonProperty",
        "String key();");
  }

  @Test
  void headerUrlEncoded() {
    assertOnlyError(
        request("  @Header(\"X-Key\") @UrlEncodedJson String key();"),
        "Header X-Key: @UrlEncodedJson applies to members of the JSON body; remove"
            + " @UrlEncodedJson",
        "String key();");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "@Header(\"Authorization\")",
        "@Header(value = \"X-Auth\", prefix = \"Bearer \")",
        "@Header(\"X-API-Key\")"
      })
  void credentialHeaderNotRedacted(String header) {
    assertOnlyError(
        request("  " + header + " String key();"),
        "carries a credential: mark its field @Redacted, so that it stays out of toString() and"
            + " error messages",
        "String key();");
  }

  @Test
  void unsupportedInclusion() {
    JavaFileObject file =
        declaration(
            "Token",
            REQUEST,
            "@JsonInclude(JsonInclude.Include.NON_DEFAULT)",
            "public interface Token {",
            "  Optional<String> team();",
            "}");
    assertOnlyError(
        file,
        "@JsonInclude(NON_DEFAULT) is not supported: use ALWAYS, NON_NULL, NON_ABSENT (leave out"
            + " absent optionals) or NON_EMPTY (also empty strings, lists and maps)",
        "@JsonInclude(JsonInclude.Include.NON_DEFAULT)");
  }

  @Test
  void unsupportedContentInclusion() {
    assertOnlyError(
        request(
            "  @JsonInclude(content = JsonInclude.Include.NON_NULL)",
            "  Optional<Map<String, String>> labels();"),
        "@JsonInclude(content = NON_NULL) is not supported: Signet writes the contents of lists"
            + " and maps as they are; remove content = NON_NULL",
        "@JsonInclude(content = JsonInclude.Include.NON_NULL)");
  }

  @Test
  void twoFieldsWithOneJsonName() {
    assertOnlyError(
        request("  @JsonProperty(\"user\") String userName();"),
        "Fields user() and userName() both have the JSON name \"user\"; give one of them another"
            + " @JsonProperty",
        "String userName();");
  }

  @Test
  void twoFieldsWithOneHeader() {
    assertOnlyError(
        request(
            "  @Header(\"X-Team\") String team();",
            "  @Header(\"x-team\") Optional<String> otherTeam();"),
        "Fields team() and otherTeam() both are sent as the header x-team; a header is sent"
            + " once, so remove one of them",
        "Optional<String> otherTeam();");
  }

  @Test
  void inheritedFieldIsAField() {
    JavaFileObject base = declaration("Base", "public interface Base {", "  String team();", "}");
    JavaFileObject file =
        declaration(
            "Token", REQUEST, "public interface Token extends Base {", "  String user();", "}");
    Compilation compilation = compile(base, file);
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .generatedSourceFile("test.SignetToken")
        .contentsAsUtf8String()
        .contains("It asks for the required fields in this order: team, user.");
  }
}
