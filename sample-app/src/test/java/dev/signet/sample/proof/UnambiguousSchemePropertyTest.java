package dev.signet.sample.proof;

import static dev.signet.omni.testing.Agreement.signedMeansVerifiable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.signet.omni.testing.ProofValues;
import dev.signet.runtime.FormEncoding;
import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.NonceStore;
import dev.signet.runtime.Origin;
import dev.signet.runtime.QueryString;
import dev.signet.runtime.Secret;
import dev.signet.runtime.Verification;
import dev.signet.runtime.Verifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple3;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The properties that make {@code lines = NAMES_AND_VALUES} the scheme to choose: what is signed
 * verifies into the very request that was built, no one-character change to a signed URL verifies,
 * and no two different requests have the same signed text, whatever the values hold.
 */
class UnambiguousSchemePropertyTest {
  private static final Origin ORIGIN = Origin.https("proof.example.com", 8443);
  private static final Secret SECRET = Secret.ofUtf8("proof-secret");
  private static final NonceStore NEVER_REPLAYED = nonce -> NonceStore.Outcome.FIRST_USE;

  /**
   * What a one-character edit may write: the characters that steer percent-decoding, form decoding
   * and pair splitting, hex digits of both cases, and characters a query must not hold raw.
   */
  private static final String EDIT_ALPHABET = "%+&=#?0Aaf.-_~ é";

  /** The parameters of a {@link ProofRequest}, before the builder checks them. */
  record ProofFields(
      String subject,
      String nonce,
      int count,
      List<Optional<String>> texts,
      Tuple3<Optional<Shade>, Optional<Boolean>, Optional<Integer>> scalars,
      Optional<Map<String, String>> attributes,
      Optional<List<String>> tags) {

    SignetProofRequest build() {
      return SignetProofRequest.builder()
          .subject(subject)
          .count(count)
          .nonce(nonce)
          .first(texts.get(0))
          .second(texts.get(1))
          .thirdText(texts.get(2))
          .thirdsText(texts.get(3))
          .shade(scalars.get1())
          .flag(scalars.get2())
          .level(scalars.get3())
          .attributes(attributes)
          .tags(tags)
          .build();
    }

    ProofFields withTexts(List<Optional<String>> newTexts) {
      return new ProofFields(subject, nonce, count, newTexts, scalars, attributes, tags);
    }

    ProofFields withSubject(String newSubject) {
      return new ProofFields(newSubject, nonce, count, texts, scalars, attributes, tags);
    }

    ProofFields withJson(
        Optional<Map<String, String>> newAttributes, Optional<List<String>> newTags) {
      return new ProofFields(subject, nonce, count, texts, scalars, newAttributes, newTags);
    }

    ProofFields withScalars(
        Optional<Shade> shade, Optional<Boolean> flag, Optional<Integer> level) {
      return new ProofFields(
          subject, nonce, count, texts, Tuple.of(shade, flag, level), attributes, tags);
    }

    ProofFields withCount(int newCount) {
      return new ProofFields(subject, nonce, newCount, texts, scalars, attributes, tags);
    }
  }

  @Provide
  Arbitrary<ProofFields> fields() {
    Arbitrary<Optional<String>> optionalText = ProofValues.text(true).optional(0.7);
    Arbitrary<Tuple3<Optional<Shade>, Optional<Boolean>, Optional<Integer>>> scalars =
        Combinators.combine(
                Arbitraries.of(Shade.class).optional(),
                Arbitraries.of(true, false).optional(),
                Arbitraries.integers().optional())
            .as(Tuple::of);
    return Combinators.combine(
            ProofValues.requiredText(true),
            ProofValues.nonce(24, ProofValues.ALPHANUMERIC),
            Arbitraries.integers(),
            optionalText.list().ofSize(4),
            scalars,
            Arbitraries.maps(ProofValues.anyUtf16(), ProofValues.anyUtf16().injectNull(0.1))
                .ofMaxSize(3)
                .optional(),
            ProofValues.anyUtf16().injectNull(0.1).list().ofMaxSize(3).optional())
        .as(ProofFields::new);
  }

  @Provide
  Arbitrary<SignetProofRequest> requests() {
    return fields().map(ProofFields::build);
  }

