package dev.signet.runtime;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * What a verifier must know of a signed URL type; generated code makes one per type.
 *
 * @param path the request's path
 * @param signatureParameter the query parameter carrying the signature
 * @param algorithm the MAC
 * @param format how the MAC is written
 * @param signedOrder every parameter's wire name, in signed order
 * @param required the wire names every request carries
 * @param nonceParameter the nonce's wire name
 * @param reader builds the request from the received texts, given in signed order (null where a
 *     parameter is absent), refusing with an {@link InvalidParameterException} any value its type
 *     refuses or that is not written exactly as the request writes it
 * @param signedText the request's signed text at an origin
 * @param <T> the request type
 */
public record SignedUrlScheme<T>(
    String path,
    String signatureParameter,
    MacAlgorithm algorithm,
    SignatureFormat format,
    List<String> signedOrder,
    List<String> required,
    String nonceParameter,
    Function<String[], T> reader,
    BiFunction<T, Origin, SignedText> signedText) {

  public SignedUrlScheme {
    signedOrder = List.copyOf(signedOrder);
    required = List.copyOf(required);
  }
}
