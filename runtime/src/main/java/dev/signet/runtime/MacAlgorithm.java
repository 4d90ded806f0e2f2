package dev.signet.runtime;

/** The MACs a generated signer can use. */
public enum MacAlgorithm {
  HMAC_SHA1("HmacSHA1"),
  HMAC_SHA256("HmacSHA256"),
  HMAC_SHA384("HmacSHA384"),
  HMAC_SHA512("HmacSHA512");

  private final String jcaName;

  MacAlgorithm(String jcaName) {
    this.jcaName = jcaName;
  }

  /** The algorithm's standard name in the Java Cryptography Architecture. */
  public String jcaName() {
    return jcaName;
  }
}
