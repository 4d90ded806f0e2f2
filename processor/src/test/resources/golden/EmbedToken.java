package golden;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.signet.annotations.Expiry;
import dev.signet.annotations.JwtAlgorithm;
import dev.signet.annotations.JwtHeader;
import dev.signet.annotations.SignedJwt;
import dev.signet.annotations.Timestamp;
import dev.signet.annotations.Unsigned;
import dev.signet.annotations.Location;
import dev.signet.annotations.Param;
import dev.signet.annotations.WireValue;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A signed JWT: the token a path segment after an unsigned path value, a key id in the header,
 * claims named by Jackson (a record, a map, a list, an optional one left out when absent), an
 * issue time and a capped expiry from the clock, and unsigned appearance options in the fragment.
 */
@SignedJwt(algorithm = JwtAlgorithm.HS384, path = "/embed/{workspace}/{token}")
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public interface EmbedToken {
  @JwtHeader("kid")
  String keyId();

  @Unsigned
  @Param(in = Location.PATH_SEGMENT)
  String workspace();

  @JsonProperty("resource")
  Resource resource();

  @JsonProperty("params")
  Map<String, List<String>> params();

  @JsonProperty("sub")
  Optional<String> user();

  @Expiry(timeToLiveSeconds = 600, maxSeconds = 3600)
  long exp();

  @Timestamp
  long iat();

  @Unsigned
  @Param(in = Location.FRAGMENT)
  Optional<Boolean> bordered();

  @Unsigned
  @Param(name = "theme", in = Location.FRAGMENT)
  Optional<Theme> look();

  record Resource(@JsonProperty("dashboard") long dashboard) {}

  enum Theme {
    @WireValue("night")
    NIGHT,
    @WireValue("transparent")
    TRANSPARENT
  }
}
