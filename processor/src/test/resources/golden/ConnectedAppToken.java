package golden;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.signet.annotations.Constant;
import dev.signet.annotations.Expiry;
import dev.signet.annotations.JwtHeader;
import dev.signet.annotations.SignedJwt;
import dev.signet.annotations.Spread;
import dev.signet.annotations.Timestamp;
import dev.signet.annotations.TokenPlacement;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A signed JWT handed over alone, as Tableau's connected apps take it: a key id in the header, a
 * constant audience, and two maps spread into claims of their own in the declared order, the first
 * before any other claim and under a prefix, the second optional and between the expiry and the
 * issue time.
 */
@SignedJwt(token = TokenPlacement.NONE)
public interface ConnectedAppToken {
  @JwtHeader("kid")
  String keyId();

  @Spread(prefix = "ctl_")
  Map<String, Integer> controls();

  @JsonProperty("jti")
  String jti();

  @JsonProperty("aud")
  @Constant("vendor")
  String audience();

  @JsonProperty("sub")
  String user();

  @Expiry(timeToLiveSeconds = 300, maxSeconds = 600)
  long exp();

  @Spread
  Optional<Map<String, List<String>>> attributes();

  @Timestamp
  long iat();
}
