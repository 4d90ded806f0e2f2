package dev.signet.lightdash;

import dev.signet.annotations.WireValue;
import dev.signet.runtime.InvalidParameterException;

/**
 * A token's {@code content.type}: an iframe embeds dashboards alone (charts need the React SDK).
 */
public enum LightdashContentType {
  @WireValue("dashboard")
  DASHBOARD;

  /**
   * The type named {@code name}.
   *
   * @throws InvalidParameterException naming {@code content.type} for any other name
   */
  public static LightdashContentType of(String name) {
    if (name.equals("dashboard")) {
      return DASHBOARD;
    }
    throw new InvalidParameterException(
        "content.type",
        "must be \"dashboard\": iframe embedding is only available for dashboards (charts need"
            + " the React SDK)");
  }
}
