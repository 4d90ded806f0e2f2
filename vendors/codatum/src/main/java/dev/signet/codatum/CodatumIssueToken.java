package dev.signet.codatum;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.signet.annotations.JsonRequest;
import dev.signet.annotations.Redacted;
import java.util.List;
import java.util.Optional;

/**
 * Codatum's token issuance, {@code POST {apiOrigin}/api/notebook/issueToken}: the host's server
 * trades its API key and secret for a token that lets one user see one published page of a notebook
 * integration. Build it with the generated {@link SignetCodatumIssueToken} and send it with {@link
 * CodatumClient}.
 *
 * <p>The secret never reaches a browser: only the answer's token does.
 */
@JsonRequest(method = "POST", path = "/api/notebook/issueToken")
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public interface CodatumIssueToken {

  /** The API key, from the workspace's settings, permitted in the integration's settings. */
  @JsonProperty("api_key")
  String apiKey();

  /** The API secret that goes with the key. */
  @JsonProperty("api_secret")
  @Redacted
  String apiSecret();

  /**
   * The integration: the last path segment of its embed URL ({@link
   * CodatumEmbedUrl#integrationId()}).
   */
  @JsonProperty("integration_id")
  String integrationId();

  /** The published page to show. */
  @JsonProperty("page_id")
  String pageId();

  /** The host's id for the user the token is for. */
  @JsonProperty("token_user_id")
  String tokenUserId();

  /**
   * The notebook parameters the host sets, such as {@code SignetSalesParams.encode(...)} gives; an
   * empty list when it sets none.
   */
  @JsonProperty("params")
  @JsonSerialize(contentUsing = EncodedParamJackson.Serializer.class)
  List<EncodedParam> params();

  /** The token's lifetime in seconds; Codatum's default is one hour. */
  @JsonProperty("expires_in")
  Optional<Long> expiresIn();

  /** How many seconds the notebook's results may be cached. */
  @JsonProperty("cache_max_age")
  Optional<Long> cacheMaxAge();
}
