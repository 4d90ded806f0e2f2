package dev.signet.omni;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.omni.testing.Hmac;
import dev.signet.omni.testing.SignedUrl;
import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.Origin;
import dev.signet.runtime.Secret;
import dev.signet.runtime.VerificationFailure;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The generated {@link SignetOmniLogin} and {@link SignetOmniRedeemSession}, used as an application
 * would. Expected signatures are computed here with {@code javax.crypto.Mac} over canonical texts
 * written out by hand from Omni's rules.
 */
class OmniLoginTest {
  /** Recognizable, so that a leak shows. */
  private static final String SECRET_TEXT = "TOP-SECRET-signet-test-key-0123456789";

  private static final Secret SECRET = Secret.ofUtf8(SECRET_TEXT);
  private static final Origin ACME = OmniOrigins.organization("acme");
  private static final String LOGIN_URL = "https://acme.embed-omniapp.co/embed/login";
  private static final String REDEEM_URL = "https://acme.embed-omniapp.co/embed/sso/redeem-session";
  private static final String NONCE = "AbCdEfGhIjKlMnOpQrStUvWxYz012345";

  /** A valid login with the given nonce and no optional parameter. */
  private static SignetOmniLogin.BuildStage minimalLogin() {
    return loginNamed("Name");
  }

  /** A valid login of the user {@code name}, with the given nonce and no optional parameter. */
  private static SignetOmniLogin.BuildStage loginNamed(String name) {
    return SignetOmniLogin.builder()
        .contentPath(OmniContentPaths.MY)
        .externalId("id")
        .name(name)
        .nonce(NONCE);
  }

  /**
   * Checks that {@code url} is {@code endpoint} with exactly {@code expected} as its parameters
   * besides the signature, and that its signature is the HMAC of {@code canonical}.
   */
  private static void assertSignedUrl(
      String url, String endpoint, Map<String, String> expected, String canonical) {
    SignedUrl signed = SignedUrl.parse(url);
    assertEquals(endpoint, signed.endpoint());
    Map<String, String> values = new LinkedHashMap<>(signed.values());
    assertEquals(
        Hmac.sha256Base64Url(SECRET_TEXT, canonical), values.remove("signature"), "signature");
    assertEquals(expected, values);
  }

  @Nested
  class Signing {
    @Test
    void signsTheRequiredParametersInOrder() {
      SignetOmniLogin login = minimalLogin().build();

      String canonical = LOGIN_URL + "\n/my\nid\nName\n" + NONCE;
      assertEquals(canonical, login.canonicalText(ACME));
      assertSignedUrl(
          login.signedUrl(ACME, SECRET),
          LOGIN_URL,
          Map.of("contentPath", "/my", "externalId", "id", "name", "Name", "nonce", NONCE),
          canonical);
    }

