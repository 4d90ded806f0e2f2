package dev.signet.runtime;

import java.util.Optional;

/**
 * A vendor's API refused a request (it answered with a status outside 2xx) or answered with
 * something other than what the request expects. It carries the status and the vendor's own {@code
 * message} when the answer had one; the message of this exception never holds a credential of the
 * request, since {@link JsonHttpClient} passes the vendor's message through {@link
 * VendorRequest#redact(String)}.
 */
public final class VendorRequestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String request;
  private final int status;
  private final String vendorMessage;

  /**
   * @param request the request as {@code METHOD /path}
   * @param status the HTTP status of the answer
   * @param vendorMessage the vendor's {@code message}, already redacted, or null when it gave none
   * @param problem what went wrong, said without the vendor's message
   */
  public VendorRequestException(String request, int status, String vendorMessage, String problem) {
    super(request + ": " + problem + (vendorMessage == null ? "" : ": " + vendorMessage));
    this.request = request;
    this.status = status;
    this.vendorMessage = vendorMessage;
  }

  /** The request as {@code METHOD /path}, such as {@code POST /api/notebook/issueToken}. */
  public String request() {
    return request;
  }

  /** The HTTP status the vendor answered with. */
  public int status() {
    return status;
  }

  /** The vendor's {@code message}, with the request's credentials redacted. */
  public Optional<String> vendorMessage() {
    return Optional.ofNullable(vendorMessage);
  }
}
