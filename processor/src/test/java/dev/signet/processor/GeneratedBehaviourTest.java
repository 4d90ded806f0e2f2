package dev.signet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.signet.processor.GeneratedClasses.call;
import static dev.signet.processor.GeneratedClasses.callStatic;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.Origin;
import dev.signet.runtime.Secret;
import dev.signet.runtime.Verification;
import dev.signet.runtime.Verifier;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Compiles declarations, loads the generated classes and drives them by reflection: what they sign,
 * what they send and what they refuse, checked against an independent computation.
 */
class GeneratedBehaviourTest {
  private static final Origin ORIGIN = Origin.https("acme.example.com");
  private static final String SECRET = "s3cr3t-k3y-do-not-print";
  private static final Class<?>[] NONE = {};

  private static Class<?> login;
  private static Class<?> theme;

  @BeforeAll
  static void compileLogin() {
    GeneratedClasses classes =
        GeneratedClasses.of(
            Sources.compile(
                Sources.declaration(
                    "Login",
                    "@SignedUrl(path = \"/embed/login\", order = Order.BY_NAME)",
                    "public interface Login {",
                    "  @Param(position = 1) String contentPath();",
                    "  @Param(position = 2) @Nonce(length = 8, alphabet = \"0-9a-f\") String nonce();",
                    "  @Param(name = \"external_id\") String externalId();",
                    "  int count();",
                    "  Optional<String> email();",
                    "  Optional<Boolean> boost();",
                    "  @Param(encoding = Encoding.PRE_ENCODED) Optional<String> filter();",
                    "  Optional<Map<String, String>> roles();",
                    "  Optional<List<String>> groups();",
                    "  enum Theme { @WireValue(\"vibes\") VIBES, DAWN }",
                    "  Optional<Theme> theme();",
                    "}")));
    login = classes.load("test.SignetLogin");
    theme = classes.load("test.Login$Theme");
  }

  // ---- driving a generated builder

  /** A builder of a generated class, one call at a time. */
  private static final class Steps {
    private Object stage;

    Steps(Class<?> generated) {
      stage = callStatic(generated, "builder", NONE);
    }

    Steps set(String setter, Class<?> type, Object value) {
      stage = call(stage, setter, new Class<?>[] {type}, value);
      return this;
    }

    Object build() {
      return call(stage, "build", NONE);
    }
  }

  private static String canonicalText(Object request, Origin origin) {
    return (String) call(request, "canonicalText", new Class<?>[] {Origin.class}, origin);
  }

  private static String signedUrl(Object request, Origin origin, String secret) {
    return (String)
        call(
            request,
            "signedUrl",
            new Class<?>[] {Origin.class, Secret.class},
            origin,
            Secret.ofUtf8(secret));
  }

  private static Object get(Object request, String accessor) {
    return call(request, accessor, NONE);
  }

