package dev.signet.annotations;

/** A part of the URL that carries an {@link Unsigned} value. */
public enum UrlPart {
  /** A {@code {name}} segment of the declared path, written as one segment ({@code /} escaped). */
  PATH,
  /** A {@code name=value} pair of the query. */
  QUERY,
  /** A {@code name=value} pair of the fragment, after {@code #}, which no server receives. */
  FRAGMENT
}
