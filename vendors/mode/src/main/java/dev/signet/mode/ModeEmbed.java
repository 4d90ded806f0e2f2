package dev.signet.mode;

import dev.signet.annotations.AcceptedAmbiguity;
import dev.signet.annotations.Algorithm;
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
 * Mode's signed white-label embed URL, {@code https://HOST/ORG/reports/REPORT/embed?...}, as Mode's
 * own WordPress plugin writes it: the query sorted by name and encoded as RFC 3986, and the signed
 * text the request string {@code GET,,<MD5 of the empty body>,<URL>,<timestamp>}.
 */
@SignedUrl(
    path = "/{org}/reports/{report}/embed",
    layout = Layout.URL_AS_WRITTEN,
    frame = "GET,,1B2M2Y8AsgTpgAmY7PhCfg==,{text},{timestamp}",
    order = Order.BY_NAME,
    queryEncoding = QueryEncoding.RFC_3986,
    algorithm = Algorithm.HMAC_SHA256,
    digest = DigestEncoding.HEX)
@AcceptedAmbiguity(
    reason =
        "Mode's scheme has no nonce: a URL can be opened again until its timestamp is too old,"
            + " which is why Mode calls these URLs rapidly expiring")
public interface ModeEmbed {
  /** The organization's name, as in Mode's URLs. */
  @Param(in = Location.PATH_SEGMENT)
  String org();

  /** The report's token. */
  @Param(in = Location.PATH_SEGMENT)
  String report();

  @Param(name = "access_key")
  String accessKey();

  @Timestamp
  long timestamp();

  /** How long, in seconds, Mode may serve the report from its cache. */
  @Param(name = "max_age")
  Optional<Long> maxAge();

  /** {@code now} runs the report when it is opened. */
  Optional<String> run();

  /** The report's parameters, sent as {@code param_NAME}. */
  @Spread(prefix = "param_")
  Optional<Map<String, String>> params();
}
