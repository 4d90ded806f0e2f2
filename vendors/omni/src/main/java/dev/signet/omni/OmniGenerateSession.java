package dev.signet.omni;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.signet.annotations.Header;
import dev.signet.annotations.JsonRequest;
import dev.signet.annotations.Redacted;

/**
 * Step 1 of Omni's two-step embed flow, {@code POST
 * https://HOST/api/unstable/embed/sso/generate-session}: it creates (or updates) the embed user and
 * a session that lasts five minutes, authenticated by an Omni API key as a bearer token. The
 * answer's {@code sessionId} goes into the signed {@link OmniRedeemSession} URL of step 2.
 *
 * <p>The body holds the login parameters, JSON-valued ones as JSON; not the nonce, which step 2
 * carries, nor {@code theme} and {@code prefersDark}, which go in the redeem URL. Build it with the
 * generated {@link SignetOmniGenerateSession}; send it with {@link OmniClient}.
 */
@JsonRequest(method = "POST", path = "/api/unstable/embed/sso/generate-session")
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public interface OmniGenerateSession extends OmniUserParameters {

  /** An Omni API key, sent as {@code Authorization: Bearer ...}. */
  @Header(value = "Authorization", prefix = "Bearer ")
  @Redacted
  String apiKey();
}