  private static Verifier<SignetProofRequest> verifier() {
    return SignetProofRequest.verifier(ORIGIN, SECRET).withNonceStore(NEVER_REPLAYED);
  }

  @Property(tries = 500)
  void aSignedRequestVerifiesIntoTheRequestThatWasBuilt(
      @ForAll("requests") SignetProofRequest request) {
    String url = request.signedUrl(ORIGIN, SECRET);

    Verification<SignetProofRequest> verification =
        SignetProofRequest.verifier(ORIGIN, SECRET).verifyUrl(url);

    assertTrue(verification.isVerified(), () -> verification + " for " + ProofValues.visible(url));
    SignetProofRequest verified = verification.request().orElseThrow();
    assertEquals(request, verified);
    assertEquals(request.canonicalText(ORIGIN), verified.canonicalText(ORIGIN));
    assertEquals(request.canonicalText(ORIGIN), verification.report().orElseThrow().signedText());
    assertEquals(url, verified.signedUrl(ORIGIN, SECRET));
  }

  @Property(tries = 300)
  void theTrimmedVariantRoundTripsToo(
      @ForAll("requests") SignetProofRequest source,
      @ForAll("preEncoded") Optional<String> filter) {
    SignetTrimmedProofRequest request =
        SignetTrimmedProofRequest.builder()
            .subject(source.subject())
            .nonce(
                source
                    .nonce()
                    .substring(0, 16)
                    .toLowerCase(java.util.Locale.ROOT)
                    .replaceAll("[^a-z]", "q"))
            .note(source.first())
            .remark(source.second())
            .filter(filter)
            .shade(source.shade())
            .flag(source.flag())
            .total(source.level().map(Integer::longValue).map(level -> level * 4_000_000_000L))
            .attributes(source.attributes())
            .tags(source.tags())
            .build();
    String url = request.signedUrl(ORIGIN, SECRET);

    Verification<SignetTrimmedProofRequest> verification =
        SignetTrimmedProofRequest.verifier(ORIGIN, SECRET).verifyUrl(url);

    assertTrue(verification.isVerified(), () -> verification + " for " + ProofValues.visible(url));
    assertEquals(request, verification.request().orElseThrow());
    // With names and form-encoded values on every line there is no whitespace for the
    // JavaScript trimming to take: the text is signed whole.
    String text = request.canonicalText(ORIGIN);
    assertFalse(
        text.chars()
            .anyMatch(
                c ->
                    c != '\n'
                        && dev.signet.runtime.TextNormalization.isJavascriptWhitespace((char) c)),
        text);
  }

  @Provide
  Arbitrary<Optional<String>> preEncoded() {
    return ProofValues.text(true)
        .map(
            text -> {
              StringBuilder encoded = new StringBuilder();
              FormEncoding.append(encoded, text);
              return encoded.toString();
            })
        .optional();
  }

  /**
   * Every string one character away from a signed URL (each character deleted, and each of {@link
   * #EDIT_ALPHABET} inserted before it or put in its place) is refused, but for one class of edit
   * that leaves the decoded query as it was: the case of a hex digit in a {@code %XX} escape. The
   * verifier reads {@code %c3%a9} as {@code %C3%A9}; see {@link
   * #aHexDigitsCaseChangeLeavesTheRequestAsItWas}.
   */
  @Property(tries = 15)
  void noSingleCharacterEditOfASignedUrlVerifies(@ForAll("requests") SignetProofRequest request)
      throws Exception {
    String url = request.signedUrl(ORIGIN, SECRET);
    Verifier<SignetProofRequest> verifier = verifier();
    assertTrue(verifier.verifyUrl(url).isVerified());
    List<QueryString.Pair> original = QueryString.parse(query(url));

    int equivalent = 0;
    for (String edited : ProofValues.singleCharacterEdits(url, EDIT_ALPHABET)) {
      Verification<SignetProofRequest> verification = verifier.verifyUrl(edited);
      if (verification.isVerified()) {
        assertTrue(
            ProofValues.isHexCaseChange(url, edited),
            () ->
                "an edit that is not a hex digit's case verified: "
                    + ProofValues.visible(edited)
                    + "\n  signed: "
                    + ProofValues.visible(url));
        assertEquals(original, QueryString.parse(query(edited)));
        assertEquals(request, verification.request().orElseThrow());
        equivalent++;
      }
    }
    Statistics.label("hex-case edits that verified").collect(equivalent > 0);
  }