  private static Object constant(Class<?> enumType, String name) {
    return Arrays.stream(enumType.getEnumConstants())
        .filter(c -> ((Enum<?>) c).name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  /** The required parameters of a login. */
  private static Steps login() {
    return loginWith("", null);
  }

  /**
   * The required parameters of a login, {@code setter} given {@code value} instead: each step asks
   * for its own parameter once.
   */
  private static Steps loginWith(String setter, Object value) {
    return new Steps(login)
        .set(
            "contentPath", String.class, setter.equals("contentPath") ? value : "/dashboards/abc 1")
        .set("externalId", String.class, setter.equals("externalId") ? value : "user-7@example.com")
        .set("count", int.class, setter.equals("count") ? value : 42);
  }

  private static Steps fullLogin() {
    return fullLoginWith("", null);
  }

  private static Steps fullLoginWith(String setter, Object value) {
    Map<String, String> roles = new LinkedHashMap<>();
    roles.put("conn-1", "VIEWER");
    roles.put("b", "Q\"uote");
    return loginWith(setter, value)
        .set("nonce", String.class, "0123abcd")
        .set("email", String.class, "ana+test@example.com")
        .set("boost", boolean.class, true)
        .set("filter", String.class, "f%3Dx%20y")
        .set("roles", Map.class, roles)
        .set("groups", List.class, List.of("g1", "ü"))
        .set("theme", theme, constant(theme, "VIBES"));
  }

  // ---- the independent computation of what must be signed and sent

  private static byte[] hmac(String jcaName, String secret, String text) {
    try {
      Mac mac = Mac.getInstance(jcaName);
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), jcaName));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new AssertionError(e);
    }
  }

  /** {@code base?name=value&...}, each name and value form-encoded as a browser does. */
  private static String url(String base, String... namesAndValues) {
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      pairs.add(
          URLEncoder.encode(namesAndValues[i], StandardCharsets.UTF_8)
              + "="
              + URLEncoder.encode(namesAndValues[i + 1], StandardCharsets.UTF_8));
    }
    return base + "?" + String.join("&", pairs);
  }

  private static void assertRefused(String parameter, Executable executable) {
    InvalidParameterException refused = assertThrows(InvalidParameterException.class, executable);
    assertEquals(parameter, refused.parameter(), refused.getMessage());
  }

  // ---- signing

  @Test
  void signsTheExpectedTextAndUrl() {
    Object request = fullLogin().build();
    String expectedText =
        String.join(
            "\n",
            "https://acme.example.com/embed/login",
            "/dashboards/abc 1",
            "0123abcd",
            // then by wire name: boost, count, email, external_id, filter, groups, roles, theme
            "true",
            "42",
            "ana+test@example.com",
            "user-7@example.com",
            "f%3Dx%20y",
            "[\"g1\",\"ü\"]",
            "{\"conn-1\":\"VIEWER\",\"b\":\"Q\\\"uote\"}",
            "vibes");
    assertEquals(expectedText, canonicalText(request, ORIGIN));

    String signature =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(hmac("HmacSHA256", SECRET, expectedText));
    String expectedUrl =
        url(
            "https://acme.example.com/embed/login",
            "contentPath",
            "/dashboards/abc 1",
            "nonce",
            "0123abcd",
            "boost",
            "true",
            "count",
            "42",
            "email",
            "ana+test@example.com",
            "external_id",
            "user-7@example.com",
            "filter",
            "f%3Dx%20y",
            "groups",
            "[\"g1\",\"ü\"]",
            "roles",
            "{\"conn-1\":\"VIEWER\",\"b\":\"Q\\\"uote\"}",
            "theme",
            "vibes",
            "signature",
            signature);
    assertEquals(expectedUrl, signedUrl(request, ORIGIN, SECRET));
  }

  @Test
  void requestUrlAndPath() {
    assertEquals(
        "https://acme.example.com:8443/embed/login",
        callStatic(
            login,
            "requestUrl",
            new Class<?>[] {Origin.class},
            Origin.https("ACME.example.com", 8443)));
    Object request = login().set("nonce", String.class, "0123abcd").build();
    assertEquals(
        "https://acme.example.com:8443/embed/login\n/dashboards/abc 1\n0123abcd\n42\nuser-7@example.com",
        canonicalText(request, Origin.https("acme.example.com", 8443)));
  }

  @Test
  void absentOptionalsAreLeftOut() {
    Object request =
        login()
            .set("nonce", String.class, "0123abcd")
            .set("email", String.class, "")
            .set("filter", Optional.class, Optional.empty())
            .set("theme", Optional.class, Optional.empty())
            .build();
    String expectedText =
        "https://acme.example.com/embed/login\n/dashboards/abc 1\n0123abcd\n42\nuser-7@example.com";
    assertEquals(expectedText, canonicalText(request, ORIGIN));
    String signature =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(hmac("HmacSHA256", SECRET, expectedText));
    assertEquals(
        url(
            "https://acme.example.com/embed/login",
            "contentPath",
            "/dashboards/abc 1",
            "nonce",
            "0123abcd",
            "count",
            "42",
            "external_id",
            "user-7@example.com",
            "signature",
            signature),
        signedUrl(request, ORIGIN, SECRET));
    // An empty optional string is absent, not present and empty.
    assertEquals(Optional.empty(), get(request, "email"));
    assertEquals(Optional.empty(), get(request, "filter"));
    assertEquals(Optional.empty(), get(request, "boost"));
  }

  @Test
  void optionalSettersTakeOptionals() {
    Object request =
        login()
            .set("nonce", String.class, "0123abcd")
            .set("email", Optional.class, Optional.of("a@b.c"))
            .set("boost", Optional.class, Optional.of(false))
            .set("theme", Optional.class, Optional.of(constant(theme, "DAWN")))
            .build();
    assertEquals(Optional.of("a@b.c"), get(request, "email"));
    assertEquals(Optional.of(false), get(request, "boost"));
    assertTrue(
        canonicalText(request, ORIGIN).endsWith("\nfalse\n42\na@b.c\nuser-7@example.com\nDAWN"));
  }

  @Test
  void accessorsReturnWhatWasGiven() {
    Object request = fullLogin().build();
    assertEquals("/dashboards/abc 1", get(request, "contentPath"));
    assertEquals("user-7@example.com", get(request, "externalId"));
    assertEquals(42, get(request, "count"));
    assertEquals("0123abcd", get(request, "nonce"));
    assertEquals(Optional.of(true), get(request, "boost"));
    assertEquals(Optional.of(List.of("g1", "ü")), get(request, "groups"));
    assertEquals(Optional.of(constant(theme, "VIBES")), get(request, "theme"));
  }

  @Test
  void collectionsAreCopiedAndUnmodifiable() {
    Map<String, String> roles = new LinkedHashMap<>(Map.of("c", "VIEWER"));
    List<String> groups = new ArrayList<>(List.of("g"));
    Object request =
        login()
            .set("nonce", String.class, "0123abcd")
            .set("roles", Map.class, roles)
            .set("groups", List.class, groups)
            .build();
    String before = canonicalText(request, ORIGIN);
    roles.put("d", "EDITOR");
    groups.add("h");
    assertEquals(before, canonicalText(request, ORIGIN));
    Map<?, ?> kept = (Map<?, ?>) ((Optional<?>) get(request, "roles")).orElseThrow();
    assertEquals(Map.of("c", "VIEWER"), kept);
    assertThrows(UnsupportedOperationException.class, kept::clear);
  }

  @Test
  void jsonValuesMayHoldLineBreaksEscaped() {
    Object request =
        login()
            .set("nonce", String.class, "0123abcd")
            .set("roles", Map.class, Map.of("k", "two\nlines"))
            .build();
    assertTrue(
        canonicalText(request, ORIGIN).endsWith("\n{\"k\":\"two\\nlines\"}"),
        canonicalText(request, ORIGIN));
  }

  // ---- refusals, each naming the wire name

  @Test
  void refusesLineBreaks() {
    assertRefused("contentPath", () -> loginWith("contentPath", "a\nb").build());
    assertRefused("contentPath", () -> loginWith("contentPath", "a\rb").build());
    assertRefused("external_id", () -> loginWith("externalId", "a\r\nb").build());
    assertRefused("email", () -> login().set("email", String.class, "a@b.c\n").build());
    assertRefused("filter", () -> login().set("filter", String.class, "%41\n").build());
  }

  @Test
  void refusesUnpairedSurrogates() {
    assertRefused("external_id", () -> loginWith("externalId", "a\uD800").build());
  }

  @Test
  void refusesEmptyRequiredStrings() {
    assertRefused("contentPath", () -> loginWith("contentPath", "").build());
    assertRefused("external_id", () -> loginWith("externalId", "").build());
  }

  @Test
  void refusesNullsWhenSet() {
    assertRefused("contentPath", () -> new Steps(login).set("contentPath", String.class, null));
    assertRefused("email", () -> login().set("email", String.class, null));
    assertRefused("nonce", () -> login().set("nonce", String.class, null));
  }

  @Test
  void refusesNoncesOfTheWrongShape() {
    assertRefused("nonce", () -> login().set("nonce", String.class, "0123abc").build());
    assertRefused("nonce", () -> login().set("nonce", String.class, "0123abcde").build());
    assertRefused("nonce", () -> login().set("nonce", String.class, "").build());
    assertRefused("nonce", () -> login().set("nonce", String.class, "0123abcZ").build());
    assertRefused("nonce", () -> login().set("nonce", String.class, "0123abc\n").build());
  }

  @Test
  void refusesMalformedPreEncodedValues() {
    for (String value : List.of("50%", "%zz", "%4", "a%g0")) {
      assertRefused("filter", () -> login().set("filter", String.class, value).build());
    }
    Object accepted = login().set("filter", String.class, "a%2Fb%c3%A9").build();
    assertEquals(Optional.of("a%2Fb%c3%A9"), get(accepted, "filter"));
  }

  // ---- nonces

  @Test
  void drawnNoncesHaveTheDeclaredShape() {
    Set<Object> nonces = new HashSet<>();
    for (int i = 0; i < 20; i++) {
      Object request = login().build();
      String nonce = (String) get(request, "nonce");
      assertTrue(nonce.matches("[0-9a-f]{8}"), nonce);
      assertEquals(nonce, canonicalText(request, ORIGIN).split("\n")[2]);
      nonces.add(nonce);
    }
    assertTrue(nonces.size() > 1, "20 drawn nonces were all " + nonces);
  }

  // ---- Object methods

  @Test
  void toStringShowsTheSignedValuesAndNoSecret() {
    Object request = fullLogin().build();
    signedUrl(request, ORIGIN, SECRET);
    String text = request.toString();
    assertFalse(text.contains(SECRET), text);
    assertEquals(
        "SignetLogin{contentPath=/dashboards/abc 1, nonce=0123abcd, boost=true, count=42,"
            + " email=ana+test@example.com, external_id=user-7@example.com, filter=f%3Dx%20y,"
            + " groups=[\"g1\",\"ü\"], roles={\"conn-1\":\"VIEWER\",\"b\":\"Q\\\"uote\"},"
            + " theme=vibes}",
        text);
  }

  @Test
  void equalsAndHashCode() {
    Object request = fullLogin().build();
    Object same = fullLogin().build();
    assertEquals(request, same);
    assertEquals(same, request);
    assertEquals(request.hashCode(), same.hashCode());
    assertEquals(request, request);
    assertNotEquals(request, null);
    assertNotEquals(request, "SignetLogin");

    assertNotEquals(request, fullLogin().set("nonce", String.class, "0123abce").build());
    assertNotEquals(request, fullLoginWith("count", 43).build());
    assertNotEquals(request, fullLogin().set("boost", boolean.class, false).build());
    assertNotEquals(request, fullLogin().set("email", Optional.class, Optional.empty()).build());
    assertNotEquals(request, fullLogin().set("theme", theme, constant(theme, "DAWN")).build());
    // Equal contents in another kind of map are equal.
    Object withHashMap =
        fullLogin().set("roles", Map.class, new HashMap<>(Map.of("conn-1", "VIEWER"))).build();
    Object withTreeMap =
        fullLogin().set("roles", Map.class, new TreeMap<>(Map.of("conn-1", "VIEWER"))).build();
    assertEquals(withHashMap, withTreeMap);
    assertEquals(withHashMap.hashCode(), withTreeMap.hashCode());
  }

  // ---- the generated verifier

  private static Verifier<?> verifier(Class<?> generated, Origin origin, String secret) {
    return (Verifier<?>)
        callStatic(
            generated,
            "verifier",
            new Class<?>[] {Origin.class, Secret.class},
            origin,
            Secret.ofUtf8(secret));
  }

  @Test
  void theGeneratedVerifierAcceptsWhatWasSignedOnce() {
    Object request = fullLogin().build();
    String url = signedUrl(request, ORIGIN, SECRET);
    Verifier<?> verifier = verifier(login, ORIGIN, SECRET);

    Verification<?> verified = verifier.verifyUrl(url);
    assertTrue(verified.isVerified(), verified.toString());
    assertEquals(Optional.of(request), verified.request().map(Object.class::cast));

    Verification<?> replayed = verifier.verifyUrl(url);
    assertFalse(replayed.isVerified(), "a replay was accepted");
  }

  @Test
  void theGeneratedVerifierRefusesTamperingAndOtherSecrets() {
    String url = signedUrl(fullLogin().build(), ORIGIN, SECRET);
    assertTrue(url.contains("&count=42&"), url);
    String tampered = url.replace("&count=42&", "&count=43&");
    Verification<?> verification = verifier(login, ORIGIN, SECRET).verifyUrl(tampered);
    assertFalse(verification.isVerified(), verification.toString());

    Verification<?> otherSecret =
        verifier(login, ORIGIN, "another secret")
            .verifyUrl(signedUrl(fullLogin().build(), ORIGIN, SECRET));
    assertFalse(otherSecret.isVerified(), otherSecret.toString());
  }

  // ---- other attributes: DECLARED order, normalization, separators, digests

  @Nested
  class Attributes {

    @Test
    void declaredOrderJavascriptTrimSha512Hex() {
      GeneratedClasses classes =
          GeneratedClasses.of(
              Sources.compile(
                  Sources.declaration(
                      "Embed",
                      "import dev.signet.annotations.Algorithm;",
                      "import dev.signet.annotations.DigestEncoding;",
                      "import dev.signet.annotations.Normalization;",
                      "@SignedUrl(",
                      "    path = \"/v2/embed\",",
                      "    signatureParameter = \"sig\",",
                      "    normalization = Normalization.JAVASCRIPT_TRIM_LINES,",
                      "    algorithm = Algorithm.HMAC_SHA512,",
                      "    digest = DigestEncoding.HEX)",
                      "public interface Embed {",
                      "  String user();",
                      "  Optional<String> note();",
                      "  @Nonce(length = 4, alphabet = \"a-f\") String nonce();",
                      "  long size();",
                      "}")));
      Object request =
          new Steps(classes.load("test.SignetEmbed"))
              .set("user", String.class, "ana ")
              .set("size", long.class, 9_000_000_000L)
              .set("note", String.class, " \u00a0hello")
              .set("nonce", String.class, "abcd")
              .build();
      Origin origin = Origin.https("h.example", 8443);
      // Declared order; whitespace after each line feed is dropped, as Omni's SDK does.
      String expectedText = "https://h.example:8443/v2/embed\nana \nhello\nabcd\n9000000000";
      assertEquals(expectedText, canonicalText(request, origin));
      // A required value whose leading whitespace would be dropped, or that would vanish, is
      // refused.
      for (String user : new String[] {"  ana ", " \u00a0"}) {
        assertRefused(
            "user",
            () ->
                new Steps(classes.load("test.SignetEmbed"))
                    .set("user", String.class, user)
                    .set("size", long.class, 1L)
                    .set("nonce", String.class, "abcd")
                    .build());
      }
      assertEquals(
          url(
              "https://h.example:8443/v2/embed",
              "user",
              "ana ",
              "note",
              " \u00a0hello",
              "nonce",
              "abcd",
              "size",
              "9000000000",
              "sig",
              HexFormat.of().formatHex(hmac("HmacSHA512", SECRET, expectedText))),
          signedUrl(request, origin, SECRET));
    }

    @Test
    void namesAndValuesSignFormEncodedPairs() {
      GeneratedClasses classes =
          GeneratedClasses.of(
              Sources.compile(
                  Sources.declaration(
                      "Pairs",
                      "@SignedUrl(path = \"/pairs\", lines = SignedLines.NAMES_AND_VALUES,",
                      "    order = Order.BY_NAME)",
                      "public interface Pairs {",
                      "  @Param(name = \"user name\") String user();",
                      "  Optional<String> note();",
                      "  Optional<List<String>> tags();",
                      "  @Nonce(length = 4, alphabet = \"a-f\") String nonce();",
                      "}")));
      Class<?> pairs = classes.load("test.SignetPairs");
      Object request =
          new Steps(pairs)
              .set("user", String.class, "Ana Lee")
              // A line break is fine here: the value is form-encoded on its line.
              .set("note", String.class, "two\nlines & more")
              .set("tags", List.class, List.of("a=b"))
              .set("nonce", String.class, "abcd")
              .build();
      String expectedText =
          String.join(
              "\n",
              "https://acme.example.com/pairs",
              "nonce=abcd",
              "note=two%0Alines+%26+more",
              "tags=%5B%22a%3Db%22%5D",
              "user+name=Ana+Lee");
      assertEquals(expectedText, canonicalText(request, ORIGIN));
      assertEquals(
          url(
              "https://acme.example.com/pairs",
              "nonce",
              "abcd",
              "note",
              "two\nlines & more",
              "tags",
              "[\"a=b\"]",
              "user name",
              "Ana Lee",
              "signature",
              Base64.getUrlEncoder()
                  .withoutPadding()
                  .encodeToString(hmac("HmacSHA256", SECRET, expectedText))),
          signedUrl(request, ORIGIN, SECRET));
      assertRefused(
          "user name", () -> new Steps(pairs).set("user", String.class, "\uDC00").build());
      Verification<?> verified =
          verifier(pairs, ORIGIN, SECRET).verifyUrl(signedUrl(request, ORIGIN, SECRET));
      assertTrue(verified.isVerified(), verified.toString());
    }

    @Test
    void customSeparatorSha1PaddedBase64() {
      GeneratedClasses classes =
          GeneratedClasses.of(
              Sources.compile(
                  Sources.declaration(
                      "Pipe",
                      "import dev.signet.annotations.Algorithm;",
                      "import dev.signet.annotations.DigestEncoding;",
                      "@SignedUrl(path = \"/p\", separator = \"|\", algorithm = Algorithm.HMAC_SHA1,",
                      "    digest = DigestEncoding.BASE64)",
                      "public interface Pipe {",
                      "  String a();",
                      "  @Nonce(length = 3, alphabet = \"xyz\") String n();",
                      "}")));
      Class<?> pipe = classes.load("test.SignetPipe");
      String secret = "k";
      // Enough values that some padded signatures hold a + or a /, which the URL must escape.
      boolean sawPlusOrSlash = false;
      for (int i = 0; i < 50; i++) {
        Object request =
            new Steps(pipe)
                .set("a", String.class, "hello world " + i)
                .set("n", String.class, "xyz")
                .build();
        String expectedText = "https://h.example/p|hello world " + i + "|xyz";
        assertEquals(expectedText, canonicalText(request, Origin.https("h.example")));
        String signature =
            Base64.getEncoder().encodeToString(hmac("HmacSHA1", secret, expectedText));
        assertTrue(signature.endsWith("="), signature);
        sawPlusOrSlash |= signature.contains("+") || signature.contains("/");
        assertEquals(
            url("https://h.example/p", "a", "hello world " + i, "n", "xyz", "signature", signature),
            signedUrl(request, Origin.https("h.example"), secret));
      }
      assertTrue(sawPlusOrSlash);
      assertRefused("a", () -> new Steps(pipe).set("a", String.class, "a|b").build());
      assertRefused("a", () -> new Steps(pipe).set("a", String.class, "a\nb").build());
      assertRefused(
          "n",
          () -> new Steps(pipe).set("a", String.class, "a").set("n", String.class, "xyw").build());
    }
  }

  // ---- bugs found while writing these tests, each pinned here now that it is fixed

  @Nested
  class FormerBugs {

    private Class<?> compileOne(String simpleName, String... lines) {
      Compilation compilation = Sources.compile(Sources.declaration(simpleName, lines));
      return GeneratedClasses.of(compilation).load("test.Signet" + simpleName);
    }

    @Test
    void toStringWithAnOptionalParameterFirst() {
      Class<?> note =
          compileOne(
              "Note",
              "@SignedUrl(path = \"/n\")",
              "public interface Note {",
              "  Optional<String> note();",
              "  @Nonce(length = 4, alphabet = \"a-f\") String nonce();",
              "}");
      assertEquals(
          "SignetNote{note=hi, nonce=abcd}",
          new Steps(note)
              .set("note", String.class, "hi")
              .set("nonce", String.class, "abcd")
              .build()
              .toString());
      assertEquals(
          "SignetNote{nonce=abcd}",
          new Steps(note).set("nonce", String.class, "abcd").build().toString());
    }

    @Test
    void parameterNamedText() {
      Class<?> type =
          compileOne(
              "Memo",
              "@SignedUrl(path = \"/m\")",
              "public interface Memo {",
              "  String text();",
              "  @Nonce(length = 4, alphabet = \"a-f\") String nonce();",
              "}");
      Object request =
          new Steps(type)
              .set("text", String.class, "hello")
              .set("nonce", String.class, "abcd")
              .build();
      assertEquals(
          "https://h.example/m\nhello\nabcd", canonicalText(request, Origin.https("h.example")));
      assertEquals("SignetMemo{text=hello, nonce=abcd}", request.toString());
    }

    @Test
    void parameterNamedUrl() {
      Class<?> type =
          compileOne(
              "Link",
              "@SignedUrl(path = \"/l\")",
              "public interface Link {",
              "  String url();",
              "  @Nonce(length = 4, alphabet = \"a-f\") String nonce();",
              "}");
      Object request =
          new Steps(type).set("url", String.class, "x").set("nonce", String.class, "abcd").build();
      assertTrue(
          signedUrl(request, Origin.https("h.example"), SECRET)
              .startsWith("https://h.example/l?url=x&nonce=abcd&signature="));
    }

    @Test
    void parametersNamedOtherAndThat() {
      Class<?> type =
          compileOne(
              "Pair",
              "@SignedUrl(path = \"/p\")",
              "public interface Pair {",
              "  String other();",
              "  Optional<String> that();",
              "  @Nonce(length = 4, alphabet = \"a-f\") String nonce();",
              "}");
      Object one =
          new Steps(type)
              .set("other", String.class, "o")
              .set("that", String.class, "t")
              .set("nonce", String.class, "abcd")
              .build();
      Object two =
          new Steps(type)
              .set("other", String.class, "o")
              .set("that", String.class, "t")
              .set("nonce", String.class, "abcd")
              .build();
      assertEquals(one, two);
    }

    @Test
    void shadowedParameterNamesCompile() {
      for (String name : List.of("origin", "secret", "mac")) {
        assertThat(
                Sources.compile(
                    Sources.declaration(
                        "Login",
                        "@SignedUrl(path = \"/login\")",
                        "public interface Login {",
                        "  @Nonce(length = 32) String nonce();",
                        "  String " + name + "();",
                        "}")))
            .succeeded();
      }
    }

    @Test
    void parametersCannotTakeTheNamesOfGeneratedConstants() {
      for (String name : List.of("PATH", "SCHEME")) {
        assertThat(
                Sources.compile(
                    Sources.declaration(
                        "Login",
                        "@SignedUrl(path = \"/login\", lines = SignedLines.NAMES_AND_VALUES)",
                        "public interface Login {",
                        "  @Nonce(length = 32) String nonce();",
                        "  String " + name + "();",
                        "}")))
            .hadErrorContaining(
                "A parameter cannot be called " + name + "(): the generated class uses that name");
      }
    }

    @Test
    void commentEndInPathOrWireName() {
      assertThat(
              Sources.compile(
                  Sources.declaration(
                      "Login",
                      "@SignedUrl(path = \"/a*/b\")",
                      "public interface Login {",
                      "  @Nonce(length = 32) String nonce();",
                      "  @Param(name = \"x*/y\") Optional<String> xy();",
                      "}")))
          .succeeded();
    }

    @Test
    void sealedInterfaceIsReported() {
      Compilation compilation =
          Sources.compile(
              Sources.declaration(
                  "Login",
                  "@SignedUrl(path = \"/login\")",
                  "public sealed interface Login permits Login.Impl {",
                  "  @Nonce(length = 32) String nonce();",
                  "  final class Impl implements Login { public String nonce() { return \"\"; } }",
                  "}"));
      assertThat(compilation).failed();
      assertThat(compilation)
          .hadErrorContaining("sealed")
          .inFile(compilation.sourceFiles().get(0))
          .onLineContaining("public sealed interface Login");
    }

    @Test
    void nonceThatCanHoldTheSeparator() {
      Compilation compilation =
          Sources.compile(
              Sources.declaration(
                  "Login",
                  "@SignedUrl(path = \"/login\", separator = \"ba\")",
                  "public interface Login {",
                  "  @Nonce(length = 4) String nonce();",
                  "}"));
      assertThat(compilation).failed();
    }

    @Test
    void nullMapKeysAreRefused() {
      Map<String, String> roles = new HashMap<>();
      roles.put(null, "v");
      assertRefused("roles", () -> login().set("roles", Map.class, roles).build());
    }

    @Test
    void jsonNullsThatWereSignedVerify() {
      Object request = login().set("groups", List.class, Arrays.asList("g1", null)).build();
      assertTrue(canonicalText(request, ORIGIN).endsWith("\n[\"g1\",null]"));
      Verification<?> verified =
          verifier(login, ORIGIN, SECRET).verifyUrl(signedUrl(request, ORIGIN, SECRET));
      assertTrue(verified.isVerified(), verified.toString());
    }

    private Class<?> ratio() {
      return compileOne(
          "Ratio",
          "@SignedUrl(path = \"/r\")",
          "public interface Ratio {",
          "  @Param(encoding = Encoding.JSON) double ratio();",
          "  @Nonce(length = 4, alphabet = \"a-f\") String nonce();",
          "}");
    }

    @Test
    void nonFiniteJsonDoubleIsRefusedNamingTheParameter() {
      Class<?> type = ratio();
      assertRefused("ratio", () -> new Steps(type).set("ratio", double.class, Double.NaN).build());
    }

    @Test
    void requestsAreEqualWhenTheySignTheSameTextAndEqualRequestsHashAlike() {
      Class<?> type = ratio();
      Object zero =
          new Steps(type)
              .set("ratio", double.class, 0.0)
              .set("nonce", String.class, "abcd")
              .build();
      Object zeroAgain =
          new Steps(type)
              .set("ratio", double.class, 0.0)
              .set("nonce", String.class, "abcd")
              .build();
      Object negativeZero =
          new Steps(type)
              .set("ratio", double.class, -0.0)
              .set("nonce", String.class, "abcd")
              .build();
      Object half =
          new Steps(type)
              .set("ratio", double.class, 0.5)
              .set("nonce", String.class, "abcd")
              .build();
      assertEquals(zero, zeroAgain);
      assertEquals(zero.hashCode(), zeroAgain.hashCode());
      // JavaScript writes -0 as 0, so both sign the same text: the same request, as they print.
      assertEquals(zero.toString(), negativeZero.toString());
      assertEquals(zero, negativeZero);
      assertEquals(zero.hashCode(), negativeZero.hashCode());
      assertNotEquals(zero, half);
    }
  }
}