    @Test
    void signsEveryOptionalValueInTheOrderOfItsName() {
      Map<String, UserAttribute> userAttributes = new LinkedHashMap<>();
      userAttributes.put("region", UserAttribute.of("west"));
      userAttributes.put("shop_id", UserAttribute.of(42));
      userAttributes.put("ratio", UserAttribute.of(0.5));
      userAttributes.put("ids", UserAttribute.ofList(List.of(1, "two")));
      // Set in an order unlike the signed one, which sorts by name.
      SignetOmniLogin login =
          SignetOmniLogin.builder()
              .contentPath(OmniContentPaths.dashboard("dash1"))
              .externalId("user-7")
              .name("Blob Ross")
              .nonce(NONCE)
              .userAttributes(userAttributes)
              .uiSettings(new UiSettings(false))
              .theme(Theme.VIBES)
              .preserveEntityFolderContentRole(true)
              .prefersDark(PrefersDark.SYSTEM)
              .modelRoles(Map.of("model-1", "VIEWER"))
              .mode(Mode.SINGLE_CONTENT)
              .linkAccess("__omni_link_access_open")
              .groups(List.of("Sales", "über"))
              .filterSearchParam("f--users.state=%7B%22values%22%3A%5B%22CA%22%5D%7D")
              .entityGroupLabel("Team")
              .entityFolderLabel("Shared")
              .entityFolderGroupContentRole(ContentRole.VIEWER)
              .entityFolderContentRole(ContentRole.EDITOR)
              .entity("Acme & Co")
              .email("blob@example.com")
              .customThemeId("theme-9")
              .customTheme(Map.of("dashboard-background", "#fff"))
              .connectionRoles(Map.of("conn-1", "QUERIER"))
              .branch("main")
              .accessBoost(false)
              .build();

      String canonical =
          String.join(
              "\n",
              LOGIN_URL,
              "/dashboards/dash1",
              "user-7",
              "Blob Ross",
              NONCE,
              "false", // accessBoost
              "main", // branch
              "{\"conn-1\":\"QUERIER\"}", // connectionRoles
              "{\"dashboard-background\":\"#fff\"}", // customTheme
              "theme-9", // customThemeId
              "blob@example.com", // email
              "Acme & Co", // entity
              "EDITOR", // entityFolderContentRole
              "VIEWER", // entityFolderGroupContentRole
              "Shared", // entityFolderLabel
              "Team", // entityGroupLabel
              "f--users.state=%7B%22values%22%3A%5B%22CA%22%5D%7D", // filterSearchParam, as given
              "[\"Sales\",\"über\"]", // groups
              "__omni_link_access_open", // linkAccess
              "SINGLE_CONTENT", // mode
              "{\"model-1\":\"VIEWER\"}", // modelRoles
              "system", // prefersDark
              "true", // preserveEntityFolderContentRole
              "vibes", // theme
              "{\"showNavigation\":false}", // uiSettings
              "{\"region\":\"west\",\"shop_id\":42,\"ratio\":0.5,\"ids\":[1,\"two\"]}"); // userAttributes
      assertEquals(canonical, login.canonicalText(ACME));

      Map<String, String> expected = new LinkedHashMap<>();
      expected.put("contentPath", "/dashboards/dash1");
      expected.put("externalId", "user-7");
      expected.put("name", "Blob Ross");
      expected.put("nonce", NONCE);
      expected.put("accessBoost", "false");
      expected.put("branch", "main");
      expected.put("connectionRoles", "{\"conn-1\":\"QUERIER\"}");
      expected.put("customTheme", "{\"dashboard-background\":\"#fff\"}");
      expected.put("customThemeId", "theme-9");
      expected.put("email", "blob@example.com");
      expected.put("entity", "Acme & Co");
      expected.put("entityFolderContentRole", "EDITOR");
      expected.put("entityFolderGroupContentRole", "VIEWER");
      expected.put("entityFolderLabel", "Shared");
      expected.put("entityGroupLabel", "Team");
      expected.put("filterSearchParam", "f--users.state=%7B%22values%22%3A%5B%22CA%22%5D%7D");
      expected.put("groups", "[\"Sales\",\"über\"]");
      expected.put("linkAccess", "__omni_link_access_open");
      expected.put("mode", "SINGLE_CONTENT");
      expected.put("modelRoles", "{\"model-1\":\"VIEWER\"}");
      expected.put("prefersDark", "system");
      expected.put("preserveEntityFolderContentRole", "true");
      expected.put("theme", "vibes");
      expected.put("uiSettings", "{\"showNavigation\":false}");
      expected.put(
          "userAttributes",
          "{\"region\":\"west\",\"shop_id\":42,\"ratio\":0.5,\"ids\":[1,\"two\"]}");
      String url = login.signedUrl(ACME, SECRET);
      assertSignedUrl(url, LOGIN_URL, expected, canonical);
      // Already URL-encoded text is encoded once more, so that Omni gets it back as given.
      assertTrue(
          url.contains("&filterSearchParam=f--users.state%3D%257B%2522values%2522%253A"), url);
    }

