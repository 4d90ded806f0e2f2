package dev.signet.runtime;

/** The MACs a generated signer can use. */
public enum MacAlgorithm {
  HMAC_SHA1("HmacSHA1", "SHA-1", 64, 20),
  HMAC_SHA256("HmacSHA256", "SHA-256", 64, 32),
  HMAC_SHA384("HmacSHA384", "SHA-384", 128, 48),
  HMAC_SHA512("HmacSHA512", "SHA-512", 128, 64);

  private final String jcaName;
  private final String digestName;
  private final int blockSize;
  private final int macLength;

  MacAlgorithm(String jcaName, String digestName, int blockSize, int macLength) {
    this.jcaName = jcaName;
    this.digestName = digestName;
    this.blockSize = blockSize;
    this.macLength = macLength;
  }

  /** The length of a MAC in bytes: the hash's output. */
  int macLength() {
    return macLength;
  }

  /** The standard name of the hash that HMAC is built on. */
  String digestName() {
    return digestName;
  }

  /** The hash's block size in bytes: the length HMAC pads the key to (RFC 2104). */
  int blockSize() {
    return blockSize;
  }

  /** The algorithm's standard name in the Java Cryptography Architecture. */
  public String jcaName() {
    return jcaName;
  }
}
