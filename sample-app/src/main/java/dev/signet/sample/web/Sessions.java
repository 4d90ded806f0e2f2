package dev.signet.sample.web;

import dev.signet.codatum.EncodedParam;
import dev.signet.codatum.IssuedToken;
import dev.signet.sample.server.Http.Request;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Signed-in users, in memory: a random id in an {@code HttpOnly}, {@code SameSite=Lax} cookie names
 * a session, which holds the user and the Codatum token issued for each notebook page.
 */
final class Sessions {
  static final String COOKIE = "signet_session";
  private static final Duration LIFETIME = Duration.ofHours(12);
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A Codatum token and the params it was issued with. */
  record CachedToken(IssuedToken token, List<EncodedParam> params) {}

  static final class Session {
    private final String userId;
    private final Instant expiresAt = Instant.now().plus(LIFETIME);
    private final Map<NotebookPage, CachedToken> tokens = new ConcurrentHashMap<>();

    private Session(String userId) {
      this.userId = userId;
    }

    String userId() {
      return userId;
    }

    Map<NotebookPage, CachedToken> tokens() {
      return tokens;
    }
  }

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();

  /** A new session for {@code userId}; the answer's {@code Set-Cookie} value. */
  String create(String userId) {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    sessions.put(id, new Session(userId));
    return COOKIE + "=" + id + "; Path=/; HttpOnly; SameSite=Lax";
  }

  Optional<Session> find(Request request) {
    String id = request.cookie(COOKIE);
    Session session = id == null ? null : sessions.get(id);
    if (session != null && Instant.now().isAfter(session.expiresAt)) {
      sessions.remove(id);
      return Optional.empty();
    }
    return Optional.ofNullable(session);
  }

  /** Ends the request's session; the answer's {@code Set-Cookie} value. */
  String end(Request request) {
    String id = request.cookie(COOKIE);
    if (id != null) {
      sessions.remove(id);
    }
    return COOKIE + "=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0";
  }
}
