package dev.signet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a request that travels as a URL whose query parameters are signed with an HMAC.
 *
 * <p>Put it on an interface whose abstract, argument-less methods are the request's parameters. At
 * compile time Signet generates {@code Signet<Name>}: an immutable implementation with a staged
 * builder, the canonical text, and {@code signedUrl(origin, secret)}.
 *
 * <p>The signed text is made of lines joined with {@link #separator()}: first the request URL
 * ({@code https://host[:port]} followed by {@link #path()}), then the value of every parameter that
 * has a {@linkplain Param#position() position}, in that order, then the value of every other
 * parameter that is present, in {@link #order()}. {@link #normalization()} is applied to the joined
 * text, which is then signed with {@link #algorithm()} and written as {@link #digest()} into the
 * query parameter {@link #signatureParameter()}. {@link #layout()} and {@link #frame()} choose
 * other signed texts, such as Looker's and Mode's.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface SignedUrl {

  /**
   * The request's path, starting with {@code /}; it follows the origin in the URL and the first
   * signed line. A name in braces, {@code /login/embed/{target}}, stands for the path parameter
   * ({@link Param#in()} {@link Location#PATH_SEGMENT} or {@link Location#PATH_SEGMENTS}) of that
   * wire name.
   */
  String path();

  /** The query parameter that carries the signature. */
  String signatureParameter() default "signature";

  /**
   * What joins the lines of the signed text. A value that contains it, or a line break, is refused,
   * since it could forge the lines after it.
   */
  String separator() default "\n";

  /** What each parameter's line holds: its value, or its name and value. */
  SignedLines lines() default SignedLines.VALUES;

  /** How the parameters without a position are ordered in the signed text. */
  Order order() default Order.DECLARED;

  /** What the vendor does to the joined text before signing it. */
  Normalization normalization() default Normalization.NONE;

  /** The MAC that signs the text's UTF-8 bytes, keyed with the secret. */
  Algorithm algorithm() default Algorithm.HMAC_SHA256;

  /** How the MAC is written as text. */
  DigestEncoding digest() default DigestEncoding.BASE64URL_UNPADDED;

  /** What the signed text is made of. */
  Layout layout() default Layout.URL_THEN_VALUES;

  /**
   * A frame around the layout's text: {@code {text}} stands for that text, and {@code {name}} for
   * the signed text of the parameter with that wire name. Mode signs {@code
   * GET,,1B2M2Y8AsgTpgAmY7PhCfg==,{text},{timestamp}}. The default signs the text alone.
   */
  String frame() default "{text}";

  /** How the query writes names and values. */
  QueryEncoding queryEncoding() default QueryEncoding.FORM;
}