  /** One random edit anywhere, with any character at all. */
  @Property(tries = 1000)
  void noRandomEditOfASignedUrlVerifies(
      @ForAll("requests") SignetProofRequest request,
      @ForAll @IntRange(min = 0, max = 100_000) int where,
      @ForAll char character,
      @ForAll @IntRange(min = 0, max = 2) int kind) {
    String url = request.signedUrl(ORIGIN, SECRET);
    int at = where % (url.length() + 1);
    String edited =
        switch (kind) {
          case 0 ->
              at == url.length() ? url + character : url.substring(0, at) + url.substring(at + 1);
          case 1 -> url.substring(0, at) + character + url.substring(at);
          default ->
              at == url.length()
                  ? url + character
                  : url.substring(0, at) + character + url.substring(at + 1);
        };
    if (edited.equals(url)) {
      return;
    }
    Verification<SignetProofRequest> verification = verifier().verifyUrl(edited);
    assertTrue(
        !verification.isVerified() || ProofValues.isHexCaseChange(url, edited),
        () ->
            "verified: " + ProofValues.visible(edited) + "\n  signed: " + ProofValues.visible(url));
  }

  /**
   * A null inside a JSON value: either the builder refuses it, or the verifier of the same type
   * takes the URL it signs. (Before the processor's fix of JSON nulls, builders wrote {@code
   * {"model":null}}, and their own verifiers refused it; signet-omni's {@code
   * SignerVerifierAgreementTest} holds Omni's login to the same.)
   */
  @Example
  void aNullInsideAJsonValueIsRefusedWhenBuiltOrVerifies() {
    Map<String, String> nullValue = new HashMap<>();
    nullValue.put("model", null);
    List<String> nullElement = new ArrayList<>();
    nullElement.add(null);

    signedMeansVerifiable(
        () ->
            SignetProofRequest.builder()
                .subject("s")
                .count(1)
                .attributes(nullValue)
                .build()
                .signedUrl(ORIGIN, SECRET),
        SignetProofRequest.verifier(ORIGIN, SECRET)::verifyUrl);
    signedMeansVerifiable(
        () ->
            SignetProofRequest.builder()
                .subject("s")
                .count(1)
                .tags(nullElement)
                .build()
                .signedUrl(ORIGIN, SECRET),
        SignetProofRequest.verifier(ORIGIN, SECRET)::verifyUrl);
  }

  private static String query(String url) {
    return url.substring(url.indexOf('?') + 1);
  }

  /**
   * FINDING (reported, not fixed here): the verifier takes the hex digits of an escape in either
   * case, so a signed URL has more than one spelling that verifies. Each spelling is the same
   * request, so nothing the signature covers can change; but anything that keys on the URL's text
   * (a cache, a log search, a replay check on the URL rather than the nonce) sees two URLs. This
   * holds whether or not the verifier comes to refuse the other spellings.
   */
  @Example
  void aHexDigitsCaseChangeLeavesTheRequestAsItWas() {
    SignetProofRequest request =
        SignetProofRequest.builder()
            .subject("é")
            .count(1)
            .nonce("abcdefghijklmnopqrstuvwx")
            .build();
    String url = request.signedUrl(ORIGIN, SECRET);
    assertTrue(url.contains("subject=%C3%A9"), url);
    String lowerCase = url.replace("subject=%C3%A9", "subject=%c3%a9");

    Verification<SignetProofRequest> verification = verifier().verifyUrl(lowerCase);

    assertTrue(
        !verification.isVerified() || verification.request().orElseThrow().equals(request),
        verification::toString);
  }

  // ---- no two different requests have the same signed text ----

  /**
   * A request and its near neighbours: values moved between parameters, joined, split, padded with
   * whitespace or given text that imitates the signed text's own syntax ({@code \n}, {@code name=},
   * escapes, JSON punctuation). Under NAMES_AND_VALUES none may sign to another's text.
   */
  @Provide
  Arbitrary<List<ProofFields>> neighbourhoods() {
    return Combinators.combine(fields(), ProofValues.text(true), ProofValues.text(true))
        .as(UnambiguousSchemePropertyTest::neighbours);
  }

