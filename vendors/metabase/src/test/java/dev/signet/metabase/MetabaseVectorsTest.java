package dev.signet.metabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.signet.metabase.MetabaseVectors.Signed;
import dev.signet.metabase.MetabaseVectors.Vector;
import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.Secret;
import dev.signet.runtime.SiteUrl;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every vector of {@code metabase.jsonl}, built with the declarations, signed to the byte. */
class MetabaseVectorsTest {
  private static final Secret SECRET = Secret.ofUtf8("metabase-embedding-secret-key");
  private static final SiteUrl SITE = SiteUrl.of("https://metabase.example.com");

  static List<Vector> vectors() {
    return MetabaseVectors.all();
  }

  @Test
  void theFileHoldsSixtyVectorsSixToRefuse() {
    assertEquals(60, vectors().size());
    assertEquals(6, vectors().stream().filter(v -> !v.accepted()).count());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void signsAsTheReferenceDoesOrRefuses(Vector vector) {
    if (!vector.accepted()) {
      assertThrows(
          IllegalArgumentException.class, () -> MetabaseVectors.sign(vector), vector.why());
      return;
    }
    Signed signed = MetabaseVectors.sign(vector);
    String expected = (String) vector.expect().get("url");
    assertEquals(vector.expect().get("token"), signed.token());
    // The URL to the byte up to the fragment; the fragment's options in any order, as Metabase
    // reads them.
    assertEquals(beforeFragment(expected), beforeFragment(signed.url()));
    assertEquals(
        MetabaseVectors.fragment(fragment(expected)),
        MetabaseVectors.fragment(fragment(signed.url())));
  }

  @Test
  void refusalsNameTheRule() {
    Vector emptyId =
        vectors().stream().filter(v -> v.id().equals("metabase-1-7")).findFirst().orElseThrow();
    InvalidParameterException refused =
        assertThrows(InvalidParameterException.class, () -> MetabaseVectors.sign(emptyId));
    assertEquals(
        "resource: must name a dashboard or a question by a non-empty id", refused.getMessage());
    Vector emptySecret =
        vectors().stream().filter(v -> v.id().equals("metabase-1-17")).findFirst().orElseThrow();
    assertEquals(
        "secret: must not be empty",
        assertThrows(IllegalArgumentException.class, () -> MetabaseVectors.sign(emptySecret))
            .getMessage());
  }

  @Test
  void aSiteUrlMayCarryAPath() {
    SignetMetabaseQuestionEmbed embed = question(1_762_707_394L).build();
    String url = embed.url(SiteUrl.of("https://example.com/metabase/"), SECRET);
    assertEquals("https://example.com/metabase/embed/question/" + embed.token(SECRET), url);
  }

  @Test
  void theIssueTimeComesFromTheClockAndTheExpiryTenMinutesLater() {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(1_800_000_000L), ZoneOffset.UTC);
    SignetMetabaseQuestionEmbed embed =
        SignetMetabaseQuestionEmbed.builder()
            .resource(MetabaseQuestion.of(7))
            .params(Map.of())
            .clock(clock)
            .build();
    assertEquals(1_800_000_000L, embed.iat());
    assertEquals(1_800_000_600L, embed.exp());
    assertEquals(
        "{\"resource\":{\"question\":7},\"params\":{},\"exp\":1800000600,\"iat\":1800000000}",
        embed.claimsJson());
    assertEquals(
        1_800_003_600L,
        SignetMetabaseQuestionEmbed.builder()
            .resource(MetabaseQuestion.of(7))
            .params(Map.of())
            .clock(clock)
            .timeToLive(Duration.ofHours(1))
            .build()
            .exp());
  }

  @Test
  void anExpiryNotAfterTheIssueTimeIsRefused() {
    InvalidParameterException refused =
        assertThrows(InvalidParameterException.class, () -> question(100).exp(100).build());
    assertEquals("exp: must be after iat (100), is 100", refused.getMessage());
    assertEquals(
        "exp: give the expiry or a time to live, not both",
        assertThrows(
                InvalidParameterException.class,
                () -> question(100).exp(200).timeToLive(Duration.ofSeconds(5)).build())
            .getMessage());
  }

  @Test
  void entityIdsAreTwentyOneCharacters() {
    SignetMetabaseQuestionEmbed embed =
        SignetMetabaseQuestionEmbed.builder()
            .resource(MetabaseQuestion.ofEntityId("abcdefghijklmnopqrstu"))
            .params(Map.of())
            .iat(100)
            .build();
    assertEquals(
        "{\"resource\":{\"question\":\"abcdefghijklmnopqrstu\"},\"params\":{},\"exp\":700,\"iat\":100}",
        embed.claimsJson());
    assertEquals(
        "resource: an entity id has 21 characters, not 3; give a numeric id as a number",
        assertThrows(InvalidParameterException.class, () -> MetabaseQuestion.ofEntityId("abc"))
            .getMessage());
  }

  @Test
  void theAppearanceTravelsInTheFragmentUnsigned() {
    SignetMetabaseDashboardEmbed embed =
        SignetMetabaseDashboardEmbed.builder()
            .resource(MetabaseDashboard.of(1))
            .params(Map.of("region", MetabaseParam.ofList(List.of("west", "east"))))
            .iat(1000)
            .bordered(true)
            .theme(MetabaseTheme.NIGHT)
            .hideParameters("a,b")
            .build();
    assertEquals(
        SITE
            + "/embed/dashboard/"
            + embed.token(SECRET)
            + "#bordered=true&theme=night&hide_parameters=a%2Cb",
        embed.url(SITE, SECRET));
    SignetMetabaseDashboardEmbed plain =
        SignetMetabaseDashboardEmbed.builder()
            .resource(MetabaseDashboard.of(1))
            .params(Map.of("region", MetabaseParam.ofList(List.of("west", "east"))))
            .iat(1000)
            .build();
    assertEquals(plain.token(SECRET), embed.token(SECRET));
  }

  private static SignetMetabaseQuestionEmbed.BuildStage question(long iat) {
    return SignetMetabaseQuestionEmbed.builder()
        .resource(MetabaseQuestion.of(7))
        .params(Map.of())
        .iat(iat);
  }

  private static String beforeFragment(String url) {
    int hash = url.indexOf('#');
    return hash < 0 ? url : url.substring(0, hash);
  }

  private static String fragment(String url) {
    int hash = url.indexOf('#');
    return hash < 0 ? "" : url.substring(hash + 1);
  }
}
