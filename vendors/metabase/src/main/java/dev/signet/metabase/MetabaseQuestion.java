package dev.signet.metabase;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.signet.runtime.InvalidParameterException;

/**
 * A question (a saved chart) as a token's {@code resource} names it: {@code {"question": ID}}.
 *
 * @param question its id
 */
public record MetabaseQuestion(@JsonProperty("question") MetabaseId question) {
  public MetabaseQuestion {
    if (question == null) {
      throw new InvalidParameterException("resource", "must name a question by its id");
    }
  }

  /** The question with the numeric id {@code id}. */
  public static MetabaseQuestion of(long id) {
    return new MetabaseQuestion(MetabaseId.of(id));
  }

  /** The question with the entity id {@code entityId}. */
  public static MetabaseQuestion ofEntityId(String entityId) {
    return new MetabaseQuestion(MetabaseId.ofEntityId(entityId));
  }
}
