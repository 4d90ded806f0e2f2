package dev.signet.annotations;

/** What a {@link SignedUrl}'s signed text is made of, before its {@link SignedUrl#frame()}. */
public enum Layout {
  /**
   * The request URL ({@code https://host[:port]} and the path), then a line per signed value: the
   * positioned ones, then the others present, in {@link SignedUrl#order()} (Omni).
   */
  URL_THEN_VALUES,
  /**
   * The host alone ({@code host[:port]}, no scheme), the path as sent on a line of its own, then a
   * line per signed value as {@link #URL_THEN_VALUES} has them (Looker).
   */
  HOST_THEN_PATH_THEN_VALUES,
  /**
   * The URL exactly as it is written, query included, up to the signature parameter, which comes
   * last (Sigma's signed URL, Mode). Names are signed with their values, so no value can move to
   * another parameter; a verifier checks the query as it received it.
   */
  URL_AS_WRITTEN
}
