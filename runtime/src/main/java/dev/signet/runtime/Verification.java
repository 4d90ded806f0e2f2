package dev.signet.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a verifier concluded about a signed URL: the typed request it carries, or why it was
 * refused. Either way, once the verifier got as far as rebuilding the signed text, the {@link
 * #report()} shows it. The report is written when it is asked for, since most verifications succeed
 * and nobody reads theirs.
 *
 * @param <T> the request type
 */
public final class Verification<T> {
  private final T request;
  private final VerificationFailure failure;

  /** Writes the report, or gives null when the verifier stopped before rebuilding the text. */
  private final Supplier<SignedTextReport> report;

  /** The parameters received that are not signed, by wire name; never part of the request. */
  private final Map<String, String> unauthenticated;

  private Verification(
      T request,
      VerificationFailure failure,
      Supplier<SignedTextReport> report,
      Map<String, String> unauthenticated) {
    this.request = request;
    this.failure = failure;
    this.report = report;
    this.unauthenticated = unauthenticated;
  }

  static <T> Verification<T> verified(T request, Supplier<SignedTextReport> report) {
    return new Verification<>(request, null, report, Map.of());
  }

  static <T> Verification<T> verified(
      T request, Supplier<SignedTextReport> report, Map<String, String> unauthenticated) {
    // In the order received, which Map.copyOf would not keep.
    return new Verification<>(
        request, null, report, Collections.unmodifiableMap(new LinkedHashMap<>(unauthenticated)));
  }

  static <T> Verification<T> refused(
      VerificationFailure failure, Supplier<SignedTextReport> report) {
    return new Verification<>(null, failure, report, Map.of());
  }

  /**
   * The parameters of a verified URL that its scheme sends but does not sign (Looker's {@code
   * first_name}), by wire name, as received and in the order received. Whoever held the URL could
   * have changed them: use them for display, never to decide what the user may see. Empty for a
   * refused URL.
   */
  public Map<String, String> unauthenticated() {
    return unauthenticated;
  }

  /** Whether the URL is authentic, fresh and well-formed. */
  public boolean isVerified() {
    return failure == null;
  }

  /** The request, when verified. */
  public Optional<T> request() {
    return Optional.ofNullable(request);
  }

  /** Why the URL was refused, when it was. */
  public Optional<VerificationFailure> failure() {
    return Optional.ofNullable(failure);
  }

  /** The signed text rebuilt from what was received, when the verifier got that far. */
  public Optional<SignedTextReport> report() {
    return Optional.ofNullable(report.get());
  }

  @Override
  public String toString() {
    return isVerified() ? "Verified[" + request + "]" : "Refused[" + failure + "]";
  }
}
