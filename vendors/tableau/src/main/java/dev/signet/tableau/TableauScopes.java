package dev.signet.tableau;

import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.JsonWritable;
import java.util.Arrays;
import java.util.List;

/**
 * A token's {@code scp}: what it lets the user do, at least one scope. Tableau's embedding scopes
 * are the constants here; the value is sent as given, so that a scope Tableau adds can be sent
 * before Signet names it.
 */
public final class TableauScopes implements JsonWritable {
  /** Views embedded for viewing. */
  public static final String VIEWS_EMBED = "tableau:views:embed";

  /** Views embedded for web authoring. */
  public static final String VIEWS_EMBED_AUTHORING = "tableau:views:embed_authoring";

  /** Tableau Pulse insights. */
  public static final String INSIGHTS_EMBED = "tableau:insights:embed";

  /** Metrics. */
  public static final String METRICS_EMBED = "tableau:metrics:embed";

  private final List<String> scopes;

  private TableauScopes(List<String> scopes) {
    if (scopes.isEmpty()) {
      throw new InvalidParameterException(
          "scp", "must hold at least one scope, such as " + VIEWS_EMBED);
    }
    this.scopes = scopes;
  }

  /**
   * The scopes {@code scopes}, in this order.
   *
   * @throws InvalidParameterException naming {@code scp} when there is none, or one is null
   */
  public static TableauScopes of(String... scopes) {
    return of(Arrays.asList(scopes));
  }

  /** As {@link #of(String...)}. */
  public static TableauScopes of(List<String> scopes) {
    return new TableauScopes(JsonTexts.copyOf("scp", scopes));
  }

  /** Reads the scopes back from a verified token. */
  public static TableauScopes fromJson(Object json) {
    if (!(json instanceof List<?> scopes)) {
      throw new InvalidParameterException("scp", "must be a list of scopes");
    }
    return new TableauScopes(JsonTexts.copyOf("scp", scopes));
  }

  /** The scopes, in order. */
  public List<String> scopes() {
    return scopes;
  }

  @Override
  public void writeJson(StringBuilder out) {
    JsonTexts.appendArray(out, scopes);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TableauScopes && scopes.equals(((TableauScopes) other).scopes);
  }

  @Override
  public int hashCode() {
    return scopes.hashCode();
  }

  /** The scopes, as a list. */
  @Override
  public String toString() {
    return scopes.toString();
  }
}
