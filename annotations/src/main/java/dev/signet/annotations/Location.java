package dev.signet.annotations;

/**
 * Where in the URL a value travels: a {@link SignedUrl} parameter, or a value beside a signed JWT's
 * token ({@link Unsigned}).
 */
public enum Location {
  /** In the query, as {@code name=value}. */
  QUERY,
  /**
   * In the path, where the declared path names it in braces ({@code /login/embed/{target}}): the
   * value is one path segment, encoded as JavaScript's {@code encodeURIComponent} encodes it, so
   * {@code /} becomes {@code %2F}. The path is signed with the rest of the URL.
   */
  PATH_SEGMENT,
  /**
   * In the path as {@link #PATH_SEGMENT}, but with each {@code /} of the value kept, so that it
   * spans several segments ({@code /dashboards/{path}} with {@code sales/q1}).
   */
  PATH_SEGMENTS,
  /**
   * In the fragment, after {@code #}, as {@code name=value}. A browser never sends the fragment, so
   * no server can check it: a fragment value must be {@link Unsigned}.
   */
  FRAGMENT
}