  private static List<ProofFields> neighbours(ProofFields base, String a, String b) {
    List<ProofFields> family = new ArrayList<>();
    family.add(base);
    List<Optional<String>> texts = base.texts();
    // Each text value moved to each other text parameter, and the two swapped.
    for (int from = 0; from < 4; from++) {
      for (int to = 0; to < 4; to++) {
        if (from != to) {
          List<Optional<String>> moved = new ArrayList<>(texts);
          moved.set(to, texts.get(from));
          moved.set(from, Optional.empty());
          family.add(base.withTexts(moved));
          List<Optional<String>> swapped = new ArrayList<>(texts);
          swapped.set(to, texts.get(from));
          swapped.set(from, texts.get(to));
          family.add(base.withTexts(swapped));
        }
      }
    }
    // Values that spell out the signed text of other parameters.
    String[] names = {"first", "second", "third", "thirds"};
    for (int slot = 0; slot < 4; slot++) {
      for (String forged :
          List.of(
              a + "\n" + names[(slot + 1) % 4] + "=" + b,
              a + "\n" + names[(slot + 1) % 4] + "=" + encoded(b),
              a + "%0A" + names[(slot + 1) % 4] + "%3D" + b,
              a + "&" + names[(slot + 1) % 4] + "=" + b,
              a + b,
              " " + a,
              a + " ",
              "\u00A0" + a,
              a + "\n",
              a,
              b,
              "")) {
        List<Optional<String>> withForged = new ArrayList<>(texts);
        withForged.set(slot, Optional.of(forged));
        family.add(base.withTexts(withForged));
        List<Optional<String>> split = new ArrayList<>(texts);
        split.set(slot, Optional.of(a));
        split.set((slot + 1) % 4, Optional.of(b));
        family.add(base.withTexts(split));
      }
    }
    family.add(base.withSubject(base.subject() + "\nfirst=" + a));
    family.add(base.withSubject(base.subject() + " "));
    family.add(base.withSubject(a.isEmpty() ? "x" : a));
    // JSON values that imitate other JSON values.
    family.add(base.withJson(Optional.of(Map.of(a, b)), Optional.of(List.of(a, b))));
    family.add(base.withJson(Optional.of(Map.of(b, a)), Optional.of(List.of(a + "\",\"" + b))));
    family.add(
        base.withJson(Optional.of(Map.of(a + "\":\"" + b, "")), Optional.of(List.of(a + b))));
    family.add(base.withJson(Optional.of(Map.of()), Optional.of(List.of())));
    family.add(base.withJson(Optional.empty(), Optional.of(List.of(""))));
    family.add(
        base.withJson(
            base.tags().map(tags -> Map.of()),
            base.attributes().map(map -> List.copyOf(map.keySet()))));
    // Scalars moved between parameters of the same text form.
    Optional<Integer> level = base.scalars().get3();
    family.add(
        base.withScalars(base.scalars().get1(), base.scalars().get2(), Optional.of(base.count())));
    family.add(base.withCount(level.orElse(base.count() + 1)));
    family.add(base.withScalars(Optional.empty(), Optional.empty(), Optional.empty()));
    family.add(
        base.withScalars(Optional.of(Shade.HIGH_CONTRAST), Optional.of(true), Optional.of(-1)));
    List<Optional<String>> spelled = new ArrayList<>(texts);
    spelled.set(0, Optional.of("high contrast+"));
    spelled.set(1, Optional.of("true"));
    spelled.set(2, Optional.of(String.valueOf(base.count())));
    family.add(
        base.withTexts(spelled).withScalars(Optional.empty(), Optional.empty(), Optional.empty()));
    return family;
  }

  private static String encoded(String text) {
    StringBuilder out = new StringBuilder();
    FormEncoding.append(out, text);
    return out.toString();
  }

