package dev.signet.runtime;

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

  private Verification(T request, VerificationFailure failure, Supplier<SignedTextReport> report) {
    this.request = request;
    this.failure = failure;
    this.report = report;
  }

  static <T> Verification<T> verified(T request, Supplier<SignedTextReport> report) {
    return new Verification<>(request, null, report);
  }

  static <T> Verification<T> refused(
      VerificationFailure failure, Supplier<SignedTextReport> report) {
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
    return Optional.ofNullable(report.get());
  }

  @Override
  public String toString() {
    return isVerified() ? "Verified[" + request + "]" : "Refused[" + failure + "]";
  }
}
