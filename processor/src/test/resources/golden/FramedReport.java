package golden;

import dev.signet.annotations.AcceptedAmbiguity;
import dev.signet.annotations.Algorithm;
import dev.signet.annotations.Constant;
import dev.signet.annotations.DigestEncoding;
import dev.signet.annotations.Layout;
import dev.signet.annotations.Location;
import dev.signet.annotations.Order;
import dev.signet.annotations.Param;
import dev.signet.annotations.QueryEncoding;
import dev.signet.annotations.SignedUrl;
import dev.signet.annotations.Spread;
import dev.signet.annotations.Timestamp;
import java.util.Map;
import java.util.Optional;

/**
 * A Mode-style report: the URL signed as written, framed, its query sorted by name and encoded as
 * RFC 3986, path segments, a constant, two spread maps and a timestamp without a nonce.
 */
@SignedUrl(
    path = "/{org}/reports/{report}/embed",
    layout = Layout.URL_AS_WRITTEN,
    frame = "GET,,1B2M2Y8AsgTpgAmY7PhCfg==,{text},{timestamp}",
    order = Order.BY_NAME,
    queryEncoding = QueryEncoding.RFC_3986,
    algorithm = Algorithm.HMAC_SHA256,
    digest = DigestEncoding.HEX)
@AcceptedAmbiguity(reason = "The vendor's scheme has no nonce; its timestamp gives freshness.")
public interface FramedReport {
  @Param(in = Location.PATH_SEGMENT)
  String org();

  @Param(in = Location.PATH_SEGMENTS)
  String report();

  @Param(name = "access_key")
  String accessKey();

  @Timestamp
  long timestamp();

  @Constant("userbacked")
  String mode();

  @Param(name = "max_age")
  Optional<Long> maxAge();

  @Spread(prefix = "param_")
  Optional<Map<String, String>> params();

  @Spread(prefix = "ua_")
  Optional<Map<String, String>> attributes();
}
