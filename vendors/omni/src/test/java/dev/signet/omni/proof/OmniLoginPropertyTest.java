package dev.signet.omni.proof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.signet.omni.ContentRole;
import dev.signet.omni.Mode;
import dev.signet.omni.OmniOrigins;
import dev.signet.omni.PrefersDark;
import dev.signet.omni.SignetOmniLogin;
import dev.signet.omni.Theme;
import dev.signet.omni.UiSettings;
import dev.signet.omni.UserAttribute;
import dev.signet.omni.testing.ProofValues;
import dev.signet.runtime.FormEncoding;
import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.NonceStore;
import dev.signet.runtime.Origin;
import dev.signet.runtime.QueryString;
import dev.signet.runtime.Secret;
import dev.signet.runtime.SignedTextReport;
import dev.signet.runtime.TextNormalization;
import dev.signet.runtime.Verification;
import dev.signet.runtime.Verifier;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * Omni's embed login, a vendor's {@code VALUES} scheme with JavaScript trimming: what is signed
 * verifies into the request that was built, for any values without line breaks; and a one-character
 * edit of a signed URL verifies only where the scheme itself does not sign the character, which
 * this test pins down exactly.
 */
class OmniLoginPropertyTest {
  private static final Origin ORIGIN = OmniOrigins.organization("acme");
  private static final Secret SECRET = Secret.ofUtf8("omni-proof-secret");
  private static final NonceStore NEVER_REPLAYED = nonce -> NonceStore.Outcome.FIRST_USE;

  /** {@code +} is a space in a query: the one character an edit can add as unsigned whitespace. */
  private static final String EDIT_ALPHABET = "%+&=0Aa é";

  /** The largest magnitude up to which a long is a JavaScript number exactly: 2^53. */
  private static final long SAFE_INTEGER = 1L << 53;

  record Enums(
      Optional<ContentRole> entityFolderContentRole,
      Optional<ContentRole> entityFolderGroupContentRole,
      Optional<Mode> mode,
      Optional<PrefersDark> prefersDark,
      Optional<Theme> theme) {}

  /** Every parameter of Omni's login, before the builder checks them. */
  record LoginFields(
      List<String> required,
      List<Optional<String>> texts,
      Optional<String> filterSearchParam,
      List<Optional<Boolean>> booleans,
      Enums enums,
      List<Optional<Map<String, String>>> maps,
      Optional<List<String>> groups,
      Tuple2<Optional<UiSettings>, Optional<Map<String, UserAttribute>>> rest) {

    SignetOmniLogin build() {
      return SignetOmniLogin.builder()
          .contentPath(required.get(0))
          .externalId(required.get(1))
          .name(required.get(2))
          .nonce(required.get(3))
          .branch(texts.get(0))
          .customThemeId(texts.get(1))
          .email(texts.get(2))
          .entity(texts.get(3))
          .entityFolderLabel(texts.get(4))
          .entityGroupLabel(texts.get(5))
          .linkAccess(texts.get(6))
          .filterSearchParam(filterSearchParam)
          .accessBoost(booleans.get(0))
          .preserveEntityFolderContentRole(booleans.get(1))
          .entityFolderContentRole(enums.entityFolderContentRole())
          .entityFolderGroupContentRole(enums.entityFolderGroupContentRole())
          .mode(enums.mode())
          .prefersDark(enums.prefersDark())
          .theme(enums.theme())
          .connectionRoles(maps.get(0))
          .customTheme(maps.get(1))
          .modelRoles(maps.get(2))
          .groups(groups)
          .uiSettings(rest.get1())
          .userAttributes(rest.get2())
          .build();
    }
  }

  /** A user attribute as Omni takes them: a string, a JavaScript number, or a list of them. */
  static Arbitrary<UserAttribute> userAttributes() {
    Arbitrary<Long> safeLong = Arbitraries.longs().between(-SAFE_INTEGER, SAFE_INTEGER);
    Arbitrary<Double> finite = Arbitraries.doubles();
    Arbitrary<Object> scalar =
        Arbitraries.oneOf(
            ProofValues.anyUtf16().map(Object.class::cast),
            safeLong.map(Object.class::cast),
            finite.map(Object.class::cast));
    return Arbitraries.oneOf(
        ProofValues.anyUtf16().map(UserAttribute::of),
        safeLong.map(UserAttribute::of),
        finite.map(UserAttribute::of),
        scalar.list().ofMaxSize(3).map(UserAttribute::ofList));
  }

