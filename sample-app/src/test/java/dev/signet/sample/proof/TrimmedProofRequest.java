package dev.signet.sample.proof;

import dev.signet.annotations.Algorithm;
import dev.signet.annotations.DigestEncoding;
import dev.signet.annotations.Encoding;
import dev.signet.annotations.Nonce;
import dev.signet.annotations.Normalization;
import dev.signet.annotations.Order;
import dev.signet.annotations.Param;
import dev.signet.annotations.SignedLines;
import dev.signet.annotations.SignedUrl;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The unambiguous scheme under the other settings: sorted by name, JavaScript trimming (which, with
 * names and form-encoded values on each line, must trim nothing of a value), SHA-512 in hex, and a
 * pre-encoded parameter.
 */
@SignedUrl(
    path = "/proof/trimmed",
    lines = SignedLines.NAMES_AND_VALUES,
    order = Order.BY_NAME,
    normalization = Normalization.JAVASCRIPT_TRIM_LINES,
    algorithm = Algorithm.HMAC_SHA512,
    digest = DigestEncoding.HEX)
public interface TrimmedProofRequest {

  @Param(position = 1)
  @Nonce(length = 16, alphabet = "a-z")
  String nonce();

  String subject();

  Optional<String> note();

  Optional<String> remark();

  @Param(encoding = Encoding.PRE_ENCODED)
  Optional<String> filter();

  Optional<Shade> shade();

  Optional<Boolean> flag();

  Optional<Long> total();

  Optional<Map<String, String>> attributes();

  Optional<List<String>> tags();
}