    @Test
    void aLineBreakInsideAJsonValueIsEscapedNotRefused() {
      SignetOmniLogin login =
          minimalLogin().userAttributes(Map.of("note", UserAttribute.of("two\nlines"))).build();

      String canonical = LOGIN_URL + "\n/my\nid\nName\n" + NONCE + "\n{\"note\":\"two\\nlines\"}";
      assertEquals(canonical, login.canonicalText(ACME));
    }
  }

  @Nested
  class Whitespace {
    @Test
    void leadingWhitespaceOfAValueIsSentButNotSigned() {
      SignetOmniLogin login = minimalLogin().entity(" \t Acme").build();

      String canonical = LOGIN_URL + "\n/my\nid\nName\n" + NONCE + "\nAcme";
      assertEquals(canonical, login.canonicalText(ACME));
      assertSignedUrl(
          login.signedUrl(ACME, SECRET),
          LOGIN_URL,
          Map.of(
              "contentPath",
              "/my",
              "externalId",
              "id",
              "name",
              "Name",
              "nonce",
              NONCE,
              "entity",
              " \t Acme"),
          canonical);
    }

    @Test
    void anOptionalWhitespaceOnlyValueIsSentButItsLineDisappears() {
      SignetOmniLogin login = minimalLogin().entity("\u00A0").theme(Theme.DAWN).build();

      String canonical = LOGIN_URL + "\n/my\nid\nName\n" + NONCE + "\ndawn";
      assertEquals(canonical, login.canonicalText(ACME));
      assertSignedUrl(
          login.signedUrl(ACME, SECRET),
          LOGIN_URL,
          Map.of(
              "contentPath",
              "/my",
              "externalId",
              "id",
              "name",
              "Name",
              "nonce",
              NONCE,
              "entity",
              "\u00A0",
              "theme",
              "dawn"),
          canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"   ", "\u00A0", "\t\u3000"})
    void aRequiredValueOfWhitespaceIsRefused(String whitespace) {
      // Its line would vanish and the values after it would move up: externalId "  " then name
      // "user-7" signs as externalId "user-7" then name "  ".
      InvalidParameterException e =
          assertThrows(
              InvalidParameterException.class,
              () ->
                  SignetOmniLogin.builder()
                      .contentPath(OmniContentPaths.MY)
                      .externalId(whitespace)
                      .name("user-7")
                      .nonce(NONCE)
                      .build());
      assertEquals("externalId", e.parameter());
      assertTrue(e.getMessage().contains("only whitespace"), e.getMessage());
      assertEquals(
          "name",
          assertThrows(InvalidParameterException.class, () -> loginNamed(whitespace).build())
              .parameter());
    }

    @Test
    void aRequiredValueStartingWithWhitespaceIsRefused() {
      InvalidParameterException e =
          assertThrows(InvalidParameterException.class, () -> loginNamed(" Name").build());
      assertEquals("name", e.parameter());
      assertTrue(e.getMessage().contains("must not start with whitespace"), e.getMessage());
      assertThrows(
          InvalidParameterException.class,
          () -> SignetOmniRedeemSession.builder().sessionId("\u2003abc").nonce(NONCE).build());
    }

    @Test
    void theVerifierRefusesARequiredValueMovedIntoAVanishedLine() {
      // Signed as externalId "  ", name "user-7" would be, then rewritten so that the session
      // opens as user-7: the signature still holds for the normalized text, the value does not.
      String signature = Hmac.sha256Base64Url(SECRET_TEXT, LOGIN_URL + "\n/my\nuser-7\n" + NONCE);
      String url =
          LOGIN_URL
              + "?contentPath=%2Fmy&externalId=user-7&name=++&nonce="
              + NONCE
              + "&signature="
              + signature;
      var verification = SignetOmniLogin.verifier(ACME, SECRET).verifyUrl(url);
      assertFalse(verification.isVerified(), url);
      assertEquals("name", verification.failure().orElseThrow().parameterName().orElseThrow());
      assertEquals(
          VerificationFailure.Reason.INVALID_VALUE, verification.failure().orElseThrow().reason());
      String leading =
          LOGIN_URL
              + "?contentPath=%2Fmy&externalId=+user-7&name=Name&nonce="
              + NONCE
              + "&signature="
              + Hmac.sha256Base64Url(SECRET_TEXT, LOGIN_URL + "\n/my\nuser-7\nName\n" + NONCE);
      assertEquals(
          "externalId",
          SignetOmniLogin.verifier(ACME, SECRET)
              .verifyUrl(leading)
              .failure()
              .orElseThrow()
              .parameterName()
              .orElseThrow());
    }

