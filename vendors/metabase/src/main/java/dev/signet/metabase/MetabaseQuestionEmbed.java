package dev.signet.metabase;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.signet.annotations.Expiry;
import dev.signet.annotations.SignedJwt;
import dev.signet.annotations.Timestamp;
import java.util.Map;

/**
 * Metabase's static embedding of a question (a saved chart): {@code
 * SITE_URL/embed/question/<token>}, then the unsigned appearance options after {@code #}. The token
 * is an HS256 JWT signed with the instance's embedding secret key (its text as UTF-8, not
 * hex-decoded), with the claims that Metabase's embed dialog writes for Node.js, in its order:
 * {@code resource}, {@code params}, {@code exp}, {@code iat}.
 */
@SignedJwt(path = "/embed/question/{token}")
public interface MetabaseQuestionEmbed extends MetabaseAppearance {
  /** {@code {"question": ID}}. */
  @JsonProperty("resource")
  MetabaseQuestion resource();

  /**
   * The embed's locked parameters, name to value; {@code {}} when there are none. Metabase wants
   * every locked parameter here (an empty {@link MetabaseParam#ofList list} not to apply one).
   */
  @JsonProperty("params")
  Map<String, MetabaseParam> params();

  /** The expiry: ten minutes after the issue time unless given, as Metabase's snippet sets it. */
  @JsonProperty("exp")
  @Expiry(timeToLiveSeconds = 600)
  long exp();

  /** The issue time, from the builder's clock unless given. */
  @JsonProperty("iat")
  @Timestamp
  long iat();
}
