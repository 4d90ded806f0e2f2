package dev.signet.annotations;

/** The order, in the signed text, of the parameters that have no fixed position. */
public enum Order {
  /** The order in which the methods are declared. */
  DECLARED,
  /** Sorted by wire name, comparing UTF-16 code units (JavaScript's default sort). */
  BY_NAME
}