    @Test
    void theVerifierRefusesAValueSignedInAnotherSpellingThanItsOwn() {
      // The HMAC holds, but a signer of this type writes {"region":"west"}: the JSON with a space,
      // or with a member twice, was not written by one, and may read as something else.
      for (String json :
          new String[] {"{\"region\": \"west\"}", "{\"region\":\"a\",\"region\":\"b\"}"}) {
        String text = LOGIN_URL + "\n/my\nid\nName\n" + NONCE + "\n" + json;
        String url =
            LOGIN_URL
                + "?contentPath=%2Fmy&externalId=id&name=Name&nonce="
                + NONCE
                + "&userAttributes="
                + URLEncoder.encode(json, StandardCharsets.UTF_8)
                + "&signature="
                + Hmac.sha256Base64Url(SECRET_TEXT, text);
        var failure = SignetOmniLogin.verifier(ACME, SECRET).verifyUrl(url).failure().orElseThrow();
        assertEquals(VerificationFailure.Reason.INVALID_VALUE, failure.reason(), json);
        assertEquals("userAttributes", failure.parameterName().orElseThrow());
      }
      String canonical = "{\"region\":\"west\"}";
      String url =
          LOGIN_URL
              + "?contentPath=%2Fmy&externalId=id&name=Name&nonce="
              + NONCE
              + "&userAttributes="
              + URLEncoder.encode(canonical, StandardCharsets.UTF_8)
              + "&signature="
              + Hmac.sha256Base64Url(
                  SECRET_TEXT, LOGIN_URL + "\n/my\nid\nName\n" + NONCE + "\n" + canonical);
      assertTrue(SignetOmniLogin.verifier(ACME, SECRET).verifyUrl(url).isVerified(), url);
    }

    @Test
    void trailingWhitespaceIsSignedExceptAtTheEndOfTheText() {
      SignetOmniLogin login = loginNamed("Name  ").email("a@example.com \t").build();

      String canonical = LOGIN_URL + "\n/my\nid\nName  \n" + NONCE + "\na@example.com";
      assertEquals(canonical, login.canonicalText(ACME));
      assertSignedUrl(
          login.signedUrl(ACME, SECRET),
          LOGIN_URL,
          Map.of(
              "contentPath",
              "/my",
              "externalId",
              "id",
              "name",
              "Name  ",
              "nonce",
              NONCE,
              "email",
              "a@example.com \t"),
          canonical);
    }

    @Test
    void whitespaceIsJavaScriptsNotJavas() {
      // U+FEFF and U+2007 are JavaScript whitespace (\s) but not Java's; U+001F is the reverse.
      SignetOmniLogin login =
          minimalLogin().entity("\uFEFF\u2007Acme").entityGroupLabel("\u001FTeam").build();

      String canonical = LOGIN_URL + "\n/my\nid\nName\n" + NONCE + "\nAcme\n\u001FTeam";
      assertEquals(canonical, login.canonicalText(ACME));
      assertEquals(
          Hmac.sha256Base64Url(SECRET_TEXT, canonical),
          SignedUrl.parse(login.signedUrl(ACME, SECRET)).value("signature"));
    }

    @Test
    void whitespaceInsideAValueIsSigned() {
      SignetOmniLogin login = loginNamed("tab\there").build();

      assertEquals(LOGIN_URL + "\n/my\nid\ntab\there\n" + NONCE, login.canonicalText(ACME));
    }
  }

