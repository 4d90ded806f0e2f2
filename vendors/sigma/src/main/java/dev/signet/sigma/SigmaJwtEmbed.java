package dev.signet.sigma;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Sigma's JWT embed: {@code EMBED_PATH?:jwt=<token>&:embed=true}. The token is an HS256 JWT signed
 * with the embed client's secret, its header {@code {"alg":"HS256","typ":"JWT","kid":CLIENT_ID}},
 * its claims in the order of Sigma's claims reference; each optional claim is there exactly when it
 * is given.
 */
@SignedJwt(path = "/{path}", token = TokenPlacement.QUERY, tokenParameter = ":jwt")
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public interface SigmaJwtEmbed {
  /** The longest a token may live, from {@code iat} to {@code exp}: 30 days ("Cannot exceed"). */
  long MAX_LIFETIME_SECONDS = 2_592_000;

  /**
   * The embed path after the host, as Sigma gives it for a workbook, page or element: {@code
   * embed/1-1wCxQYjY6ZN7ku3yS4cQhP}, {@code acme/workbook/Sales-Overview-5Ghq2cN7xL0ZyXUF0b6mPk}.
   */
  @Unsigned
  @Param(in = Location.PATH_SEGMENTS)
  String path();

  /** The embed user's email address. */
  @JsonProperty("sub")
  SigmaEmail email();

  /**
   * The embed client id: the header's {@code kid}, which names the secret that signs the token, and
   * the claim {@code iss}, one value given once.
   */
  @JwtHeader("kid")
  @JsonProperty("iss")
  String clientId();

  /** A unique id of the token, which a verifier accepts once. */
  @JsonProperty("jti")
  String jti();

  /** The issue time, from the builder's clock unless given. */
  @JsonProperty("iat")
  @Timestamp
  long iat();

  /** The expiry: an hour after the issue time unless given, and at most 30 days after it. */
  @JsonProperty("exp")
  @Expiry(timeToLiveSeconds = 3600, maxSeconds = MAX_LIFETIME_SECONDS)
  long exp();

  @JsonProperty("account_type")
  Optional<String> accountType();

  /** Team names; an empty list is sent as {@code []}. */
  @JsonProperty("teams")
  Optional<List<String>> teams();

  @JsonProperty("first_name")
  Optional<String> firstName();

  @JsonProperty("last_name")
  Optional<String> lastName();

  /** User attribute name to value. */
  @JsonProperty("user_attributes")
  Optional<Map<String, String>> userAttributes();

  @JsonProperty("eval_connection_id")
  Optional<String> evalConnectionId();

  /** {@code ver} and {@code aud}, claims of their own, with Sigma's rule across them. */
  @JsonUnwrapped
  Optional<SigmaVersion> version();

  /** {@code :embed=true}, beside the token in every URL, not signed. */
  @Unsigned
  @Constant("true")
  @Param(name = ":embed")
  String embed();
}
