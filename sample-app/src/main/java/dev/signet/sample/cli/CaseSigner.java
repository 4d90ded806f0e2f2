package dev.signet.sample.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One vendor's signer for {@code sign VENDOR}: it reads a case, an object with the fields that the
 * vendor's test vectors give, and answers with what the host would hand the browser.
 */
interface CaseSigner {
  /** The vendor's name, as {@code sign} takes it. */
  String vendor();

  /** One line on what is signed, for {@code sign --help}. */
  String summary();

  /** The case's fields, for {@code sign VENDOR --help}. */
  List<Field> fields();

  /**
   * The answer for {@code signedCase}: the signed URL, or for a vendor that takes a bare token, the
   * token.
   *
   * @throws IllegalArgumentException naming the field or parameter and the rule, for a case the
   *     signer refuses
   */
  String sign(ObjectNode signedCase);

  /** A case's field and what it holds. */
  record Field(String name, String meaning) {}
}
