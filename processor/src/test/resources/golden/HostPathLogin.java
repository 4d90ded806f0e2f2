package golden;

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
 * A Looker-style login: a path parameter, the host and path on lines of their own, values as JSON
 * (the nonce quoted), a timestamp, a range, parameters sent unsigned, and a default.
 */
@SignedUrl(
    path = "/login/embed/{target}",
    layout = Layout.HOST_THEN_PATH_THEN_VALUES,
    algorithm = Algorithm.HMAC_SHA1,
    digest = DigestEncoding.BASE64)
@AcceptedAmbiguity(reason = "The vendor signs JSON values alone; the scheme is the vendor's.")
public interface HostPathLogin {
  @Param(in = Location.PATH_SEGMENT)
  String target();

  @Param(position = 1, encoding = Encoding.JSON)
  @Nonce(length = 16)
  String nonce();

  @Param(position = 2)
  @Timestamp
  long time();

  @Param(name = "session_length", position = 3)
  @Range(min = 0, max = 2_592_000)
  long sessionLength();

  @Param(name = "external_user_id", position = 4, encoding = Encoding.JSON)
  String externalUserId();

  Optional<List<String>> models();

  @Param(name = "first_name", encoding = Encoding.JSON)
  @Unsigned
  Optional<String> firstName();

  @Param(in = Location.FRAGMENT)
  @Unsigned
  Optional<String> theme();

  @Param(name = "access_filters")
  default Map<String, String> accessFilters() {
    return Map.of();
  }
}
