/**
 * What the classes that Signet generates call at run time: HMAC signing and verifying, form
 * encoding, JSON text, nonces, and sending JSON requests over {@code java.net.http}. It depends on
 * the JDK alone. A module whose generated classes use it declares {@code requires
 * dev.signet.runtime;}.
 */
module dev.signet.runtime {
  // JsonHttpClient takes and uses the JDK's HttpClient, so modules that use it read java.net.http.
  requires transitive java.net.http;

  exports dev.signet.runtime;
}
