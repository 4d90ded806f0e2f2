package dev.signet.sample.proof;

import dev.signet.annotations.Nonce;
import dev.signet.annotations.Param;
import dev.signet.annotations.SignedLines;
import dev.signet.annotations.SignedUrl;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A signed URL designed the unambiguous way, {@code lines = NAMES_AND_VALUES}, for the proof tests:
 * several optional texts that can take the same values, and one parameter of every kind a line can
 * hold (enum, boolean, int, JSON object, JSON array). Its signed text is declared order, no
 * normalization.
 */
@SignedUrl(path = "/proof/unambiguous", lines = SignedLines.NAMES_AND_VALUES)
public interface ProofRequest {

  @Param(position = 1)
  String subject();

  @Param(position = 2)
  @Nonce(length = 24, alphabet = "0-9A-Za-z")
  String nonce();

  @Param(position = 3)
  int count();

  Optional<String> first();

  Optional<String> second();

  /** A wire name that differs from the method's, and from another one's by one character. */
  @Param(name = "third")
  Optional<String> thirdText();

  @Param(name = "thirds")
  Optional<String> thirdsText();

  Optional<Shade> shade();

  Optional<Boolean> flag();

  Optional<Integer> level();

  Optional<Map<String, String>> attributes();

  Optional<List<String>> tags();
}
