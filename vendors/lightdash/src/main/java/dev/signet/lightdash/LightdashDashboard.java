package dev.signet.lightdash;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.signet.runtime.InvalidParameterException;
import java.util.Optional;

/**
 * A token's {@code content}: the dashboard an iframe shows, by its uuid or its slug, and the
 * options, all inside it, of what its viewers may do.
 *
 * @param type always {@code "dashboard"}: iframe embedding is only available for dashboards
 * @param dashboardUuid the dashboard's uuid, or empty when its slug names it
 * @param dashboardSlug the dashboard's slug, or empty when its uuid names it
 * @param dashboardFiltersInteractivity which filters viewers may change
 */
public record LightdashDashboard(
    @JsonProperty("type") LightdashContentType type,
    @JsonProperty("dashboardUuid") Optional<String> dashboardUuid,
    @JsonProperty("dashboardSlug") Optional<String> dashboardSlug,
    @JsonProperty("dashboardFiltersInteractivity")
        Optional<LightdashFilters> dashboardFiltersInteractivity,
    @JsonProperty("canExportCsv") Optional<Boolean> canExportCsv,
    @JsonProperty("canExportImages") Optional<Boolean> canExportImages,
    @JsonProperty("canExportPagePdf") Optional<Boolean> canExportPagePdf,
    @JsonProperty("canDateZoom") Optional<Boolean> canDateZoom,
    @JsonProperty("canExplore") Optional<Boolean> canExplore) {

  /**
   * @throws InvalidParameterException naming {@code content} unless exactly one of the uuid and the
   *     slug names the dashboard
   */
  public LightdashDashboard {
    boolean byUuid = dashboardUuid.filter(uuid -> !uuid.isEmpty()).isPresent();
    boolean bySlug = dashboardSlug.filter(slug -> !slug.isEmpty()).isPresent();
    if (byUuid == bySlug) {
      throw new InvalidParameterException(
          "content",
          byUuid
              ? "names its dashboard twice: give dashboardUuid or dashboardSlug, not both"
              : "names no dashboard: give dashboardUuid or dashboardSlug (one is required)");
    }
  }

  /** The dashboard with the uuid {@code uuid}, viewers allowed nothing more. */
  public static LightdashDashboard ofUuid(String uuid) {
    return new LightdashDashboard(
        LightdashContentType.DASHBOARD,
        Optional.of(uuid),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }
}
