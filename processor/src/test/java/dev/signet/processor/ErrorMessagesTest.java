package dev.signet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.signet.processor.Sources.compile;
import static dev.signet.processor.Sources.declaration;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every problem the readers report: each test declares exactly one, and checks the message's key
 * text and that it is reported on the element (type, method or annotation attribute) at fault.
 */
class ErrorMessagesTest {

  /** The nonce line most declarations need so that only the problem under test is reported. */
  private static final String NONCE = "  @Nonce(length = 32) String nonce();";

  /** Asserts that {@code message} is the only error, reported on the line holding {@code line}. */
  private static void assertOnlyError(
      Compilation compilation, JavaFileObject file, String message, String line) {
    assertError(compilation, file, message, line);
    assertThat(compilation).hadErrorCount(1);
  }

  private static void assertError(
      Compilation compilation, JavaFileObject file, String message, String line) {
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining(message).inFile(file).onLineContaining(line);
  }

  @Nested
  class Declarations {

    @ParameterizedTest
    @ValueSource(
        strings = {
          "public abstract class Login {",
          "public enum Login {",
          "public record Login(String nonce) {",
          "public @interface Login {"
        })
    void onlyInterfacesAreRequests(String typeLine) {
      JavaFileObject file = declaration("Login", "@SignedUrl(path = \"/login\")", typeLine, "}");
      assertOnlyError(
          compile(file),
          file,
          "@SignedUrl applies to interfaces: declare Login as an interface whose abstract methods"
              + " are the request's parameters",
          typeLine);
    }

    @Test
    void genericInterface() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login<T> {",
              NONCE,
              "  T user();",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "@SignedUrl interface Login must not have type parameters: a request's parameter types"
              + " are fixed; remove them and give each accessor its own type",
          "public interface Login<T> {");
    }

    @Test
    void privateNestedInterface() {
      JavaFileObject file =
          declaration(
              "Outer",
              "public class Outer {",
              "  @SignedUrl(path = \"/login\")",
              "  private interface Login {",
              "  " + NONCE,
              "  }",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "@SignedUrl interface Login must not be private (nor nested in a private type): the"
              + " generated class beside it implements it; make it package-private or public",
          "private interface Login {");
    }

    @Test
    void interfaceNestedInPrivateClass() {
      JavaFileObject file =
          declaration(
              "Outer",
              "public class Outer {",
              "  private static class Holder {",
              "    @SignedUrl(path = \"/login\")",
              "    interface Login {",
              "    " + NONCE,
              "    }",
              "  }",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "@SignedUrl interface Login must not be private (nor nested in a private type)",
          "interface Login {");
    }

    /** The paths as written in the source, which is also how the message escapes them. */
    @ParameterizedTest
    @ValueSource(strings = {"embed/login", "/a?b", "/a#b", "/a b", "/a\\tb", "/a\\nb", ""})
    void invalidPath(String path) {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(",
              "    path = \"" + path + "\",",
              "    order = Order.DECLARED)",
              "public interface Login {",
              NONCE,
              "}");
      assertOnlyError(
          compile(file),
          file,
          "path \""
              + path
              + "\" must start with / and hold only what a URL path holds"
              + " unencoded (letters, digits, -._~!$&'()*+,;=:@/ and %XX escapes), such as"
              + " \"/embed/login\"",
          "path = \"" + path + "\",");
    }