  @Nested
  class EmptyOptionalText {
    static Stream<Arguments> emptyOptionalText() {
      return Stream.of(
          setting("branch", b -> b.branch("")),
          setting("customThemeId", b -> b.customThemeId("")),
          setting("email", b -> b.email("")),
          setting("entity", b -> b.entity("")),
          setting("entityFolderLabel", b -> b.entityFolderLabel("")),
          setting("entityGroupLabel", b -> b.entityGroupLabel("")),
          setting("filterSearchParam", b -> b.filterSearchParam("")),
          setting("linkAccess", b -> b.linkAccess("")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("emptyOptionalText")
    void countsAsAbsent(UnaryOperator<SignetOmniLogin.BuildStage> setEmpty) {
      SignetOmniLogin withEmpty = setEmpty.apply(minimalLogin()).build();
      SignetOmniLogin without = minimalLogin().build();

      assertEquals(without, withEmpty);
      assertEquals(without.signedUrl(ACME, SECRET), withEmpty.signedUrl(ACME, SECRET));
      assertEquals(
          Set.of("contentPath", "externalId", "name", "nonce", "signature"),
          SignedUrl.parse(withEmpty.signedUrl(ACME, SECRET)).values().keySet());
    }
  }

  @Nested
  class Refusals {
    static Stream<Arguments> lineBreaks() {
      return Stream.of("\n", "\r", "\r\n")
          .flatMap(
              lineBreak -> {
                String value = "Eve" + lineBreak + "forged";
                String shown = lineBreak.replace("\r", "CR").replace("\n", "LF");
                return Stream.of(
                    Arguments.of(
                        Named.of(
                            "name with " + shown,
                            (Executable)
                                () ->
                                    SignetOmniLogin.builder()
                                        .contentPath("/my")
                                        .externalId("id")
                                        .name(value)
                                        .nonce(NONCE)
                                        .build()),
                        "name"),
                    Arguments.of(
                        Named.of(
                            "externalId with " + shown,
                            (Executable)
                                () ->
                                    SignetOmniLogin.builder()
                                        .contentPath("/my")
                                        .externalId(value)
                                        .name("Name")
                                        .build()),
                        "externalId"),
                    Arguments.of(
                        Named.of(
                            "contentPath with " + shown,
                            (Executable)
                                () ->
                                    SignetOmniLogin.builder()
                                        .contentPath("/my" + lineBreak)
                                        .externalId("id")
                                        .name("Name")
                                        .build()),
                        "contentPath"),
                    Arguments.of(
                        Named.of(
                            "entity with " + shown,
                            (Executable) () -> minimalLogin().entity(value).build()),
                        "entity"),
                    Arguments.of(
                        Named.of(
                            "email with " + shown,
                            (Executable) () -> minimalLogin().email(value).build()),
                        "email"),
                    Arguments.of(
                        Named.of(
                            "branch with " + shown,
                            (Executable) () -> minimalLogin().branch(value).build()),
                        "branch"),
                    Arguments.of(
                        Named.of(
                            "entityGroupLabel with " + shown,
                            (Executable) () -> minimalLogin().entityGroupLabel(value).build()),
                        "entityGroupLabel"),
                    Arguments.of(
                        Named.of(
                            "redeem sessionId with " + shown,
                            (Executable)
                                () -> SignetOmniRedeemSession.builder().sessionId(value).build()),
                        "sessionId"),
                    Arguments.of(
                        Named.of(
                            "redeem branch with " + shown,
                            (Executable)
                                () ->
                                    SignetOmniRedeemSession.builder()
                                        .sessionId("s")
                                        .branch(value)
                                        .build()),
                        "branch"));
              });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("lineBreaks")
    void aValueHoldingALineBreak(Executable build, String parameter) {
      assertRefused(parameter, build);
    }

    @Test
    void aLineBreakIsRefusedEvenWhereNormalizationWouldHideIt() {
      // "Name\n   " would normalize to "Name": refused all the same, as the value holds a break.
      assertRefused(
          "name",
          () ->
              SignetOmniLogin.builder()
                  .contentPath("/my")
                  .externalId("id")
                  .name("Name\n   ")
                  .build());
    }

    static Stream<Arguments> emptyRequiredValues() {
      return Stream.of(
          Arguments.of(
              Named.of(
                  "contentPath",
                  (Executable)
                      () ->
                          SignetOmniLogin.builder()
                              .contentPath("")
                              .externalId("id")
                              .name("Name")
                              .build()),
              "contentPath"),
          Arguments.of(
              Named.of(
                  "externalId",
                  (Executable)
                      () ->
                          SignetOmniLogin.builder()
                              .contentPath("/my")
                              .externalId("")
                              .name("Name")
                              .build()),
              "externalId"),
          Arguments.of(
              Named.of(
                  "name",
                  (Executable)
                      () ->
                          SignetOmniLogin.builder()
                              .contentPath("/my")
                              .externalId("id")
                              .name("")
                              .build()),
              "name"),
          Arguments.of(
              Named.of(
                  "redeem sessionId",
                  (Executable) () -> SignetOmniRedeemSession.builder().sessionId("").build()),
              "sessionId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("emptyRequiredValues")
    void anEmptyRequiredValue(Executable build, String parameter) {
      assertRefused(parameter, build);
    }

    @Test
    void aNullRequiredValue() {
      assertRefused(
          "name", () -> SignetOmniLogin.builder().contentPath("/my").externalId("id").name(null));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "",
          "AbCdEfGhIjKlMnOpQrStUvWxYz01234", // 31
          "AbCdEfGhIjKlMnOpQrStUvWxYz0123456", // 33
          "AbCdEfGhIjKlMnOpQrStUvWxYz01234-", // base64url's -
          "AbCdEfGhIjKlMnOpQrStUvWxYz01234_", // and _
          "AbCdEfGhIjKlMnOpQrStUvWxYz01234é", // a letter, but not ASCII
          "AbCdEfGhIjKlMnOpQrStUvWxYz01234 "
        })
    void aGivenNonceOfTheWrongLengthOrAlphabet(String nonce) {
      assertRefused("nonce", () -> minimalLogin().nonce(nonce).build());
      assertRefused(
          "nonce", () -> SignetOmniRedeemSession.builder().sessionId("s").nonce(nonce).build());
    }

    @Test
    void bothHostAndOrganizationOrNeither() {
      assertRefused("host", () -> OmniOrigins.of("analytics.acme.io", "acme", null));
      assertRefused("host", () -> OmniOrigins.of(null, null, null));
      assertRefused("host", () -> OmniOrigins.of("", "", 443));
    }

    @Test
    void anEmptyHostOrOrganizationCountsAsNotGiven() {
      assertEquals(ACME, OmniOrigins.of("", "acme", null));
      assertEquals(
          Origin.https("analytics.acme.io"), OmniOrigins.of("analytics.acme.io", "", null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme.embed-omniapp.co", "-acme", "ac me", "acme/x"})
    void anOrganizationNameThatIsNotOne(String organization) {
      assertRefused("organizationName", () -> OmniOrigins.organization(organization));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "https://analytics.acme.io",
          "analytics.acme.io:8443",
          "analytics.acme.io/x",
          "a b.io"
        })
    void aHostThatIsNotABareHostName(String host) {
      assertRefused("host", () -> OmniOrigins.of(host, null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a/b", "a?b", "a#b", "a b", "..", ".", "a%2Fb"})
    void aDocumentIdThatWouldChangeThePath(String id) {
      assertRefused("contentPath", () -> OmniContentPaths.dashboard(id));
      assertRefused("contentPath", () -> OmniContentPaths.workbook(id));
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "https://evil.com",
          "/dashboards/../../x",
          "/dashboards/..",
          "/dashboards/",
          "/dashboards/a/b",
          "/dashboards/a?b=1",
          "/w/x/duplicate/..",
          "/w//duplicate",
          "/w/a/b/duplicate",
          "//evil.com/my",
          "/my/",
          "/MY",
          "my",
          "",
          "/dashboards/%2e%2e",
          "/embed/dashboards/../x",
          "/root#x"
        })
    void aContentPathThatIsNotOneOfOmnis(String path) {
      InvalidParameterException refusal =
          assertThrows(InvalidParameterException.class, () -> OmniContentPaths.check(path));
      assertEquals("contentPath", refusal.parameter());
      assertTrue(refusal.getMessage().contains(OmniContentPaths.FORMS), refusal::getMessage);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "/my",
          "/entity-folder",
          "/root",
          "/dashboards/1a2b3c4d",
          "/embed/dashboards/J",
          "/w/mY1/duplicate",
          "/dashboards/a_b-9"
        })
    void aContentPathOfOmnisIsKept(String path) {
      assertEquals(path, OmniContentPaths.check(path));
    }

    private static void assertRefused(String parameter, Executable build) {
      InvalidParameterException refusal = assertThrows(InvalidParameterException.class, build);
      assertEquals(parameter, refusal.parameter(), refusal::getMessage);
      assertTrue(refusal.getMessage().startsWith(parameter + ": "), refusal::getMessage);
    }
  }

  @Nested
  class Nonces {
    @Test
    void aDrawnNonceIs32AlphanumericCharactersAndNewEachTime() {
      SignetOmniLogin first =
          SignetOmniLogin.builder().contentPath("/my").externalId("id").name("Name").build();
      SignetOmniLogin second =
          SignetOmniLogin.builder().contentPath("/my").externalId("id").name("Name").build();

      assertTrue(first.nonce().matches("[0-9A-Za-z]{32}"), first.nonce());
      assertTrue(second.nonce().matches("[0-9A-Za-z]{32}"), second.nonce());
      assertNotEquals(first.nonce(), second.nonce());

      SignedUrl url = SignedUrl.parse(first.signedUrl(ACME, SECRET));
      assertEquals(first.nonce(), url.value("nonce"));
      assertEquals(
          Hmac.sha256Base64Url(SECRET_TEXT, LOGIN_URL + "\n/my\nid\nName\n" + first.nonce()),
          url.value("signature"));
    }

    @Test
    void aRedeemSessionDrawsOneToo() {
      SignetOmniRedeemSession redeem = SignetOmniRedeemSession.builder().sessionId("s").build();
      assertTrue(redeem.nonce().matches("[0-9A-Za-z]{32}"), redeem.nonce());
    }
  }

  @Nested
  class RedeemSession {
    @Test
    void signsNonceSessionIdThenTheOptionalValuesByName() {
      SignetOmniRedeemSession redeem =
          SignetOmniRedeemSession.builder()
              .sessionId("5e2b-session")
              .nonce(NONCE)
              .theme(Theme.BREEZE)
              .prefersDark(PrefersDark.FALSE)
              .branch("feature-x")
              .build();

      String canonical = REDEEM_URL + "\n" + NONCE + "\n5e2b-session\nfeature-x\nfalse\nbreeze";
      assertEquals(canonical, redeem.canonicalText(ACME));
      assertSignedUrl(
          redeem.signedUrl(ACME, SECRET),
          REDEEM_URL,
          Map.of(
              "nonce",
              NONCE,
              "sessionId",
              "5e2b-session",
              "branch",
              "feature-x",
              "prefersDark",
              "false",
              "theme",
              "breeze"),
          canonical);
    }

    @Test
    void signsOnlyTheRequiredValuesWhenNoneIsSet() {
      SignetOmniRedeemSession redeem =
          SignetOmniRedeemSession.builder()
              .sessionId("5e2b-session")
              .nonce(NONCE)
              .branch("")
              .build();

      String canonical = REDEEM_URL + "\n" + NONCE + "\n5e2b-session";
      assertEquals(canonical, redeem.canonicalText(ACME));
      assertSignedUrl(
          redeem.signedUrl(ACME, SECRET),
          REDEEM_URL,
          Map.of("nonce", NONCE, "sessionId", "5e2b-session"),
          canonical);
    }
  }

  @Nested
  class Hosts {
    @Test
    void aVanityHostIsSignedInLowerCase() {
      Origin origin = OmniOrigins.of("Analytics.ACME.io", null, null);

      assertEquals("https://analytics.acme.io", origin.toString());
      String canonical = "https://analytics.acme.io/embed/login\n/my\nid\nName\n" + NONCE;
      SignetOmniLogin login = minimalLogin().build();
      assertEquals(canonical, login.canonicalText(origin));
      assertSignedUrl(
          login.signedUrl(origin, SECRET),
          "https://analytics.acme.io/embed/login",
          Map.of("contentPath", "/my", "externalId", "id", "name", "Name", "nonce", NONCE),
          canonical);
    }

    @Test
    void anInternationalizedHostIsSignedInPunycode() {
      // As WHATWG URL serializes https://BÜCHER.example.
      assertEquals(
          "https://xn--bcher-kva.example", OmniOrigins.of("BÜCHER.example", null, null).toString());
      assertEquals(
          "https://xn--bcher-kva.example", OmniOrigins.of("bücher.example", null, null).toString());
      assertEquals(
          "https://xn--bcher-kva.example/embed/login\n/my\nid\nName\n" + NONCE,
          minimalLogin().build().canonicalText(OmniOrigins.of("bücher.example", null, 443)));
    }

    @Test
    void port443IsLeftOutAndAnyOtherKept() {
      assertEquals(
          "https://analytics.acme.io", OmniOrigins.of("analytics.acme.io", null, 443).toString());
      assertEquals(
          "https://analytics.acme.io:8443",
          OmniOrigins.of("analytics.acme.io", null, 8443).toString());
      assertEquals(
          "https://acme.embed-omniapp.co", OmniOrigins.organization("acme", 443).toString());
      assertEquals(
          "https://acme.embed-omniapp.co:8443", OmniOrigins.of(null, "acme", 8443).toString());

      Origin origin = OmniOrigins.of(null, "acme", 8443);
      String canonical = "https://acme.embed-omniapp.co:8443/embed/login\n/my\nid\nName\n" + NONCE;
      SignetOmniLogin login = minimalLogin().build();
      assertEquals(canonical, login.canonicalText(origin));
      assertSignedUrl(
          login.signedUrl(origin, SECRET),
          "https://acme.embed-omniapp.co:8443/embed/login",
          Map.of("contentPath", "/my", "externalId", "id", "name", "Name", "nonce", NONCE),
          canonical);
    }

    @Test
    void aPortOutsideTheRangeIsRefused() {
      InvalidParameterException refusal =
          assertThrows(
              InvalidParameterException.class,
              () -> OmniOrigins.of("analytics.acme.io", null, 70000));
      assertEquals("port", refusal.parameter());
    }
  }

  @Nested
  class Secrecy {
    @Test
    void neitherTheRequestNorItsUrlShowsTheSecret() {
      SignetOmniLogin login =
          minimalLogin()
              .entity("Acme")
              .userAttributes(Map.of("region", UserAttribute.of("west")))
              .build();
      SignetOmniRedeemSession redeem =
          SignetOmniRedeemSession.builder().sessionId("s").nonce(NONCE).build();
      String loginUrl = login.signedUrl(ACME, SECRET);
      String redeemUrl = redeem.signedUrl(ACME, SECRET);
      String encodedSecret = URLEncoder.encode(SECRET_TEXT, StandardCharsets.UTF_8);

      for (String text :
          List.of(login.toString(), redeem.toString(), loginUrl, redeemUrl, SECRET.toString())) {
        assertFalse(text.contains(SECRET_TEXT), text);
        assertFalse(text.contains(encodedSecret), text);
      }
      assertTrue(
          login.toString().contains("entity=Acme"), "toString shows the parameters: " + login);
    }
  }

  private static Arguments setting(String name, UnaryOperator<SignetOmniLogin.BuildStage> set) {
    return Arguments.of(Named.of(name, set));
  }
}
