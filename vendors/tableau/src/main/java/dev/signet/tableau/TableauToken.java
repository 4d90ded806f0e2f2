package dev.signet.tableau;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.signet.annotations.Constant;
import dev.signet.annotations.Expiry;
import dev.signet.annotations.JwtHeader;
import dev.signet.annotations.SignedJwt;
import dev.signet.annotations.Spread;
import dev.signet.annotations.Timestamp;
import dev.signet.annotations.TokenPlacement;
import java.util.Map;
import java.util.Optional;

/**
 * The token of a Tableau connected app with direct trust, which the host hands to Tableau's
 * embedding web component ({@code <tableau-viz src="…" token="…">}) itself: there is no URL. It is
 * an HS256 JWT signed with the connected app's secret value (its UTF-8, not base64-decoded), the
 * secret's id and the app's client id in the header, and the claims of Tableau's sample, in its
 * order: {@code jti}, {@code aud}, {@code sub}, {@code scp}, {@code exp}, then each user attribute
 * as a claim of its own, then {@code iat}.
 */
@SignedJwt(token = TokenPlacement.NONE)
public interface TableauToken {
  /** The connected app's secret id, {@code kid}: it names the secret that signs the token. */
  @JwtHeader("kid")
  String secretId();

  /** The connected app's client id, {@code iss}, in the header as Tableau's sample puts it. */
  @JwtHeader("iss")
  String clientId();

  /** A unique id; Tableau refuses a token whose {@code jti} it has seen. */
  @JsonProperty("jti")
  String jti();

  /** Always {@code "tableau"}. */
  @JsonProperty("aud")
  @Constant("tableau")
  String aud();

  /** The Tableau user name, case-sensitive; on Tableau Cloud, the user's email address. */
  @JsonProperty("sub")
  String username();

  /** What the token grants, at least one scope. */
  @JsonProperty("scp")
  TableauScopes scopes();

  /**
   * The expiry: five minutes after the issue time unless given, and at most ten, the longest
   * Tableau accepts ("Max of 10 minutes"; error 16, {@code LOGIN_FAILED}, beyond it).
   */
  @JsonProperty("exp")
  @Expiry(timeToLiveSeconds = 300, maxSeconds = 600)
  long exp();

  /**
   * User attributes, name to value, each sent as a top-level claim of its own, for the attribute
   * functions of Tableau's data policies; none when absent.
   */
  @Spread
  Optional<Map<String, TableauAttribute>> userAttributes();

  /** The issue time, from the builder's clock unless given; Tableau's clock reads UTC. */
  @JsonProperty("iat")
  @Timestamp
  long iat();
}
