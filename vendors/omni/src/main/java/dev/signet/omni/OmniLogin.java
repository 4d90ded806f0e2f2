package dev.signet.omni;

import dev.signet.annotations.AcceptedAmbiguity;
import dev.signet.annotations.Encoding;
import dev.signet.annotations.Nonce;
import dev.signet.annotations.Normalization;
import dev.signet.annotations.Order;
import dev.signet.annotations.Param;
import dev.signet.annotations.SignedUrl;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Omni's one-step embed login, {@code GET https://HOST/embed/login}: every parameter that Omni's
 * SDK signs. Build and sign it with the generated {@link SignetOmniLogin}.
 */
@AcceptedAmbiguity(
    reason =
        "Omni defines this scheme and its server checks it; names are not signed and leading whitespace is trimmed there, so an embedding host must match it byte for byte (see the Omni reference, last section)")
@SignedUrl(
    path = "/embed/login",
    order = Order.BY_NAME,
    normalization = Normalization.JAVASCRIPT_TRIM_LINES)
public interface OmniLogin {

  /** What to show: see {@link OmniContentPaths}. */
  @Param(position = 1)
  String contentPath();

  /** The host's stable id for the user. */
  @Param(position = 2)
  String externalId();

  /** The user's display name. */
  @Param(position = 3)
  String name();

  @Param(position = 4)
  @Nonce(length = 32, alphabet = "0-9A-Za-z")
  String nonce();

  /** Grants the user the connection's highest query permission for this content. */
  Optional<Boolean> accessBoost();

  Optional<String> branch();

  /**
   * Connection id to role: {@code RESTRICTED_QUERIER}, {@code VIEWER}, {@code QUERIER} or a custom
   * role's name.
   */
  Optional<Map<String, String>> connectionRoles();

  /** Theme property (such as {@code dashboard-background}) to CSS value. */
  Optional<Map<String, String>> customTheme();

  Optional<String> customThemeId();

  Optional<String> email();

  Optional<String> entity();

  Optional<ContentRole> entityFolderContentRole();

  Optional<ContentRole> entityFolderGroupContentRole();

  Optional<String> entityFolderLabel();

  Optional<String> entityGroupLabel();

  /** A dashboard's filter query, exactly as it appears (URL-encoded) in the dashboard's URL. */
  @Param(encoding = Encoding.PRE_ENCODED)
  Optional<String> filterSearchParam();

  Optional<List<String>> groups();

  /** {@code __omni_link_access_open}, or a comma-separated list of dashboard ids. */
  Optional<String> linkAccess();

  Optional<Mode> mode();

  /** Model id to role. */
  Optional<Map<String, String>> modelRoles();

  Optional<PrefersDark> prefersDark();

  Optional<Boolean> preserveEntityFolderContentRole();

  Optional<Theme> theme();

  Optional<UiSettings> uiSettings();

  /** Attribute name to a string, a number, or a list of them. */
  Optional<Map<String, UserAttribute>> userAttributes();
}
