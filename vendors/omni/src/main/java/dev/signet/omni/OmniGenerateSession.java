package dev.signet.omni;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.signet.annotations.Header;
import dev.signet.annotations.JsonRequest;
import dev.signet.annotations.Redacted;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Step 1 of Omni's two-step embed flow, {@code POST
 * https://HOST/api/unstable/embed/sso/generate-session}: it creates (or updates) the embed user and
 * a session that lasts five minutes, authenticated by an Omni API key as a bearer token. The
 * answer's {@code sessionId} goes into the signed {@link OmniRedeemSession} URL of step 2.
 *
 * <p>The body holds the login parameters, JSON-valued ones as JSON; not the nonce, which step 2
 * carries, nor {@code theme} and {@code prefersDark}, which go in the redeem URL. Build it with the
 * generated {@link SignetOmniGenerateSession}; send it with {@link OmniClient}.
 */
@JsonRequest(method = "POST", path = "/api/unstable/embed/sso/generate-session")
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public interface OmniGenerateSession {

  /** An Omni API key, sent as {@code Authorization: Bearer ...}. */
  @Header(value = "Authorization", prefix = "Bearer ")
  @Redacted
  String apiKey();

  /** What to show: see {@link OmniContentPaths}. */
  @JsonProperty
  String contentPath();

  /** The host's stable id for the user. */
  @JsonProperty
  String externalId();

  /** The user's display name. */
  @JsonProperty
  String name();

  @JsonProperty
  Optional<Boolean> accessBoost();

  @JsonProperty
  Optional<String> branch();

  /** Connection id to role. */
  @JsonProperty
  Optional<Map<String, String>> connectionRoles();

  /** Theme property (such as {@code dashboard-background}) to CSS value. */
  @JsonProperty
  Optional<Map<String, String>> customTheme();

  @JsonProperty
  Optional<String> customThemeId();

  @JsonProperty
  Optional<String> email();

  @JsonProperty
  Optional<String> entity();

  @JsonProperty
  Optional<ContentRole> entityFolderContentRole();

  @JsonProperty
  Optional<ContentRole> entityFolderGroupContentRole();

  @JsonProperty
  Optional<String> entityFolderLabel();

  @JsonProperty
  Optional<String> entityGroupLabel();

  /** A dashboard's filter query, as it appears (URL-encoded) in the dashboard's URL. */
  @JsonProperty
  Optional<String> filterSearchParam();

  @JsonProperty
  Optional<List<String>> groups();

  @JsonProperty
  Optional<String> linkAccess();

  @JsonProperty
  Optional<Mode> mode();

  /** Model id to role. */
  @JsonProperty
  Optional<Map<String, String>> modelRoles();

  @JsonProperty
  Optional<Boolean> preserveEntityFolderContentRole();

  @JsonProperty
  Optional<UiSettings> uiSettings();

  /** Attribute name to a string, a number, or a list of them. */
  @JsonProperty
  Optional<Map<String, UserAttribute>> userAttributes();
}