    @Test
    void emptySeparator() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(",
              "    path = \"/login\",",
              "    separator = \"\")",
              "public interface Login {",
              NONCE,
              "}");
      // Only the separator's error is pinned here; see emptySeparatorIsTheOnlyError.
      assertError(
          compile(file),
          file,
          "separator must not be empty: it is what keeps one signed value from running into the"
              + " next; leave separator out to use a line feed, the default",
          "separator = \"\")");
    }

    @Test
    void emptySeparatorIsTheOnlyError() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(",
              "    path = \"/login\",",
              "    separator = \"\")",
              "public interface Login {",
              NONCE,
              "}");
      assertOnlyError(compile(file), file, "separator must not be empty", "separator = \"\")");
    }

    @Test
    void emptySignatureParameter() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(",
              "    path = \"/login\",",
              "    signatureParameter = \"\")",
              "public interface Login {",
              NONCE,
              "}");
      assertOnlyError(
          compile(file),
          file,
          "signatureParameter must name the query parameter that carries the signature, such as"
              + " \"signature\"",
          "signatureParameter = \"\")");
    }

    /** Separators that form-encoded names and values can hold. */
    @ParameterizedTest
    @ValueSource(strings = {"+", "=", "%", ".", "*", "|=|"})
    void namesAndValuesSeparatorThatFormEncodingCanProduce(String separator) {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(",
              "    path = \"/login\",",
              "    lines = SignedLines.NAMES_AND_VALUES,",
              "    separator = \"" + separator + "\")",
              "public interface Login {",
              NONCE,
              "}");
      assertOnlyError(
          compile(file),
          file,
          "separator \""
              + separator
              + "\" can occur in form-encoded names and values, which"
              + " NAMES_AND_VALUES lines hold; use a line feed, the default",
          "separator = \"" + separator + "\")");
    }

    @Test
    void namesAndValuesSeparatorThatFormEncodingEscapes() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\", lines = SignedLines.NAMES_AND_VALUES, separator = \"|\")",
              "public interface Login {",
              NONCE,
              "  String user();",
              "}");
      assertThat(compile(file)).succeededWithoutWarnings();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void acceptedAmbiguityNeedsAReason(String reason) {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "@AcceptedAmbiguity(",
              "    reason = \"" + reason + "\")",
              "public interface Login {",
              NONCE,
              "  Optional<String> a();",
              "  Optional<String> b();",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "@AcceptedAmbiguity needs a reason: say why this scheme cannot sign names with values",
          "reason = \"" + reason + "\")");
    }

    @Test
    void acceptedAmbiguityReasonIsCheckedWhateverTheLines() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\", lines = SignedLines.NAMES_AND_VALUES)",
              "@AcceptedAmbiguity(",
              "    reason = \"\")",
              "public interface Login {",
              NONCE,
              "}");
      assertOnlyError(compile(file), file, "@AcceptedAmbiguity needs a reason", "reason = \"\")");
    }

    @Test
    void inheritedAbstractMethodIsAParameter() {
      JavaFileObject file =
          declaration(
              "Login",
              "interface Base {",
              "  String user();",
              "}",
              "",
              "@SignedUrl(path = \"/login\")",
              "public interface Login extends Base {",
              NONCE,
              "}");
      Compilation compilation = compile(file);
      assertThat(compilation).succeeded();
      assertThat(compilation)
          .generatedSourceFile("test.SignetLogin")
          .contentsAsUtf8String()
          .contains("public BuildStage user(String user) {");
    }

    @Test
    void redeclaredInheritedMethodIsAccepted() {
      JavaFileObject file =
          declaration(
              "Login",
              "interface Base {",
              "  String user();",
              "  String toString();",
              "  default String greeting() { return \"hi \" + user(); }",
              "}",
              "",
              "@SignedUrl(path = \"/login\")",
              "public interface Login extends Base {",
              "  @Override String user();",
              NONCE,
              "}");
      assertThat(compile(file)).succeeded();
    }
  }

  @Nested
  class Accessors {

    @ParameterizedTest
    @ValueSource(strings = {"String user(String prefix);", "<T> T user();"})
    void accessorWithArgumentsOrTypeParameters(String method) {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  " + method,
              "}");
      assertOnlyError(
          compile(file),
          file,
          "Parameter accessor user must take no arguments and no type parameters: declare it as"
              + " `T user();`",
          method);
    }

    @ParameterizedTest
    @ValueSource(strings = {"build", "builder", "canonicalText", "signedUrl", "requestUrl"})
    void reservedMethodNames(String name) {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  String " + name + "();",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "A parameter cannot be called "
              + name
              + "(): the generated class uses that name."
              + " Rename the method and keep the wire name with @Param(name = \""
              + name
              + "\")",
          "String " + name + "();");
    }

    @Test
    void reservedNameKeptAsWireName() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  @Param(name = \"build\") String buildNumber();",
              "}");
      assertThat(compile(file)).succeeded();
    }

    @Test
    void voidAccessor() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  void user();",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "Parameter accessor user() must return its value: declare its type, such as `String"
              + " user();`",
          "void user();");
    }

    @ParameterizedTest
    @ValueSource(strings = {"OptionalInt", "OptionalLong", "OptionalDouble"})
    void primitiveOptionals(String type) {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  @Param(name = \"n\")",
              "  " + type + " count();",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "Parameter n: declare an optional number as Optional<Integer>, or Optional<Long> (or"
              + " Optional<Double> with encoding = JSON), not "
              + type,
          type + " count();");
    }

    @Test
    void optionalOfOptional() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  Optional<Optional<String>> user();",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "Parameter user: Optional<Optional<...>> means nothing more than Optional<...>; unwrap it",
          "Optional<Optional<String>> user();");
    }

    @Test
    void rawOptionalIsNotCalledNested() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  @SuppressWarnings(\"rawtypes\") Optional user();",
              "}");
      Compilation compilation = compile(file);
      assertThat(compilation).failed();
      assertThat(compilation).hadErrorCount(1);
      assertFalse(
          compilation.errors().get(0).getMessage(null).contains("Optional<Optional"),
          compilation.errors().toString());
    }
  }

  @Nested
  class Nonces {

    @ParameterizedTest
    @ValueSource(strings = {"int nonce();", "Optional<String> nonce();", "Integer nonce();"})
    void nonceMustBeARequiredString(String method) {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              "  @Nonce(length = 32)",
              "  " + method,
              "}");
      // The declaration also gets "has no nonce": see nonceProblemsAreReportedOnce.
      assertError(
          compile(file),
          file,
          "The @Nonce parameter nonce must be declared as `String nonce()`: every request has a"
              + " nonce, and the builder draws one when none is given",
          method);
    }

    @ParameterizedTest
    @ValueSource(strings = {"PRE_ENCODED"})
    void nonceEncodingOtherThanText(String encoding) {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              "  @Param(encoding = Encoding." + encoding + ")",
              "  @Nonce(length = 32)",
              "  String nonce();",
              "}");
      assertError(
          compile(file),
          file,
          "The @Nonce parameter nonce is text, or a JSON string with encoding = JSON; remove"
              + " encoding = "
              + encoding,
          "@Param(encoding = Encoding." + encoding + ")");
    }

    @Test
    void nonceEncodingTextIsAccepted() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              "  @Param(encoding = Encoding.TEXT)",
              "  @Nonce(length = 32)",
              "  String nonce();",
              "}");
      assertThat(compile(file)).succeeded();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -4})
    void nonceLength(int length) {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              "  @Nonce(",
              "      length = " + length + ")",
              "  String nonce();",
              "}");
      assertError(
          compile(file),
          file,
          "@Nonce length must be at least 1 (Omni's, for one, is 32), not " + length,
          "length = " + length + ")");
    }

    /** The alphabets as written in the source, which is also how the message escapes them. */
    @ParameterizedTest
    @ValueSource(strings = {"z-a", "aa", "a-cb", "", "a-z\\n", "\\r"})
    void badAlphabet(String alphabet) {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              "  @Nonce(length = 32,",
              "      alphabet = \"" + alphabet + "\")",
              "  String nonce();",
              "}");
      assertError(
          compile(file),
          file,
          "@Nonce alphabet \""
              + alphabet
              + "\" must list characters and ascending ranges, each"
              + " character once, such as \"0-9A-Za-z\"; and no nonce drawn from it may hold a"
              + " line break or the separator",
          "alphabet = \"" + alphabet + "\")");
    }

    @Test
    void alphabetHoldingTheSeparator() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\", separator = \"|\")",
              "public interface Login {",
              "  @Nonce(length = 32,",
              "      alphabet = \"a-z|\")",
              "  String nonce();",
              "}");
      assertError(
          compile(file),
          file,
          "@Nonce alphabet \"a-z|\" must list characters and ascending ranges",
          "alphabet = \"a-z|\")");
    }

    @Test
    void defaultAlphabetHoldingTheSeparatorIsReportedOnTheAnnotation() {
      // The alphabet is not written, so the error goes on the @Nonce annotation itself.
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\", separator = \"Z\")",
              "public interface Login {",
              "  @Nonce(length = 32)",
              "  String nonce();",
              "}");
      assertError(
          compile(file),
          file,
          "@Nonce alphabet \"0-9A-Za-z\" must list characters and ascending ranges",
          "@Nonce(length = 32)");
    }

    @Test
    void nonceProblemsAreReportedOnce() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              "  @Nonce(length = 0)",
              "  String nonce();",
              "}");
      assertOnlyError(compile(file), file, "@Nonce length must be at least 1", "length = 0");
    }

    @Test
    void missingNonce() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              "  String user();",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "@SignedUrl Login has no nonce, so a signed URL could be replayed forever; declare one,"
              + " such as `@Nonce(length = 32) String nonce();` (or, where the vendor has none, a"
              + " @Timestamp)",
          "public interface Login {");
    }

    @Test
    void twoNonces() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  @Nonce(length = 16) String salt();",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "@SignedUrl Login already has the nonce nonce(); a request has one nonce, so remove"
              + " @Nonce from salt()",
          "String salt();");
    }
  }

  @Nested
  class Encodings {

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {"int count(); | int", "Optional<Integer> count(); | Integer"})
    void preEncodedOnNonString(String method, String typeShown) {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  @Param(encoding = Encoding.PRE_ENCODED)",
              "  " + method,
              "}");
      assertOnlyError(
          compile(file),
          file,
          "Parameter count: PRE_ENCODED applies to a String that is already URL-encoded, not to "
              + typeShown
              + "; remove the encoding or declare a String",
          "@Param(encoding = Encoding.PRE_ENCODED)");
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "Map<String, String> roles(); | Map<String,String>",
          "List<String> roles();        | List<String>",
          "Optional<Settings> roles();  | Login.Settings",
        })
    void textOnAJsonType(String method, String typeShown) {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  record Settings(boolean dark) {}",
              "  @Param(encoding = Encoding.TEXT)",
              "  " + method,
              "}");
      assertOnlyError(
          compile(file),
          file,
          "Parameter roles: TEXT cannot write "
              + typeShown
              + ", which has no single text form;"
              + " use encoding = JSON",
          "@Param(encoding = Encoding.TEXT)");
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "double ratio();           | double",
          "Object ratio();           | Object",
          "Optional<Double> ratio(); | Double",
          "BigDecimal ratio();       | BigDecimal",
          "short ratio();            | short",
          "char ratio();             | char",
          "String[] ratio();         | String[]",
        })
    void unsupportedTextType(String method, String typeShown) {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  " + method,
              "}");
      assertOnlyError(
          compile(file),
          file,
          "Parameter ratio has the unsupported type "
              + typeShown
              + ". As text a parameter can be"
              + " String, boolean, int, long or an enum; as JSON (encoding = JSON) also maps,"
              + " lists, records and numbers",
          method);
    }

    @Test
    void textTypeWithExplicitTextEncoding() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  @Param(encoding = Encoding.TEXT)",
              "  double ratio();",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "Parameter ratio has the unsupported type double.",
          "double ratio();");
    }
  }

  @Nested
  class Json {

    private JavaFileObject withMethod(String... lines) {
      String[] all = new String[lines.length + 4];
      all[0] = "@SignedUrl(path = \"/login\")";
      all[1] = "public interface Login {";
      all[2] = NONCE;
      System.arraycopy(lines, 0, all, 3, lines.length);
      all[all.length - 1] = "}";
      return declaration("Login", all);
    }

    @Test
    void mapOfObject() {
      JavaFileObject file = withMethod("  Map<String, Object> attributes();");
      assertOnlyError(
          compile(file),
          file,
          "Parameter attributes: JSON cannot write Object (in Map<String,Object>). JSON values can"
              + " be String, boolean, numbers, BigDecimal, BigInteger, enums, records, List<T>,"
              + " Map<K, V> with String or enum keys (declared as those interfaces), or a type"
              + " implementing dev.signet.runtime.JsonWritable",
          "Map<String, Object> attributes();");
    }

    @Test
    void explicitJsonOnAnUnwritableType() {
      JavaFileObject file =
          withMethod("  @Param(encoding = Encoding.JSON)", "  Optional<Object> attributes();");
      assertOnlyError(
          compile(file),
          file,
          "Parameter attributes: JSON cannot write Object. JSON values can be String",
          "Optional<Object> attributes();");
    }

    @Test
    void unwritableRecordComponent() {
      JavaFileObject file =
          withMethod("  record Settings(String theme, Object extra) {}", "  Settings settings();");
      assertOnlyError(
          compile(file),
          file,
          "Parameter settings: JSON cannot write Object (in Login.Settings).",
          "Settings settings();");
    }

    @Test
    void mapWithNonTextKeys() {
      JavaFileObject file = withMethod("  Map<Integer, String> roles();");
      assertOnlyError(
          compile(file),
          file,
          "Parameter roles: JSON object keys are text, so the keys of Map<Integer,String> must be"
              + " String or an enum, not Integer",
          "Map<Integer, String> roles();");
    }

    @Test
    void wildcardElement() {
      JavaFileObject file = withMethod("  List<? extends String> groups();");
      // Also reported: "JSON cannot write ? extends String"; see wildcardIsReportedOnce.
      assertError(
          compile(file),
          file,
          "Parameter groups: write List<? extends String> without wildcards, so that the processor"
              + " knows the JSON shape of its contents",
          "List<? extends String> groups();");
    }

    @Test
    void wildcardIsReportedOnce() {
      JavaFileObject file = withMethod("  List<? extends String> groups();");
      assertOnlyError(compile(file), file, "without wildcards", "List<? extends String> groups();");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "",
          "public static Attr fromJson(String json) { return new Attr(); }",
          "static Attr fromJson(Object json) { return new Attr(); }",
          "public Attr fromJson(Object json) { return new Attr(); }",
          "public static Object fromJson(Object json) { return new Attr(); }",
        })
    void jsonWritableThatCannotReadItselfBack(String fromJson) {
      JavaFileObject file =
          withMethod(
              "  final class Attr implements dev.signet.runtime.JsonWritable {",
              "    " + fromJson,
              "    @Override public void writeJson(StringBuilder out) { out.append('1'); }",
              "  }",
              "  Optional<Map<String, List<Attr>>> attributes();");
      assertOnlyError(
          compile(file),
          file,
          "Parameter attributes: Attr writes itself as JSON, so the verifier needs it to"
              + " read itself back: declare `public static Attr fromJson(Object json)`, taking what"
              + " dev.signet.runtime.JsonParser returns",
          "Optional<Map<String, List<Attr>>> attributes();");
    }

    @Test
    void jsonWritableThatReadsItselfBack() {
      JavaFileObject file =
          withMethod(
              "  final class Attr implements dev.signet.runtime.JsonWritable {",
              "    public static Attr fromJson(Object json) { return new Attr(); }",
              "    @Override public void writeJson(StringBuilder out) { out.append('1'); }",
              "  }",
              "  Optional<Attr> attribute();");
      assertThat(compile(file)).succeeded();
    }

    @Test
    void genericRecord() {
      JavaFileObject file = withMethod("  record Box<T>(T value) {}", "  Box<String> box();");
      assertOnlyError(
          compile(file),
          file,
          "Parameter box: JSON cannot write the generic record Box; declare a record without type"
              + " parameters",
          "Box<String> box();");
    }

    @Test
    void recordContainingItself() {
      JavaFileObject file =
          withMethod(
              "  record Node(String name, List<Node> children) {}", "  Optional<Node> tree();");
      assertOnlyError(
          compile(file),
          file,
          "Parameter tree: record Node contains itself, and JSON values here must be finite"
              + " trees; break the cycle, for instance with a type that implements"
              + " dev.signet.runtime.JsonWritable",
          "Optional<Node> tree();");
    }

    @Test
    void recordUsedTwiceIsNotRecursive() {
      JavaFileObject file =
          withMethod(
              "  record Point(int x, int y) {}",
              "  record Line(Point from, Point to) {}",
              "  Line line();");
      assertThat(compile(file)).succeeded();
    }
  }

  @Nested
  class Enums {

    @Test
    void twoConstantsShareAWireValue() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  enum Theme { @WireValue(\"dark\") DARK, @WireValue(\"dark\") NIGHT }",
              "  Theme theme();",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "Parameter theme: enum Theme gives DARK and NIGHT the same wire value \"dark\", so a"
              + " receiver could not tell them apart; give each its own @WireValue",
          "Theme theme();");
    }

    @Test
    void wireValueEqualToAnotherConstantsName() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  enum Theme { DARK, @WireValue(\"DARK\") NIGHT }",
              "  @Param(encoding = Encoding.JSON)",
              "  Optional<Theme> theme();",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "Parameter theme: enum Theme gives DARK and NIGHT the same wire value \"DARK\"",
          "Optional<Theme> theme();");
    }

    @Test
    void sharedWireValueInsideJson() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  enum Theme { @WireValue(\"dark\") DARK, @WireValue(\"dark\") NIGHT }",
              "  Map<Theme, String> themes();",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "Parameter themes: enum Theme gives DARK and NIGHT the same wire value \"dark\"",
          "Map<Theme, String> themes();");
    }

    /** The wire values as written in the source, which is also how the message escapes them. */
    @ParameterizedTest
    @ValueSource(strings = {"a\\nb", "a\\rb", ""})
    void wireValueThatIsNotOneLineOfText(String value) {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  enum Mode { PLAIN, @WireValue(\"" + value + "\") ODD }",
              "  Optional<Mode> mode();",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "Parameter mode: enum constant ODD has the wire value \""
              + value
              + "\", which must"
              + " be non-empty and hold no line break or separator; change its @WireValue",
          "Optional<Mode> mode();");
    }

    @Test
    void wireValueHoldingTheSeparator() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\", separator = \"|\")",
              "public interface Login {",
              NONCE,
              "  enum Mode { @WireValue(\"a|b\") AB }",
              "  Mode mode();",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "Parameter mode: enum constant AB has the wire value \"a|b\"",
          "Mode mode();");
    }

    @Test
    void multiLineWireValueIsFineInsideJson() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  enum Mode { @WireValue(\"a\\nb\") AB, @WireValue(\"\") EMPTY }",
              "  @Param(encoding = Encoding.JSON) Mode mode();",
              "  List<Mode> modes();",
              "}");
      assertThat(compile(file)).succeeded();
    }
  }

  /** The warnings of a SignedLines.VALUES scheme that lets a signed URL be rewritten. */
  @Nested
  class Ambiguity {
    private static final String ADVICE =
        ". If you design this scheme, sign names with values: @SignedUrl(lines ="
            + " SignedLines.NAMES_AND_VALUES). If it is a vendor's, accept it with"
            + " @AcceptedAmbiguity(reason = \"...\")";

    private void assertOnlyWarning(JavaFileObject file, String message) {
      Compilation compilation = compile(file);
      assertThat(compilation).succeeded();
      assertThat(compilation)
          .hadWarningContaining(message)
          .inFile(file)
          .onLineContaining("public interface Login {");
      assertThat(compilation).hadWarningCount(1);
    }

    @Test
    void optionalValuesThatCanMove() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  Optional<String> team();",
              "  Optional<String> user();",
              "  Optional<Boolean> admin();",
              "}");
      assertOnlyWarning(
          file,
          "@SignedUrl Login is ambiguous: optional values are signed without their names, so a"
              + " value can move to another optional parameter that signs into the same line: in"
              + " a URL where the parameters between them are absent, team=Acme can be rewritten"
              + " as user=Acme (2 more such pairs) and the signature still holds"
              + ADVICE);
    }

    @Test
    void valuesThatCannotBeConfusedAreNotReported() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  enum Mode { APP, SINGLE }",
              "  Optional<String> team();",
              "  String user();",
              "  Optional<Boolean> admin();",
              "  Optional<Integer> limit();",
              "  Optional<Mode> mode();",
              "  Optional<List<String>> groups();",
              "  Optional<Map<String, String>> roles();",
              "}");
      assertThat(compile(file)).succeededWithoutWarnings();
    }

    @Test
    void leadingWhitespaceThatTheNormalizationDrops() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\", normalization = Normalization.JAVASCRIPT_TRIM_LINES)",
              "public interface Login {",
              NONCE,
              "  String user();",
              "  Optional<String> team();",
              "}");
      assertOnlyWarning(
          file,
          "@SignedUrl Login is ambiguous: values that differ only in leading whitespace sign the"
              + " same, since the normalization drops it: team=Bob and team=%20Bob carry the same"
              + " signature, and an optional value made of whitespace signs as if it were absent"
              + " (a required value that starts with whitespace, or is only whitespace, is"
              + " refused when a request is built or verified)"
              + ADVICE);
    }

    @Test
    void requiredValuesAloneAreNotAmbiguousUnderTrimming() {
      // The builder and the verifier refuse the required values that trimming would change.
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\", normalization = Normalization.JAVASCRIPT_TRIM_LINES)",
              "public interface Login {",
              NONCE,
              "  String user();",
              "}");
      assertThat(compile(file)).succeededWithoutWarnings();
    }

    @Test
    void valuesThatCanHoldTheSeparator() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\", separator = \"|\")",
              "public interface Login {",
              "  int count();",
              "  @Param(name = \"u\") String user();",
              NONCE,
              "}");
      assertOnlyWarning(
          file,
          "@SignedUrl Login is ambiguous: values of u can contain the separator \"|\", which would"
              + " read as the boundary between two values; Signet refuses such values when it"
              + " builds a request"
              + ADVICE);
    }

    @Test
    void nonceCannotHoldTheSeparator() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\", separator = \"|\")",
              "public interface Login {",
              NONCE,
              "  int count();",
              "}");
      assertThat(compile(file)).succeededWithoutWarnings();
    }

    @Test
    void acceptedAmbiguityWithAReasonSilencesTheWarnings() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\", normalization = Normalization.JAVASCRIPT_TRIM_LINES)",
              "@AcceptedAmbiguity(reason = \"The vendor's SDK signs values alone.\")",
              "public interface Login {",
              NONCE,
              "  Optional<String> team();",
              "  Optional<String> user();",
              "}");
      assertThat(compile(file)).succeededWithoutWarnings();
    }

    @Test
    void namesAndValuesAreNotAmbiguous() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\", lines = SignedLines.NAMES_AND_VALUES,",
              "    normalization = Normalization.JAVASCRIPT_TRIM_LINES)",
              "public interface Login {",
              NONCE,
              "  Optional<String> team();",
              "  Optional<String> user();",
              "}");
      assertThat(compile(file)).succeededWithoutWarnings();
    }
  }

  @Nested
  class Names {

    @Test
    void duplicateWireNameViaParamName() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  String user();",
              "  @Param(name = \"user\")",
              "  Optional<String> login();",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "Parameters user() and login() both have the wire name \"user\"; give one of them another"
              + " @Param(name = ...)",
          "Optional<String> login();");
    }

    @Test
    void duplicateWireNameOnBothSides() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  @Param(name = \"u\") String user();",
              "  @Param(name = \"u\") String login();",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "Parameters user() and login() both have the wire name \"u\"",
          "String login();");
    }

    @Test
    void duplicateWireNameWithTheNonce() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  @Param(name = \"nonce\") String salt();",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "Parameters nonce() and salt() both have the wire name \"nonce\"",
          "String salt();");
    }

    @Test
    void wireNameEqualToTheDefaultSignatureParameter() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  String signature();",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "Parameter signature has the wire name \"signature\", which the signature uses; rename it"
              + " with @Param(name = ...) or change @SignedUrl(signatureParameter = ...)",
          "String signature();");
    }

    @Test
    void wireNameEqualToACustomSignatureParameter() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\", signatureParameter = \"sig\")",
              "public interface Login {",
              NONCE,
              "  String signature();",
              "  @Param(name = \"sig\") String token();",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "Parameter token has the wire name \"sig\", which the signature uses",
          "String token();");
    }
  }

  @Nested
  class Positions {

    @Test
    void negativePosition() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  @Param(position = -1)",
              "  String user();",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "Parameter user: position -1 must be 1 or more, or 0 for no fixed position",
          "@Param(position = -1)");
    }

    @Test
    void positionOnAnOptionalParameter() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  @Param(name = \"u\", position = 1)",
              "  Optional<String> user();",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "Parameter u is optional, so it cannot have a fixed position: when it is absent the"
              + " lines after it would move up. Make it required or remove the position",
          "@Param(name = \"u\", position = 1)");
    }

    @Test
    void duplicatePositions() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              "  @Param(position = 1) @Nonce(length = 32) String nonce();",
              "  @Param(position = 2) String user();",
              "  @Param(position = 2) String team();",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "Parameters user and team both have position 2; each position holds one parameter,"
              + " so renumber them",
          "String team();");
    }

    @Test
    void gapInPositions() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  @Param(position = 1) String user();",
              "  @Param(position = 3) String team();",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "@SignedUrl Login: positions must run 1, 2, 3… without gaps, but no parameter has"
              + " position 2; renumber the positions",
          "public interface Login {");
    }

    @Test
    void positionsNotStartingAtOne() {
      JavaFileObject file =
          declaration(
              "Login",
              "@SignedUrl(path = \"/login\")",
              "public interface Login {",
              NONCE,
              "  @Param(position = 2) String user();",
              "}");
      assertOnlyError(
          compile(file),
          file,
          "but no parameter has position 1; renumber the positions",
          "public interface Login {");
    }
  }

  @Test
  void generatedNameClash() {
    // Outer.Login and Outer_Login both become SignetOuter_Login.
    JavaFileObject nested =
        declaration(
            "Outer",
            "public class Outer {",
            "  @SignedUrl(path = \"/a\")",
            "  public interface Login {",
            "  " + NONCE,
            "  }",
            "}");
    JavaFileObject flat =
        declaration(
            "Outer_Login",
            "@SignedUrl(path = \"/b\")",
            "public interface Outer_Login {",
            NONCE,
            "}");
    Compilation compilation = compile(nested, flat);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("Signet could not write test.SignetOuter_Login");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void everyIndependentProblemIsReported() {
    JavaFileObject file =
        declaration(
            "Login",
            "@SignedUrl(",
            "    path = \"login\",",
            "    signatureParameter = \"\")",
            "public interface Login {",
            NONCE,
            "  void a();",
            "  OptionalInt b();",
            "  String build();",
            "  @Param(position = -1) String c();",
            "  double d();",
            "  @Param(name = \"e\") String e1();",
            "  @Param(name = \"e\") String e2();",
            "}");
    Compilation compilation = compile(file);
    assertThat(compilation).failed();
    assertThat(compilation)
        .hadErrorContaining("path \"login\"")
        .inFile(file)
        .onLineContaining("path = \"login\"");
    assertThat(compilation)
        .hadErrorContaining("signatureParameter must name")
        .inFile(file)
        .onLineContaining("signatureParameter = \"\"");
    assertThat(compilation)
        .hadErrorContaining("accessor a() must return")
        .inFile(file)
        .onLineContaining("void a();");
    assertThat(compilation)
        .hadErrorContaining("not OptionalInt")
        .inFile(file)
        .onLineContaining("OptionalInt b();");
    assertThat(compilation)
        .hadErrorContaining("cannot be called build()")
        .inFile(file)
        .onLineContaining("String build();");
    assertThat(compilation)
        .hadErrorContaining("position -1")
        .inFile(file)
        .onLineContaining("String c();");
    assertThat(compilation)
        .hadErrorContaining("unsupported type double")
        .inFile(file)
        .onLineContaining("double d();");
    assertThat(compilation)
        .hadErrorContaining("both have the wire name \"e\"")
        .inFile(file)
        .onLineContaining("String e2();");
    assertThat(compilation).hadErrorCount(8);
  }

  /** A declaration that uses every kind of parameter, and compiles as a careful user's would. */
  private static JavaFileObject everyKindOfParameter() {
    return declaration(
        "Login",
        "/** A login. */",
        "@SignedUrl(",
        "    path = \"/embed/login\",",
        "    order = Order.BY_NAME,",
        "    lines = SignedLines.NAMES_AND_VALUES)",
        "public interface Login {",
        "  /** Where to go. */",
        "  @Param(position = 1) String contentPath();",
        "  @Param(position = 2) @Nonce(length = 32) String nonce();",
        "  /** Retired. @deprecated use email */",
        "  @Deprecated Optional<String> mail();",
        "  Optional<String> email();",
        "  @Param(name = \"n\") int count();",
        "  long size();",
        "  Optional<Boolean> boost();",
        "  Optional<Long> limit();",
        "  @Param(encoding = Encoding.PRE_ENCODED) Optional<String> filter();",
        "  enum Mode { APP, SINGLE }",
        "  enum Theme { @WireValue(\"vibes\") VIBES, @WireValue(\"dawn\") DAWN }",
        "  Optional<Mode> mode();",
        "  Theme theme();",
        "  Optional<Map<String, String>> roles();",
        "  Optional<Map<Theme, List<Double>>> palette();",
        "  Optional<List<String>> groups();",
        "  record Settings(boolean nav, Optional<String> title, BigDecimal scale,",
        "      Map<Mode, Long> limits) {}",
        "  Optional<Settings> settings();",
        "  @Param(encoding = Encoding.JSON) Optional<String> quoted();",
        "}");
  }

  @Test
  void validDeclarationCompilesWithoutWarningsUnderWerror() {
    // -Xlint:-processing as the project's own build has it; see everyLintIncludingProcessing.
    Compilation compilation =
        Sources.javac()
            .withOptions("-Xlint:all", "-Xlint:-processing", "-Werror")
            .compile(everyKindOfParameter());
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.SignetLogin");
  }

  @Test
  void everyLintIncludingProcessing() {
    Compilation compilation =
        Sources.javac().withOptions("-Xlint:all", "-Werror").compile(everyKindOfParameter());
    assertThat(compilation).succeededWithoutWarnings();
  }
}
