package dev.signet.runtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link NonceStore} in this process's memory: each nonce is remembered for a time to live, and
 * at most a bounded number at once. When it is full of nonces that have not expired it refuses new
 * ones ({@link Outcome#FULL}) rather than forget one that could then be replayed.
 *
 * <p>Choose the time to live longer than a signed URL is honoured anywhere: a nonce forgotten after
 * it can be replayed.
 */
public final class InMemoryNonceStore implements NonceStore {
  private final int capacity;
  private final Duration timeToLive;
  private final Clock clock;

  /** Nonce to expiry, oldest first: insertion order is expiry order for one time to live. */
  private final LinkedHashMap<String, Instant> expiries = new LinkedHashMap<>();

  public InMemoryNonceStore(int capacity, Duration timeToLive) {
    this(capacity, timeToLive, Clock.systemUTC());
  }

  /** As {@link #InMemoryNonceStore(int, Duration)}, reading time from {@code clock}. */
  public InMemoryNonceStore(int capacity, Duration timeToLive, Clock clock) {
    if (capacity < 1 || timeToLive.isNegative() || timeToLive.isZero()) {
      throw new IllegalArgumentException(
          "a nonce store needs a capacity and a time to live above zero");
    }
    this.capacity = capacity;
    this.timeToLive = timeToLive;
    this.clock = clock;
  }

  /** One hundred thousand nonces, each for one hour. */
  public static InMemoryNonceStore withDefaults() {
    return new InMemoryNonceStore(100_000, Duration.ofHours(1));
  }

  /** The time to live it was made with. */
  @Override
  public Optional<Duration> timeToLive() {
    return Optional.of(timeToLive);
  }

  @Override
  public synchronized Outcome record(String nonce) {
    Instant now = clock.instant();
    for (Iterator<Map.Entry<String, Instant>> oldest = expiries.entrySet().iterator();
        oldest.hasNext(); ) {
      if (oldest.next().getValue().isAfter(now)) {
        break;
      }
      oldest.remove();
    }
    if (expiries.containsKey(nonce)) {
      return Outcome.REPLAYED;
    }
    if (expiries.size() >= capacity) {
      return Outcome.FULL;
    }
    expiries.put(nonce, now.plus(timeToLive));
    return Outcome.FIRST_USE;
  }
}
