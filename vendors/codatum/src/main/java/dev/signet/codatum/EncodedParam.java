package dev.signet.codatum;

import dev.signet.runtime.Json;
import dev.signet.runtime.JsonWritable;
import java.util.Objects;

/**
 * One notebook parameter as Codatum's token API, {@code SET_TOKEN} and the iframe's messages carry
 * it: {@code {"param_id", "param_value", "is_hidden"?}}.
 *
 * @param paramId the parameter's id in the notebook, not empty
 * @param paramValue the value as JSON text, such as {@code "\"store_001\""} or {@code 42}, or
 *     {@link NotebookParamMapper#RESET_TO_DEFAULT} as it is
 * @param hidden whether the parameter is hidden from the parameter form; written as {@code
 *     "is_hidden":true} only when true, as the official mapper writes it
 */
public record EncodedParam(String paramId, String paramValue, boolean hidden)
    implements JsonWritable {

  public EncodedParam {
    Objects.requireNonNull(paramId, "paramId");
    Objects.requireNonNull(paramValue, "paramValue");
    if (paramId.isEmpty()) {
      // As NotebookParamMapper.Param refuses one, which names its key first; there is none here.
      throw new IllegalArgumentException("the param id must not be empty");
    }
  }

  /** Whether the value resets the parameter to the notebook's default. */
  public boolean resetsToDefault() {
    return NotebookParamMapper.RESET_TO_DEFAULT.equals(paramValue);
  }

  @Override
  public void writeJson(StringBuilder out) {
    out.append("{\"param_id\":");
    Json.appendString(out, paramId);
    out.append(",\"param_value\":");
    Json.appendString(out, paramValue);
    if (hidden) {
      out.append(",\"is_hidden\":true");
    }
    out.append('}');
  }

  /** This parameter as compact JSON. */
  public String toJson() {
    StringBuilder out = new StringBuilder();
    writeJson(out);
    return out.toString();
  }
}
