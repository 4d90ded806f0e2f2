package dev.signet.metabase;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.signet.runtime.InvalidParameterException;

/**
 * A dashboard as a token's {@code resource} names it: {@code {"dashboard": ID}}.
 *
 * @param dashboard its id
 */
public record MetabaseDashboard(@JsonProperty("dashboard") MetabaseId dashboard) {
  public MetabaseDashboard {
    if (dashboard == null) {
      throw new InvalidParameterException("resource", "must name a dashboard by its id");
    }
  }

  /** The dashboard with the numeric id {@code id}. */
  public static MetabaseDashboard of(long id) {
    return new MetabaseDashboard(MetabaseId.of(id));
  }

  /** The dashboard with the entity id {@code entityId}. */
  public static MetabaseDashboard ofEntityId(String entityId) {
    return new MetabaseDashboard(MetabaseId.ofEntityId(entityId));
  }
}