  @Property(tries = 300)
  void differentRequestsNeverShareASignedText(@ForAll("neighbourhoods") List<ProofFields> family) {
    Map<String, SignetProofRequest> byText = new HashMap<>();
    for (ProofFields fields : family) {
      SignetProofRequest request;
      try {
        request = fields.build();
      } catch (InvalidParameterException refused) {
        continue; // an empty subject, say: nothing is signed
      }
      String text = request.canonicalText(ORIGIN);
      SignetProofRequest earlier = byText.putIfAbsent(text, request);
      if (earlier != null && !earlier.equals(request)) {
        fail(
            "two requests sign the same text "
                + ProofValues.visible(text)
                + ":\n  "
                + earlier
                + "\n  "
                + request);
      }
    }
  }

  @Property(tries = 500)
  void independentRequestsWithOneNonceNeverShareASignedText(
      @ForAll("fields") ProofFields first, @ForAll("fields") ProofFields second) {
    SignetProofRequest a = first.build();
    SignetProofRequest b =
        new ProofFields(
                second.subject(),
                first.nonce(),
                second.count(),
                second.texts(),
                second.scalars(),
                second.attributes(),
                second.tags())
            .build();
    if (!a.equals(b)) {
      assertNotEquals(a.canonicalText(ORIGIN), b.canonicalText(ORIGIN));
    }
  }

  /**
   * Text values are signed exactly: two different values of one parameter never sign alike, down to
   * a single code point anywhere in any value.
   */
  @Property(tries = 1000)
  void everyCodePointOfAValueIsSigned(
      @ForAll("requests") SignetProofRequest request,
      @ForAll @IntRange(min = 0, max = 0x10FFFF) int codePoint,
      @ForAll @IntRange(min = 0, max = 100) int where) {
    if (Character.isSurrogate((char) codePoint) && codePoint <= 0xFFFF) {
      return;
    }
    String subject = request.subject();
    int at =
        subject.offsetByCodePoints(0, where % (subject.codePointCount(0, subject.length()) + 1));
    String changed =
        subject.substring(0, at) + Character.toString(codePoint) + subject.substring(at);
    SignetProofRequest other = rebuild(request, builder -> builder.subject(changed));
    assertNotEquals(request.canonicalText(ORIGIN), other.canonicalText(ORIGIN));
  }

  private static SignetProofRequest rebuild(
      SignetProofRequest request,
      Function<SignetProofRequest.SubjectStage, SignetProofRequest.CountStage> subject) {
    return subject
        .apply(SignetProofRequest.builder())
        .count(request.count())
        .nonce(request.nonce())
        .first(request.first())
        .second(request.second())
        .thirdText(request.thirdText())
        .thirdsText(request.thirdsText())
        .shade(request.shade())
        .flag(request.flag())
        .level(request.level())
        .attributes(request.attributes())
        .tags(request.tags())
        .build();
  }

  // ---- what the builder refuses ----

  /**
   * A lone surrogate has no UTF-8, so a text value holding one is refused, naming the parameter.
   */
  @Property(tries = 300)
  void aLoneSurrogateInATextValueIsRefused(
      @ForAll("requests") SignetProofRequest request,
      @ForAll char surrogate,
      @ForAll boolean high) {
    char lone =
        (char)
            ((high ? Character.MIN_HIGH_SURROGATE : Character.MIN_LOW_SURROGATE)
                + (surrogate & 0x3FF));
    String value = high ? "x" + lone + "y" : lone + "y";
    try {
      rebuild(request, builder -> builder.subject(value));
      fail("built a request whose subject holds U+" + Integer.toHexString(lone));
    } catch (InvalidParameterException refused) {
      assertEquals("subject", refused.parameter());
    }
  }

  /**
   * JSON escapes a lone surrogate as {@code \\uDXXX}, as JavaScript's JSON.stringify does: it
   * round-trips.
   */
  @Example
  void aLoneSurrogateInJsonRoundTrips() {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("\uD800", "\uDFFF-\uD83D");
    SignetProofRequest request =
        SignetProofRequest.builder()
            .subject("s")
            .count(0)
            .attributes(attributes)
            .tags(List.of("\uDC00"))
            .build();
    Verification<SignetProofRequest> verification =
        verifier().verifyUrl(request.signedUrl(ORIGIN, SECRET));
    assertEquals(request, verification.request().orElseThrow(), verification::toString);
  }
}
