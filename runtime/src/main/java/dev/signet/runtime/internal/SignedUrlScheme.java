package dev.signet.runtime.internal;

import dev.signet.runtime.FormEncoding;
import dev.signet.runtime.InvalidParameterException;
import dev.signet.runtime.MacAlgorithm;
import dev.signet.runtime.Nonces;
import dev.signet.runtime.Origin;
import dev.signet.runtime.Secret;
import dev.signet.runtime.SignatureFormat;
import dev.signet.runtime.SignedText;
import dev.signet.runtime.Verifier;
import java.util.List;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * One signed-URL type's scheme, as its generated class declares it once: what a {@link Verifier}
 * must know, and what every request of the type does alike with the texts of its parameters
 * (checking them, signing them, showing them, comparing them with what was received). A request
 * holds its parameters' texts in signed order, null where a parameter is absent.
 *
 * <p>Only generated code makes one; it is immutable and shared by every request of its type.
 *
 * @param <T> the request type
 */
public final class SignedUrlScheme<T> {
  private final String path;
  private final String signatureParameter;
  private final String encodedSignatureName;
  private final String separator;

  /** Whether a plain text may hold the separator: not when it is a line break or empty. */
  private final boolean plainTextsMayHoldSeparator;

  private final boolean signNames;
  private final SignedText.Normalization normalization;
  private final MacAlgorithm algorithm;
  private final SignatureFormat format;
  private final List<String> signedOrder;
  private final String[] encodedNames;

  /** What writes the lines of every request of the type. */
  private final SignedText.Lines lines;

  private final List<String> required;
  private final String nonceParameter;
  private final int nonceLength;
  private final String nonceAlphabet;
  private final Function<SignedText.Values, T> reader;

  /**
   * @param path the request's path
   * @param signatureParameter the query parameter carrying the signature
   * @param separator what joins the lines of the signed text
   * @param signNames whether each line is {@code name=value}, both form-encoded, rather than the
   *     value alone
   * @param normalization what the vendor does to the joined text before its MAC
   * @param algorithm the MAC
   * @param format how the MAC is written
   * @param signedOrder every parameter's wire name, in signed order
   * @param required the wire names every request carries
   * @param nonceParameter the nonce's wire name
   * @param nonceLength the length of every nonce
   * @param nonceAlphabet the characters a nonce is drawn from
   * @param reader builds the request from the received texts, given in signed order (null where a
   *     parameter is absent) as {@link #receivedTexts} makes them, refusing with an {@link
   *     InvalidParameterException} any value its type refuses or that is not written exactly as the
   *     request writes it
   */
  public SignedUrlScheme(
      String path,
      String signatureParameter,
      String separator,
      boolean signNames,
      SignedText.Normalization normalization,
      MacAlgorithm algorithm,
      SignatureFormat format,
      String[] signedOrder,
      String[] required,
      String nonceParameter,
      int nonceLength,
      String nonceAlphabet,
      Function<SignedText.Values, T> reader) {
    this.path = path;
    this.signatureParameter = signatureParameter;
    this.encodedSignatureName = encodedName(signatureParameter);
    this.separator = separator;
    this.plainTextsMayHoldSeparator =
        !separator.isEmpty() && separator.indexOf('\n') < 0 && separator.indexOf('\r') < 0;
    this.signNames = signNames;
    this.normalization = normalization;
    this.algorithm = algorithm;
    this.format = format;
    this.signedOrder = List.of(signedOrder);
    this.encodedNames =
        this.signedOrder.stream().map(SignedUrlScheme::encodedName).toArray(String[]::new);
    this.lines =
        new SignedText.Lines(path, separator, normalization, signNames, List.of(encodedNames));
    this.required = List.of(required);
    this.nonceParameter = nonceParameter;
    this.nonceLength = nonceLength;
    this.nonceAlphabet = nonceAlphabet;
    this.reader = reader;
  }

  /** {@code name}, form-encoded, followed by {@code =}. */
  private static String encodedName(String name) {
    StringBuilder encoded = new StringBuilder();
    FormEncoding.append(encoded, name);
    return encoded.append('=').toString();
  }

