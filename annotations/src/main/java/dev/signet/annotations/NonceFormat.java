package dev.signet.annotations;

/** The form of a {@link Nonce}. */
public enum NonceFormat {
  /** {@link Nonce#length()} characters of {@link Nonce#alphabet()}: {@code 0-9a-f} for hex. */
  CHARACTERS,
  /**
   * A UUID's text, 8-4-4-4-12 lower-case hex digits: drawn as a random (version 4) UUID, and,
   * given, accepted whatever its version bits, as vendors that ask for "a UUID" check only its
   * form.
   */
  UUID
}
