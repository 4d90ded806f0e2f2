package dev.signet.processor.model;

/** How a signed-URL parameter's value becomes the text that is signed and sent. */
public sealed interface TextForm {

  /** A {@code String}, as it is. */
  record Plain() implements TextForm {}

  /** A {@code String} that is already URL-encoded, signed as it is. */
  record PreEncoded() implements TextForm {}

  /**
   * The request's nonce: a {@code String} of a declared shape, drawn when none is given; its text
   * is the nonce itself, or, with {@code json}, the nonce as a quoted JSON string (Looker).
   */
  record Nonce(NonceShape shape, boolean json) implements TextForm {
    /** A nonce whose text is itself. */
    public Nonce(NonceShape shape) {
      this(shape, false);
    }
  }

  /** A boolean or an integer, written by {@code String.valueOf}. */
  record Scalar() implements TextForm {}

  /** An enum constant, as its wire value. */
  record EnumConstant(EnumShape shape) implements TextForm {}

  /** A value written as compact JSON. */
  record Json(JsonShape shape) implements TextForm {}

  /** Whether the value is its own text, so that the request keeps no text apart from it. */
  default boolean isOwnText() {
    return this instanceof Plain || this instanceof PreEncoded || this instanceof Nonce;
  }
}
