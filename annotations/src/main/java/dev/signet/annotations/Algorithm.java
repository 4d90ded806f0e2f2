package dev.signet.annotations;

/** The MAC that signs a request. */
public enum Algorithm {
  HMAC_SHA1,
  HMAC_SHA256,
  HMAC_SHA512
}
