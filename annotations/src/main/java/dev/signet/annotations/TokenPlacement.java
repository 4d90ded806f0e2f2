package dev.signet.annotations;

/** Where a {@link SignedJwt}'s token travels in the URL that embeds it. */
public enum TokenPlacement {
  /**
   * A path segment of its own, where the path holds {@code {token}}: Metabase's {@code
   * /embed/dashboard/{token}}.
   */
  PATH,
  /** A query parameter, named by {@link SignedJwt#tokenParameter()}: Sigma's {@code :jwt}. */
  QUERY,
  /**
   * The whole fragment, which the browser does not send to the server: Lightdash's {@code
   * /embed/<project>#<token>}. No other value can travel in the fragment then.
   */
  FRAGMENT,
  /** Nowhere: the token alone, which the host hands over itself (Tableau's connected apps). */
  NONE
}
