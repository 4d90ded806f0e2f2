package dev.signet.runtime;

import java.util.Map;

/**
 * A JSON request ready to send to a vendor's API: what the classes generated from
 * {@code @JsonRequest} declarations are, and what {@link JsonHttpClient} sends.
 */
public interface VendorRequest {

  /** The HTTP method, such as {@code POST}. */
  String method();

  /** The path, starting with {@code /}, that follows the base URI. */
  String path();

  /**
   * The headers to send, in order: {@code Content-Type} and {@code Accept} ({@code
   * application/json}), then the declared ones that are present. A header may carry a credential.
   */
  Map<String, String> headers();

  /** The body: a compact JSON object. It may carry a credential. */
  String body();

  /**
   * {@code text} with every credential this request carries replaced by {@code [redacted]}, for
   * text that is about to leave the request's hands, such as a vendor's error message that may echo
   * what it was sent.
   */
  String redact(String text);
}
