/**
 * What the classes that Signet generates call at run time: HMAC signing and verifying, form
 * encoding, JSON text, nonces, and sending JSON requests. It depends on the JDK alone. A module
 * whose generated classes use it declares {@code requires dev.signet.runtime;}.
 *
 * <p>{@code dev.signet.runtime} is the API; {@code dev.signet.runtime.internal} is what only
 * generated code calls, exported for it and not API.
 */
module dev.signet.runtime {
  // Only JsonHttpClient uses the JDK's HTTP client, and its API names HttpClient: a module that
  // reads this one reads java.net.http when compiled, but need not have it at run time, so one
  // that only signs and verifies URLs runs without it.
  requires static transitive java.net.http;

  exports dev.signet.runtime;
  exports dev.signet.runtime.internal;
}
