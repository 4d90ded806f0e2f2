package golden;

import dev.signet.annotations.AcceptedAmbiguity;
import dev.signet.annotations.Algorithm;
import dev.signet.annotations.DigestEncoding;
import dev.signet.annotations.Nonce;
import dev.signet.annotations.Param;
import dev.signet.annotations.SignedUrl;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A nested declaration signed with HMAC-SHA512 in padded base64, whose only required parameter
 * is its nonce; nested JSON of every container kind.
 */
public final class Base64Sha512 {
  private Base64Sha512() {}

  @SignedUrl(
      path = "/sso/redeem-session",
      algorithm = Algorithm.HMAC_SHA512,
      digest = DigestEncoding.BASE64)
  @AcceptedAmbiguity(reason = "A vendor's scheme, signed as its SDK signs it.")
  public interface Redeem {

    @Param(position = 1)
    @Nonce(length = 24, alphabet = "-_0-9a-z")
    String nonce();

    Optional<String> sessionId();

    Optional<Map<String, List<Map<String, Integer>>>> nested();

    Optional<Tags> tags();

    Optional<List<List<String>>> matrix();
  }

  public record Tags(BigInteger serial, List<String> names, Map<String, Boolean> flags, Tag main) {}

  public record Tag(String key, Optional<Tag.Kind> kind) {
    public enum Kind {
      PLAIN,
      SECRET
    }
  }
}
