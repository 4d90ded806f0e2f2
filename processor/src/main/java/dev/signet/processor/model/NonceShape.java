package dev.signet.processor.model;

/**
 * The declared shape of a nonce.
 *
 * @param alphabet every character a nonce may hold, each once, ranges expanded
 * @param formats the forms a nonce may take, as {@code NonceFormat} names them: the first is the
 *     one drawn
 */
public record NonceShape(int length, String alphabet, java.util.List<String> formats) {
  /** A nonce of {@code length} characters of {@code alphabet}, the only form. */
  public NonceShape(int length, String alphabet) {
    this(length, alphabet, java.util.List.of("CHARACTERS"));
  }

  /** Whether a nonce can take another form than {@code length} characters of the alphabet. */
  public boolean beyondCharacters() {
    return !formats.equals(java.util.List.of("CHARACTERS"));
  }
}
