package dev.signet.sigma;

import dev.signet.annotations.Algorithm;
import dev.signet.annotations.Constant;
import dev.signet.annotations.DigestEncoding;
import dev.signet.annotations.Layout;
import dev.signet.annotations.Location;
import dev.signet.annotations.Nonce;
import dev.signet.annotations.NonceFormat;
import dev.signet.annotations.Param;
import dev.signet.annotations.SignedUrl;
import dev.signet.annotations.Spread;
import dev.signet.annotations.Timestamp;
import java.util.Map;
import java.util.Optional;

/**
 * Sigma's signed embed URL (the "user-backed" embed that Sigma deprecated in August 2025 in favour
 * of JWTs, for hosts still on it), as Sigma's signing packages write it: the parameters
 * form-encoded in the order below, the signature a hex HMAC-SHA256 of the URL exactly as written,
 * sent last as {@code :signature}.
 *
 * <p>Sigma asks for first and last name together; {@link SigmaNames#requireBoth} checks that, since
 * a declaration has no rule across two parameters.
 */
@SignedUrl(
    path = "/{path}",
    signatureParameter = ":signature",
    layout = Layout.URL_AS_WRITTEN,
    algorithm = Algorithm.HMAC_SHA256,
    digest = DigestEncoding.HEX)
public interface SigmaSignedUrl {
  /** The only {@code :mode} Sigma's documentation admits for secure embeds. */
  String MODE = "userbacked";

  /**
   * The embed path after the host, as Sigma gives it for a workbook, page or element: {@code
   * embed/1-1wCxQYjY6ZN7ku3yS4cQhP}, {@code acme/workbook/Sales-Overview-5Ghq2cN7xL0ZyXUF0b6mPk}.
   */
  @Param(in = Location.PATH_SEGMENTS)
  String path();

  /** Drawn as 32 hex digits, as Sigma's package draws it; a given UUID is taken too. */
  @Param(name = ":nonce")
  @Nonce(length = 32, alphabet = "0-9a-f", alsoAccepted = NonceFormat.UUID)
  String nonce();

  @Param(name = ":email")
  String email();

  @Param(name = ":external_user_id")
  String externalUserId();

  @Param(name = ":client_id")
  String clientId();

  @Param(name = ":time")
  @Timestamp
  long time();

  /** Seconds the session stays valid. */
  @Param(name = ":session_length")
  long sessionLength();

  @Param(name = ":mode")
  @Constant(MODE)
  String mode();

  /** Team name(s). */
  @Param(name = ":external_user_team")
  String externalUserTeam();

  @Param(name = ":account_type")
  Optional<String> accountType();

  @Param(name = ":first_name")
  Optional<String> firstName();

  @Param(name = ":last_name")
  Optional<String> lastName();

  @Param(name = ":theme")
  Optional<String> theme();

  @Param(name = ":menu_position")
  Optional<String> menuPosition();

  /** User attributes, each sent as {@code :ua_NAME}. */
  @Spread(prefix = ":ua_")
  Optional<Map<String, String>> userAttributes();

  /** Controls' values, each sent under the control's id. */
  @Spread
  Optional<Map<String, String>> controls();
}