  @Provide
  Arbitrary<LoginFields> logins() {
    Arbitrary<String> required = ProofValues.requiredTrimmedText(false);
    Arbitrary<Map<String, String>> json =
        Arbitraries.maps(ProofValues.anyUtf16(), ProofValues.anyUtf16()).ofMaxSize(3);
    Arbitrary<Enums> enums =
        Combinators.combine(
                Arbitraries.of(ContentRole.class).optional(),
                Arbitraries.of(ContentRole.class).optional(),
                Arbitraries.of(Mode.class).optional(),
                Arbitraries.of(PrefersDark.class).optional(),
                Arbitraries.of(Theme.class).optional())
            .as(Enums::new);
    return Combinators.combine(
            Combinators.combine(
                    required, required, required, ProofValues.nonce(32, ProofValues.ALPHANUMERIC))
                .as(List::of),
            ProofValues.text(false).optional(0.6).list().ofSize(7),
            ProofValues.text(false).map(OmniLoginPropertyTest::formEncoded).optional(0.3),
            Arbitraries.of(true, false).optional().list().ofSize(2),
            enums,
            json.optional(0.3).list().ofSize(3),
            ProofValues.anyUtf16().list().ofMaxSize(3).optional(0.3),
            Combinators.combine(
                    Arbitraries.of(true, false).map(UiSettings::new).optional(0.3),
                    Arbitraries.maps(ProofValues.anyUtf16(), userAttributes())
                        .ofMaxSize(3)
                        .optional(0.5))
                .as(Tuple::of))
        .as(LoginFields::new);
  }

  @Provide
  Arbitrary<SignetOmniLogin> signedLogins() {
    return logins().map(LoginFields::build);
  }

  private static String formEncoded(String text) {
    StringBuilder encoded = new StringBuilder();
    FormEncoding.append(encoded, text);
    return encoded.toString();
  }

  private static Verifier<SignetOmniLogin> verifier() {
    return SignetOmniLogin.verifier(ORIGIN, SECRET).withNonceStore(NEVER_REPLAYED);
  }

  @Property(tries = 500)
  void aSignedLoginVerifiesIntoTheLoginThatWasBuilt(@ForAll("signedLogins") SignetOmniLogin login) {
    String url = login.signedUrl(ORIGIN, SECRET);

    Verification<SignetOmniLogin> verification =
        SignetOmniLogin.verifier(ORIGIN, SECRET).verifyUrl(url);

    assertTrue(verification.isVerified(), () -> verification + " for " + ProofValues.visible(url));
    assertEquals(login, verification.request().orElseThrow());
    assertEquals(login.canonicalText(ORIGIN), verification.report().orElseThrow().signedText());
    assertEquals(url, verification.request().orElseThrow().signedUrl(ORIGIN, SECRET));
  }

  /** A line break in any text value is refused, naming the parameter, wherever it stands. */
  @Property(tries = 100)
  void aLineBreakInATextValueIsRefused(
      @ForAll("logins") LoginFields fields,
      @ForAll @IntRange(min = 0, max = 9) int slot,
      @ForAll boolean carriageReturn,
      @ForAll @IntRange(min = 0, max = 20) int where) {
    String lineBreak = carriageReturn ? "\r" : "\n";
    List<String> required = new java.util.ArrayList<>(fields.required());
    List<Optional<String>> texts = new java.util.ArrayList<>(fields.texts());
    String parameter;
    if (slot < 3) {
      String value = required.get(slot);
      int at = Math.min(where, value.length());
      required.set(slot, value.substring(0, at) + lineBreak + value.substring(at));
      parameter = List.of("contentPath", "externalId", "name").get(slot);
    } else {
      String value = texts.get(slot - 3).orElse("");
      int at = Math.min(where, value.length());
      texts.set(slot - 3, Optional.of(value.substring(0, at) + lineBreak + value.substring(at)));
      parameter =
          List.of(
                  "branch",
                  "customThemeId",
                  "email",
                  "entity",
                  "entityFolderLabel",
                  "entityGroupLabel",
                  "linkAccess")
              .get(slot - 3);
    }
    LoginFields broken =
        new LoginFields(
            required,
            texts,
            fields.filterSearchParam(),
            fields.booleans(),
            fields.enums(),
            fields.maps(),
            fields.groups(),
            fields.rest());
    try {
      broken.build();
      fail("built a login whose " + parameter + " holds a line break");
    } catch (InvalidParameterException refused) {
      assertEquals(parameter, refused.parameter());
    }
  }

