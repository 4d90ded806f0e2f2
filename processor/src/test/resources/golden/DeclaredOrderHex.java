package golden;

import dev.signet.annotations.Algorithm;
import dev.signet.annotations.DigestEncoding;
import dev.signet.annotations.Encoding;
import dev.signet.annotations.Nonce;
import dev.signet.annotations.Order;
import dev.signet.annotations.Param;
import dev.signet.annotations.SignedLines;
import dev.signet.annotations.SignedUrl;
import dev.signet.annotations.WireValue;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Names signed with values in declared order, a custom separator and signature parameter,
 * HMAC-SHA1 in hex; required scalars of every text kind, a deprecated parameter and JSON with
 * enum keys and decimals.
 */
@SignedUrl(
    path = "/api/v1/report",
    signatureParameter = "sig",
    separator = "|",
    lines = SignedLines.NAMES_AND_VALUES,
    order = Order.DECLARED,
    algorithm = Algorithm.HMAC_SHA1,
    digest = DigestEncoding.HEX)
public interface DeclaredOrderHex {

  String account();

  @Nonce(length = 16, alphabet = "a-f0-9")
  String nonce();

  long since();

  boolean draft();

  Level level();

  Integer pageSize();

  Optional<Integer> limit();

  /** @deprecated the vendor ignores it */
  @Deprecated
  Optional<String> legacyToken();

  @Param(encoding = Encoding.JSON)
  Optional<String> label();

  @Param(encoding = Encoding.JSON)
  Level jsonLevel();

  Optional<Map<Level, Double>> weights();

  Optional<List<Point>> points();

  enum Level {
    @WireValue("lo")
    LOW,
    @WireValue("hi")
    HIGH
  }

  record Point(double x, Double y, Optional<BigDecimal> z) {}
}
