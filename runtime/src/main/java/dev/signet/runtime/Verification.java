package dev.signet.runtime;

import java.util.Optional;

/**
 * What a verifier concluded about a signed URL: the typed request it carries, or why it was
 * refused. Either way, once the verifier got as far as rebuilding the signed text, the {@link
 * #report()} shows it.
 *
 * @param <T> the request type
 */
public final class Verification<T> {
  private final T request;
  private final VerificationFailure failure;
  private final SignedTextReport report;

  private Verification(T request, VerificationFailure failure, SignedTextReport report) {
    this.request = request;
    this.failure = failure;
    this.report = report;
  }

  static <T> Verification<T> verified(T request, SignedTextReport report) {
    return new Verification<>(request, null, report);
  }

  static <T> Verification<T> refused(VerificationFailure failure, SignedTextReport report) {
    return new Verification<>(null, failure, report);
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
    return Optional.ofNullable(report);
  }

  @Override
  public String toString() {
    return isVerified() ? "Verified[" + request + "]" : "Refused[" + failure + "]";
  }
}
