package dev.signet.lightdash;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.signet.annotations.Expiry;
import dev.signet.annotations.Location;
import dev.signet.annotations.Param;
import dev.signet.annotations.SignedJwt;
import dev.signet.annotations.Timestamp;
import dev.signet.annotations.TokenPlacement;
import dev.signet.annotations.Unsigned;
import java.util.Map;
import java.util.Optional;

/**
 * Lightdash's iframe embedding of a dashboard: {@code SITE/embed/<projectUuid>#<token>}, the token
 * alone in the fragment, which the browser keeps from the server and Lightdash's page reads. The
 * token is an HS256 JWT signed with the project's embed secret, with the claims of Lightdash's
 * example server, in its order: {@code content}, {@code user}, {@code userAttributes}, {@code iat},
 * {@code exp}.
 */
@SignedJwt(path = "/embed/{projectUuid}", token = TokenPlacement.FRAGMENT)
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public interface LightdashEmbed {
  /** The project in the path; its embed secret signs the token. */
  @Unsigned
  @Param(in = Location.PATH_SEGMENT)
  String projectUuid();

  /** The dashboard, and what its viewers may do. */
  @JsonProperty("content")
  LightdashDashboard content();

  /** Who views it, for Lightdash's logs and user attributes. */
  @JsonProperty("user")
  Optional<LightdashUser> user();

  /** Attribute name to value, for the project's row-level filters. */
  @JsonProperty("userAttributes")
  Optional<Map<String, String>> userAttributes();

  /** The issue time, from the builder's clock unless given. */
  @JsonProperty("iat")
  @Timestamp
  long iat();

  /**
   * The expiry: {@code iat + expiresIn}, as {@code jsonwebtoken} writes it; an hour unless given.
   * Lightdash documents no maximum.
   */
  @JsonProperty("exp")
  @Expiry(timeToLiveSeconds = 3600)
  long exp();
}
