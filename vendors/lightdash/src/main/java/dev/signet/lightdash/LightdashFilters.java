package dev.signet.lightdash;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.signet.runtime.InvalidParameterException;
import java.util.List;
import java.util.Optional;

/**
 * A dashboard's {@code dashboardFiltersInteractivity}: which of its filters viewers may change.
 *
 * @param enabled all, some or none of them
 * @param allowedFilters the filters' uuids, for {@code some}
 * @param hidden whether the filters are hidden
 */
public record LightdashFilters(
    @JsonProperty("enabled") Interactivity enabled,
    @JsonProperty("allowedFilters") Optional<List<String>> allowedFilters,
    @JsonProperty("hidden") Optional<Boolean> hidden) {

  /**
   * @throws InvalidParameterException naming {@code dashboardFiltersInteractivity.allowedFilters}
   *     when {@code enabled} is {@code some} without them
   */
  public LightdashFilters {
    if (enabled == null) {
      throw new InvalidParameterException(
          "dashboardFiltersInteractivity.enabled", "is required: \"all\", \"some\" or \"none\"");
    }
    if (enabled == Interactivity.SOME && allowedFilters.isEmpty()) {
      throw new InvalidParameterException(
          "dashboardFiltersInteractivity.allowedFilters", "is required when enabled is \"some\"");
    }
    allowedFilters = allowedFilters.map(List::copyOf);
  }

  /** How many of a dashboard's filters viewers may change. */
  public enum Interactivity {
    @dev.signet.annotations.WireValue("all")
    ALL,
    @dev.signet.annotations.WireValue("some")
    SOME,
    @dev.signet.annotations.WireValue("none")
    NONE;

    /**
     * The interactivity named {@code name}.
     *
     * @throws InvalidParameterException naming {@code dashboardFiltersInteractivity.enabled} for
     *     any other name
     */
    public static Interactivity of(String name) {
      return switch (name) {
        case "all" -> ALL;
        case "some" -> SOME;
        case "none" -> NONE;
        default ->
            throw new InvalidParameterException(
                "dashboardFiltersInteractivity.enabled", "must be \"all\", \"some\" or \"none\"");
      };
    }
  }
}
