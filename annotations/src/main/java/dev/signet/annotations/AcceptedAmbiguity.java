package dev.signet.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Silences the processor's warnings that a {@link SignedUrl} scheme lets whoever holds a signed URL
 * change what it means without breaking its signature. Use it only where the scheme is not yours to
 * change, such as a vendor's, and say why.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface AcceptedAmbiguity {

  /** Why the ambiguity is accepted, for the next reader; it must not be empty. */
  String reason();
}
