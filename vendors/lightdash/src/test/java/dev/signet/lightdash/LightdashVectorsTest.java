package dev.signet.lightdash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.signet.lightdash.LightdashVectors.Vector;
import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.Secret;
import dev.signet.runtime.SiteUrl;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every vector of {@code lightdash.jsonl}, built with the declaration, signed to the byte. */
class LightdashVectorsTest {
  static List<Vector> vectors() {
    return LightdashVectors.all();
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
          IllegalArgumentException.class, () -> LightdashVectors.url(vector), vector.why());
      return;
    }
    assertEquals(vector.expect().get("url"), LightdashVectors.url(vector));
    assertEquals(
        vector.expect().get("token"),
        LightdashVectors.embed(vector).token(Secret.ofUtf8(vector.string("secret"))));
  }

  @Test
  void refusalsNameTheFieldAndTheRule() {
    assertEquals(
        "content.type: must be \"dashboard\": iframe embedding is only available for dashboards"
            + " (charts need the React SDK)",
        refusal("lightdash-1-17"));
    assertEquals(
        "content: names no dashboard: give dashboardUuid or dashboardSlug (one is required)",
        refusal("lightdash-1-27"));
    assertEquals(
        "dashboardFiltersInteractivity.allowedFilters: is required when enabled is \"some\"",
        refusal("lightdash-1-7"));
    assertEquals(
        "dashboardFiltersInteractivity.enabled: must be \"all\", \"some\" or \"none\"",
        refusal("lightdash-1-47"));
    assertEquals("projectUuid: is required and must not be empty", refusal("lightdash-1-57"));
    assertEquals("secret: must not be empty", refusal("lightdash-1-37"));
  }

  @Test
  void aDashboardIsNamedOnce() {
    assertEquals(
        "content: names its dashboard twice: give dashboardUuid or dashboardSlug, not both",
        assertThrows(
                InvalidParameterException.class,
                () ->
                    new LightdashDashboard(
                        LightdashContentType.DASHBOARD,
                        java.util.Optional.of("a"),
                        java.util.Optional.of("b"),
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        java.util.Optional.empty(),
                        java.util.Optional.empty()))
            .getMessage());
  }

  @Test
  void theProjectIsOneSegmentOfThePathAndTheTokenTheWholeFragment() {
    SignetLightdashEmbed embed =
        SignetLightdashEmbed.builder()
            .projectUuid("a/b c")
            .content(LightdashDashboard.ofUuid("d-1"))
            .iat(1000)
            .userAttributes(Map.of("region", "west"))
            .build();
    Secret secret = Secret.ofUtf8("lightdash-secret");
    assertEquals(
        "https://app.lightdash.cloud/embed/a%2Fb%20c#" + embed.token(secret),
        embed.url(SiteUrl.of("https://app.lightdash.cloud"), secret));
    assertEquals(
        "{\"content\":{\"type\":\"dashboard\",\"dashboardUuid\":\"d-1\"},"
            + "\"userAttributes\":{\"region\":\"west\"},\"iat\":1000,\"exp\":4600}",
        embed.claimsJson());
  }

  private static String refusal(String id) {
    Vector vector = vectors().stream().filter(v -> v.id().equals(id)).findFirst().orElseThrow();
    return assertThrows(IllegalArgumentException.class, () -> LightdashVectors.url(vector))
        .getMessage();
  }
}