  public String path() {
    return path;
  }

  public String signatureParameter() {
    return signatureParameter;
  }

  public MacAlgorithm algorithm() {
    return algorithm;
  }

  public SignatureFormat format() {
    return format;
  }

  /** Every parameter's wire name, in signed order. */
  public List<String> signedOrder() {
    return signedOrder;
  }

  /** The wire names every request carries. */
  public List<String> required() {
    return required;
  }

  public String nonceParameter() {
    return nonceParameter;
  }

  public Function<SignedText.Values, T> reader() {
    return reader;
  }

  /** The MAC, keyed with {@code secret}, of the signed text of a request at {@code origin}. */
  public byte[] mac(Origin origin, Secret secret, SignedText.Values texts) {
    return lines.mac(origin, texts, secret, algorithm);
  }

  /**
   * {@code given}, checked against the nonce's declared shape, or a nonce drawn when it is null.
   */
  public String nonce(String given) {
    return given == null
        ? Nonces.random(nonceLength, nonceAlphabet)
        : Nonces.check(nonceParameter, given, nonceLength, nonceAlphabet);
  }

  /**
   * The texts a verifier received, in signed order (null where a parameter is absent), for the
   * reader; {@code asciiWithoutLineBreaks} says whether decoding them found every one ASCII without
   * a line break, so that they need not be looked at again to be signed in bulk.
   */
  public SignedText.Values receivedTexts(String[] texts, boolean asciiWithoutLineBreaks) {
    return lines.received(texts, asciiWithoutLineBreaks);
  }

  /**
   * {@code texts}, a request's in signed order, once each present one is checked to fit the signed
   * text: where lines hold values alone, no line break or separator; where names are signed too,
   * values are form-encoded on their lines, so any well-formed text will do.
   *
   * <p>A request read by a verifier passes the texts it was read from as {@code received} (null for
   * a request built): each of its own must be the one received, since a signer writes one form of
   * each value and anything else was not signed by one; what decoding found out about the received
   * texts then stands for theirs.
   */
  public SignedText.Values checkedTexts(SignedText.Values received, String... texts) {
    SignedText.Values values;
    if (received == null) {
      values = lines.values(texts);
    } else {
      for (int i = 0; i < texts.length; i++) {
        if (!Objects.equals(texts[i], received.get(i))) {
          ReceivedValues.requireWrittenAs(signedOrder.get(i), texts[i], received.get(i));
        }
      }
      values = received;
    }
    for (int i = 0; i < texts.length; i++) {
      if (texts[i] == null) {
        continue;
      }
      if (signNames) {
        ParameterChecks.wellFormed(signedOrder.get(i), texts[i]);
      } else if (!values.isPlain()
          || (plainTextsMayHoldSeparator && texts[i].contains(separator))) {
        // Plain texts are ASCII without a line break: only another separator is left to look for.
        ParameterChecks.lineValue(signedOrder.get(i), texts[i], separator);
      }
    }
    return values;
  }

  /** The signed text of a request at {@code origin}, for its canonical text. */
  public SignedText signedText(Origin origin, SignedText.Values texts) {
    return lines.signedText(origin, texts, false);
  }

  /**
   * The URL of a request at {@code origin}, its query form-encoded, with the signature of its
   * signed text keyed with {@code secret} as its last parameter.
   */
  public String signedUrl(Origin origin, Secret secret, SignedText.Values texts) {
    return lines.signedUrl(origin, texts, secret, algorithm, format, encodedSignatureName);
  }

  /**
   * A request's {@code toString()}: {@code type{name=text, ...}} for the parameters present, as
   * they are signed. A request holds no secret, so none can show here.
   */
  public String describe(String type, SignedText.Values texts) {
    StringJoiner parameters = new StringJoiner(", ", type + "{", "}");
    for (int i = 0; i < texts.size(); i++) {
      if (texts.get(i) != null) {
        parameters.add(signedOrder.get(i) + "=" + texts.get(i));
      }
    }
    return parameters.toString();
  }
}
