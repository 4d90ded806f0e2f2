package dev.signet.omni;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The login parameters that generate-url and generate-session both take. */
public interface OmniUserParameters {

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
