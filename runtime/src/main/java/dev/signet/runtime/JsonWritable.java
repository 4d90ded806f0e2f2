package dev.signet.runtime;

/**
 * A value that writes itself as JSON, for JSON parameters whose shape the processor cannot see from
 * the type alone (a value that is a string, a number or a list of them, say).
 */
public interface JsonWritable {

  /** Appends this value as one compact JSON value, using {@link Json} for strings and numbers. */
  void writeJson(StringBuilder out);
}
