package dev.signet.codatum;

import dev.signet.runtime.Json;
import dev.signet.runtime.JsonWritable;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
  private static final Set<String> MEMBERS = Set.of("param_id", "param_value", "is_hidden");

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

  /**
   * The parameter that {@code json}, a value as {@link dev.signet.runtime.JsonParser} reads one,
   * holds: an object of {@code param_id} and {@code param_value}, both strings, and optionally
   * {@code is_hidden}, true or false; no other member.
   *
   * @throws IllegalArgumentException naming the member that breaks that form
   */
  public static EncodedParam fromJson(Object json) {
    if (!(json instanceof Map<?, ?> object)) {
      throw new IllegalArgumentException("a parameter is an object of param_id and param_value");
    }
    for (Object name : object.keySet()) {
      if (!MEMBERS.contains(name)) {
        throw new IllegalArgumentException(name + " is not a member of a parameter");
      }
    }
    if (!(object.get("param_id") instanceof String id)) {
      throw new IllegalArgumentException("param_id must be a string");
    }
    if (!(object.get("param_value") instanceof String value)) {
      throw new IllegalArgumentException("param_value must be a string of JSON text");
    }
    Object hidden = object.get("is_hidden");
    if (hidden != null && !(hidden instanceof Boolean)) {
      throw new IllegalArgumentException("is_hidden must be true or false");
    }
    return new EncodedParam(id, value, Boolean.TRUE.equals(hidden));
  }

  /** This parameter as compact JSON. */
  public String toJson() {
    StringBuilder out = new StringBuilder();
    writeJson(out);
    return out.toString();
  }
}
