package dev.signet.looker;

import dev.signet.annotations.AcceptedAmbiguity;
import dev.signet.annotations.Algorithm;
import dev.signet.annotations.DigestEncoding;
import dev.signet.annotations.Encoding;
import dev.signet.annotations.Layout;
import dev.signet.annotations.Location;
import dev.signet.annotations.Nonce;
import dev.signet.annotations.Param;
import dev.signet.annotations.Range;
import dev.signet.annotations.SignedUrl;
import dev.signet.annotations.Timestamp;
import dev.signet.annotations.Unsigned;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Looker's signed embed URL ("SSO embed"), {@code https://HOST/login/embed/TARGET?...}, as Looker's
 * Embed SDK ({@code createSignedUrl}) writes it. Every value travels as JSON; the signed text is
 * the host, the path as sent, then nonce, time, session length, external user id, permissions and
 * models, then the group ids, external group id and user attributes that are present, then the
 * access filters ({@code {}} when none are given). First and last name, time zone and forced logout
 * are sent but not signed.
 *
 * <p>Looker asks for either group ids or both permissions and models; this declaration asks for
 * permissions and models always, the case Looker's documentation and SDK samples show (what Looker
 * signs for a missing one is not established).
 */
@SignedUrl(
    path = "/login/embed/{target}",
    layout = Layout.HOST_THEN_PATH_THEN_VALUES,
    algorithm = Algorithm.HMAC_SHA1,
    digest = DigestEncoding.BASE64)
@AcceptedAmbiguity(
    reason =
        "Looker's scheme: names are not signed, but every value is JSON, which escapes line"
            + " breaks, and the always-present values hold fixed lines")
public interface LookerLogin {
  /** The embedded page's path and query, {@code /embed/dashboards/56}, one path segment. */
  @Param(in = Location.PATH_SEGMENT)
  String target();

  @Param(position = 1, encoding = Encoding.JSON)
  @Nonce(length = 16)
  String nonce();

  @Param(position = 2)
  @Timestamp
  long time();

  /** Seconds; Looker accepts at most 30 days. */
  @Param(name = "session_length", position = 3)
  @Range(min = 0, max = 2_592_000)
  long sessionLength();

  @Param(name = "external_user_id", position = 4, encoding = Encoding.JSON)
  String externalUserId();

  @Param(position = 5)
  List<String> permissions();

  @Param(position = 6)
  List<String> models();

  @Param(name = "group_ids")
  Optional<List<JsonValue>> groupIds();

  /** The group the embed user belongs to; {@code ""} is sent, as Looker's SDK sends it. */
  @Param(name = "external_group_id", encoding = Encoding.JSON)
  Optional<String> externalGroupId();

  @Param(name = "user_attributes")
  Optional<Map<String, JsonValue>> userAttributes();

  @Param(name = "first_name", encoding = Encoding.JSON)
  @Unsigned
  Optional<String> firstName();

  @Param(name = "last_name", encoding = Encoding.JSON)
  @Unsigned
  Optional<String> lastName();

  /** An IANA time zone name, or {@link JsonValue#NULL} for the instance's default. */
  @Param(name = "user_timezone")
  @Unsigned
  Optional<JsonValue> userTimezone();

  @Param(name = "force_logout_login")
  @Unsigned
  Optional<Boolean> forceLogoutLogin();

  /** Always sent and signed: {@code {}} unless the caller gives filters. */
  @Param(name = "access_filters")
  default Map<String, JsonValue> accessFilters() {
    return Map.of();
  }
}
