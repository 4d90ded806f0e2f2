package dev.signet.omni;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.signet.annotations.JsonRequest;
import dev.signet.annotations.Redacted;
import dev.signet.annotations.UrlEncodedJson;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Omni's stateless URL API, {@code POST https://HOST/embed/sso/generate-url}: Omni signs the login
 * URL itself, given the embed secret in the body. The answer holds the signed URL.
 *
 * <p>The body holds the login parameters; as Omni's documentation shows, JSON-valued ones travel as
 * strings of URL-encoded JSON ({@code "userAttributes": "%7B%22region%22%3A%22west%22%7D"}). Omni
 * draws a nonce when none is given. Build it with the generated {@link SignetOmniGenerateUrl}; send
 * it with {@link OmniClient}. Signing locally with {@link SignetOmniLogin} keeps the secret on the
 * host; this request sends it to Omni.
 */
@JsonRequest(method = "POST", path = "/embed/sso/generate-url")
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public interface OmniGenerateUrl extends OmniUserParameters {

  /** The embed secret, from Omni's Settings → Embed. */
  @JsonProperty
  @Redacted
  String secret();

  /** A 32-character nonce; Omni draws one when it is absent. */
  @JsonProperty
  Optional<String> nonce();

  @JsonProperty
  @UrlEncodedJson
  Optional<Map<String, String>> connectionRoles();

  @JsonProperty
  @UrlEncodedJson
  Optional<Map<String, String>> customTheme();

  @JsonProperty
  @UrlEncodedJson
  Optional<List<String>> groups();

  @JsonProperty
  @UrlEncodedJson
  Optional<Map<String, String>> modelRoles();

  @JsonProperty
  Optional<PrefersDark> prefersDark();

  @JsonProperty
  Optional<Theme> theme();

  @JsonProperty
  @UrlEncodedJson
  Optional<UiSettings> uiSettings();

  @JsonProperty
  @UrlEncodedJson
  Optional<Map<String, UserAttribute>> userAttributes();
}
