package dev.signet.omni;

import dev.signet.annotations.AcceptedAmbiguity;
import dev.signet.annotations.Nonce;
import dev.signet.annotations.Normalization;
import dev.signet.annotations.Order;
import dev.signet.annotations.Param;
import dev.signet.annotations.SignedUrl;
import java.util.Optional;

/**
 * Step 2 of Omni's two-step embed flow, {@code GET https://HOST/embed/sso/redeem-session}: it
 * redeems the session id that generate-session answered with.
 */
@AcceptedAmbiguity(
    reason =
        "Omni defines this scheme and its server checks it; an embedding host must match it byte for byte")
@SignedUrl(
    path = "/embed/sso/redeem-session",
    order = Order.BY_NAME,
    normalization = Normalization.JAVASCRIPT_TRIM_LINES)
public interface OmniRedeemSession {

  @Param(position = 1)
  @Nonce(length = 32, alphabet = "0-9A-Za-z")
  String nonce();

  /** The {@code sessionId} from generate-session's answer. */
  @Param(position = 2)
  String sessionId();

  Optional<String> branch();

  Optional<PrefersDark> prefersDark();

  Optional<Theme> theme();
}
