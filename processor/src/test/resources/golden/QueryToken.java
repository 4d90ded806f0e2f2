package golden;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.signet.annotations.Constant;
import dev.signet.annotations.Expiry;
import dev.signet.annotations.JwtHeader;
import dev.signet.annotations.Location;
import dev.signet.annotations.Param;
import dev.signet.annotations.SignedJwt;
import dev.signet.annotations.Timestamp;
import dev.signet.annotations.TokenPlacement;
import dev.signet.annotations.Unsigned;
import java.util.Optional;

/**
 * A signed JWT in a query parameter whose name keeps its colon: a claim that is also in the header
 * (the client id, the header's kid and the claim iss), a jti that guards against replay, two
 * records unwrapped among the claims (one after an optional claim, one after required claims), and
 * a constant unsigned value beside the token.
 */
@SignedJwt(path = "/embed/{path}", token = TokenPlacement.QUERY, tokenParameter = ":jwt")
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public interface QueryToken {
  @Unsigned
  @Param(in = Location.PATH_SEGMENTS)
  String path();

  @JsonProperty("sub")
  Optional<String> user();

  @JsonUnwrapped
  Optional<Audience> audience();

  @JwtHeader("kid")
  @JsonProperty("iss")
  String clientId();

  @JsonProperty("jti")
  String jti();

  @Timestamp
  @JsonProperty("iat")
  long iat();

  @Expiry(timeToLiveSeconds = 60, maxSeconds = 600)
  @JsonProperty("exp")
  long exp();

  @JsonUnwrapped
  Version version();

  @Unsigned
  @Constant("true")
  @Param(name = ":embed")
  String embed();

  @Unsigned
  @Param(name = ":theme")
  Optional<String> theme();

  record Audience(@JsonProperty("aud") String aud) {}

  record Version(
      @JsonProperty("ver") Optional<String> ver, @JsonProperty("rev") Optional<Integer> revision) {}
}
