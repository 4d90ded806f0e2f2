package dev.signet.sample.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.signet.runtime.Secret;
import dev.signet.runtime.Verification;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The builder's and the inspector's machinery, driven by descriptions alone, over every accepted
 * answer of every vendor's vectors (the copies in this module's test resources, see their READMEs):
 * each answer is recognised as its declaration's, verified by that declaration's generated verifier
 * at the case's time and refused once tampered, and the request it carries goes through the form's
 * texts and the builder back to an equal request, which signs to an answer that verifies too, over
 * the same signed text where the scheme has one.
 */
class DeclaredToolsVectorsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** An accepted vector: its answer, the declaration it belongs to, its secret and its time. */
  record Answer(String id, String declaration, String output, String secret, Optional<Long> time) {
    @Override
    public String toString() {
      return id;
    }

    Clock clock() {
      return time.map(t -> Clock.fixed(Instant.ofEpochSecond(t), ZoneOffset.UTC))
          .orElse(Clock.systemUTC());
    }
  }

  static Stream<Answer> answers() {
    List<Answer> answers = new ArrayList<>();
    for (String file :
        List.of(
            "vendors/looker.jsonl",
            "vendors/mode.jsonl",
            "vendors/sigma.jsonl",
            "vectors/metabase.jsonl",
            "vectors/tableau.jsonl",
            "vectors/lightdash.jsonl")) {
      for (JsonNode vector : lines(file)) {
        if (!vector.path("expect").isObject()) {
          continue;
        }
        JsonNode c = vector.get("case");
        JsonNode expect = vector.get("expect");
        String vendor = file.substring(file.indexOf('/') + 1, file.indexOf('.'));
        String declaration =
            switch (vendor) {
              case "looker" -> "SignetLookerLogin";
              case "mode" -> "SignetModeEmbed";
              case "sigma" ->
                  c.path("scheme").asText().equals("jwt")
                      ? "SignetSigmaJwtEmbed"
                      : "SignetSigmaSignedUrl";
              case "metabase" ->
                  c.path("resource").has("dashboard")
                      ? "SignetMetabaseDashboardEmbed"
                      : "SignetMetabaseQuestionEmbed";
              case "tableau" -> "SignetTableauToken";
              default -> "SignetLightdashEmbed";
            };
        Optional<Long> time = Optional.empty();
        for (String field : List.of("time", "timestamp", "iat")) {
          if (c.has(field)) {
            time = Optional.of(c.get(field).asLong());
          }
        }
        answers.add(
            new Answer(
                vector.get("id").asText(),
                declaration,
                expect.has("url") ? expect.get("url").asText() : expect.get("token").asText(),
                c.get("secret").asText(),
                time));
      }
    }
    int omni = 0;
    for (JsonNode vector : lines("vectors/omni-sdk-vectors.jsonl")) {
      omni++;
      if (vector.path("expect").asText().equals("accept")) {
        JsonNode c = vector.get("case");
        answers.add(
            new Answer(
                "omni-" + omni,
                c.get("op").asText().equals("login")
                    ? "SignetOmniLogin"
                    : "SignetOmniRedeemSession",
                vector.get("sdk").get("url").asText(),
                c.get("secret").asText(),
                Optional.empty()));
      }
    }
    return answers.stream();
  }

  private static List<JsonNode> lines(String resource) {
    List<JsonNode> lines = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(
            new InputStreamReader(
                DeclaredToolsVectorsTest.class.getResourceAsStream("/" + resource),
                StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (!line.isBlank()) {
          lines.add(JSON.readTree(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }

  /**
   * Each signed value of {@code actual} is {@code expected}'s, but that an empty field is an absent
   * value: the form cannot send an optional text present but empty (Looker's external_group_id ""
   * in eight cases), as its hints say.
   */
  private static void assertSameSignedValues(
      Description description, Object expected, Object actual) {
    for (Description.Property property : description.properties()) {
      if (!property.isUnsigned()) {
        Optional<?> given = DeclaredRequests.value(expected, property);
        assertEquals(
            !property.required() && given.equals(Optional.of("")) ? Optional.empty() : given,
            DeclaredRequests.value(actual, property),
            property.name());
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("answers")
  void eachAnswerIsRecognisedAsItsDeclarations(Answer answer) {
    assertEquals(
        Optional.of(answer.declaration()),
        Declarations.detect(answer.output()).map(Description::id));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("answers")
  void eachAnswerVerifiesAndIsRefusedTampered(Answer answer) {
    Description description = Declarations.byId(answer.declaration()).orElseThrow();
    Secret secret = Secret.ofUtf8(answer.secret());
    Verification<?> verified = Signing.verify(description, answer.output(), secret, answer.clock());
    assertTrue(verified.isVerified(), verified::toString);

    Verification<?> otherSecret =
        Signing.verify(
            description, answer.output(), Secret.ofUtf8("x" + answer.secret()), answer.clock());
    assertFalse(otherSecret.isVerified(), "verified with another secret");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("answers")
  void eachRequestGoesThroughTheFormAndSignsAgain(Answer answer) {
    Description description = Declarations.byId(answer.declaration()).orElseThrow();
    Secret secret = Secret.ofUtf8(answer.secret());
    Verification<?> verified = Signing.verify(description, answer.output(), secret, answer.clock());
    Object request = verified.request().orElseThrow();

    Map<String, String> form =
        new LinkedHashMap<>(DeclaredRequests.form(description, request, false));
    // Values sent unsigned are not in the request, which the signature covers: the inspector
    // shows them apart, and the builder takes them back from there.
    for (Description.Property property : description.properties()) {
      String unsigned = verified.unauthenticated().get(property.wireName());
      if (property.isUnsigned() && property.isSettable() && unsigned != null) {
        form.put(property.name(), unsigned);
      }
    }
    Object rebuilt = DeclaredRequests.build(description, form);
    assertEquals(form, DeclaredRequests.form(description, rebuilt, false));
    assertSameSignedValues(description, request, rebuilt);

    String where =
        description.kind().equals(Description.SIGNED_URL)
            ? Signing.originOf(Signing.asSigned(answer.output()))
            : description.tokenPlacement().equals("NONE")
                ? ""
                : Declarations.siteOf(description, answer.output());
    Signing.Signed signed = Signing.sign(description, rebuilt, where, secret);
    Verification<?> again = Signing.verify(description, signed.output(), secret, answer.clock());
    assertTrue(again.isVerified(), again::toString);
    assertSameSignedValues(description, request, again.request().orElseThrow());
    boolean emptyTextDropped =
        description.properties().stream()
            .anyMatch(
                p ->
                    !p.required()
                        && !p.isUnsigned()
                        && DeclaredRequests.value(request, p).equals(Optional.of("")));
    // Where the form dropped a present but empty text, the signed text lacks its line.
    if (verified.report().isPresent() && !emptyTextDropped) {
      assertEquals(
          verified.report().orElseThrow().signedText(), again.report().orElseThrow().signedText());
      assertEquals(verified.report().orElseThrow().signedText(), signed.signedText().orElseThrow());
    }
  }
}
