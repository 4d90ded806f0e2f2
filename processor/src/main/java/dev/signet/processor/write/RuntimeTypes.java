package dev.signet.processor.write;

import com.palantir.javapoet.ClassName;

/** The runtime's types that generated code names, in one place for every writer. */
public final class RuntimeTypes {
  private static final String API = "dev.signet.runtime";
  private static final String INTERNAL = "dev.signet.runtime.internal";

  public static final ClassName ORIGIN = ClassName.get(API, "Origin");
  public static final ClassName SECRET = ClassName.get(API, "Secret");
  public static final ClassName MAC_ALGORITHM = ClassName.get(API, "MacAlgorithm");
  public static final ClassName SIGNATURE_FORMAT = ClassName.get(API, "SignatureFormat");
  public static final ClassName SIGNED_TEXT = ClassName.get(API, "SignedText");
  public static final ClassName VERIFIER = ClassName.get(API, "Verifier");
  public static final ClassName INVALID = ClassName.get(API, "InvalidParameterException");
  public static final ClassName JSON = ClassName.get(API, "Json");
  public static final ClassName URI_COMPONENT = ClassName.get(API, "UriComponentEncoding");
  public static final ClassName VENDOR_REQUEST = ClassName.get(API, "VendorRequest");
  public static final ClassName JSON_HTTP_CLIENT = ClassName.get(API, "JsonHttpClient");

  public static final ClassName CHECKS = ClassName.get(INTERNAL, "ParameterChecks");
  public static final ClassName RECEIVED = ClassName.get(INTERNAL, "ReceivedValues");
  public static final ClassName SCHEME = ClassName.get(INTERNAL, "SignedUrlScheme");
  public static final ClassName REDACTION = ClassName.get(INTERNAL, "Redaction");
  public static final ClassName WIRE_VALUES = ClassName.get(INTERNAL, "WireValues");

  private RuntimeTypes() {}
}