  /**
   * Where a one-character edit of a signed Omni URL still verifies: only (a) the case of a hex
   * digit in an escape, which leaves the request as it was, and (b) a {@code +} (a space) added or
   * removed at the start of an optional value, or at the end of the last value, which Omni's
   * trimming leaves out of the signed text, so the request changes without the signature noticing.
   * Every other edit is refused. (b) is the ambiguity Omni's scheme has by design ({@code
   * AcceptedAmbiguity} on {@code OmniLogin}); a host that must rely on the exact whitespace of a
   * value cannot with this scheme.
   */
  @Property(tries = 6)
  void aSingleCharacterEditVerifiesOnlyWhereTheSchemeDoesNotSign(
      @ForAll("signedLogins") SignetOmniLogin login) throws Exception {
    String url = login.signedUrl(ORIGIN, SECRET);
    Verifier<SignetOmniLogin> verifier = verifier();
    Verification<SignetOmniLogin> signed = verifier.verifyUrl(url);
    assertTrue(signed.isVerified());
    String lastLine = lastSource(signed.report().orElseThrow());

    boolean hexCase = false;
    boolean unsignedWhitespace = false;
    for (String edited : ProofValues.singleCharacterEdits(url, EDIT_ALPHABET)) {
      Verification<SignetOmniLogin> verification = verifier.verifyUrl(edited);
      if (!verification.isVerified()) {
        continue;
      }
      if (ProofValues.isHexCaseChange(url, edited)) {
        assertEquals(login, verification.request().orElseThrow());
        hexCase = true;
      } else {
        String problem = unsignedWhitespaceEdit(url, edited, lastLine);
        if (problem != null) {
          fail(
              problem
                  + ": "
                  + ProofValues.visible(edited)
                  + "\n  signed: "
                  + ProofValues.visible(url));
        }
        unsignedWhitespace = true;
      }
    }
    Statistics.label("edits that verified")
        .collect(hexCase ? "hex case" : "-", unsignedWhitespace ? "whitespace" : "-");
  }

  private static String lastSource(SignedTextReport report) {
    // The last line that normalization keeps: lines of whitespace alone vanish.
    List<SignedTextReport.Line> lines = report.lines();
    for (int i = lines.size() - 1; i >= 0; i--) {
      if (!trimmed(lines.get(i).text(), true).isEmpty()) {
        return lines.get(i).source();
      }
    }
    return "";
  }

  /**
   * Null when {@code edited} differs from {@code url} in nothing but whitespace Omni does not sign.
   */
  private static String unsignedWhitespaceEdit(String url, String edited, String lastLine)
      throws Exception {
    List<QueryString.Pair> before = QueryString.parse(url.substring(url.indexOf('?') + 1));
    List<QueryString.Pair> after = QueryString.parse(edited.substring(edited.indexOf('?') + 1));
    if (before.size() != after.size()) {
      return "an edit that adds or removes a parameter verified";
    }
    int changed = 0;
    for (int i = 0; i < before.size(); i++) {
      QueryString.Pair was = before.get(i);
      QueryString.Pair is = after.get(i);
      if (!was.name().equals(is.name())) {
        return "an edit that renames a parameter verified";
      }
      if (!was.value().equals(is.value())) {
        changed++;
        boolean last = was.name().equals(lastLine);
        if (!trimmed(was.value(), last).equals(trimmed(is.value(), last))) {
          return "an edit of " + was.name() + " beyond unsigned whitespace verified";
        }
      }
    }
    return changed == 1 ? null : "an edit that changes " + changed + " values verified";
  }

  /** {@code value} without the JavaScript whitespace Omni's trimming takes from a line. */
  private static String trimmed(String value, boolean lastLine) {
    int start = 0;
    while (start < value.length()
        && TextNormalization.isJavascriptWhitespace(value.charAt(start))) {
      start++;
    }
    int end = value.length();
    while (lastLine
        && end > start
        && TextNormalization.isJavascriptWhitespace(value.charAt(end - 1))) {
      end--;
    }
    return value.substring(start, end);
  }
}
