package dev.signet.processor.read;

import dev.signet.annotations.Constant;
import dev.signet.annotations.Nonce;
import dev.signet.annotations.Range;
import dev.signet.annotations.Spread;
import dev.signet.annotations.Timestamp;
import dev.signet.processor.model.ValueTraits;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Reads {@code @Constant}, {@code @Timestamp}, {@code @Spread} and {@code @Range} off an accessor,
 * and whether it is a {@code default} method, into {@link ValueTraits}, reporting a combination
 * that cannot hold on the annotation at fault. Any kind may use it; each reports its own names.
 */
public record ValueTraitsReader(
    JavaTypes javaTypes, Diagnostics diagnostics, SpreadInto spreadInto) {

  /** What a kind spreads a map into, which decides the values the map may hold. */
  public enum SpreadInto {
    /** Query parameters, each entry's value a text: {@code Map<String, String>}. */
    PARAMETERS,
    /** A JWT's claims, each entry's value any JSON value: {@code Map<String, V>}. */
    CLAIMS
  }

  /** A reader for a kind that spreads maps into parameters. */
  public ValueTraitsReader(JavaTypes javaTypes, Diagnostics diagnostics) {
    this(javaTypes, diagnostics, SpreadInto.PARAMETERS);
  }

  /**
   * The traits of {@code method}, or empty when they have a problem, reported on {@code reportOn}.
   *
   * @param noun how messages name the property: {@code Parameter session_length}
   * @param required whether the accessor returns the value itself rather than an {@code Optional}
   * @param valueType the value's type, unwrapped from {@code Optional}
   */
  public Optional<ValueTraits> read(
      ExecutableElement method,
      Element reportOn,
      String noun,
      boolean required,
      TypeMirror valueType) {
    Constant constant = method.getAnnotation(Constant.class);
    Timestamp timestamp = method.getAnnotation(Timestamp.class);
    Spread spread = method.getAnnotation(Spread.class);
    Range range = method.getAnnotation(Range.class);
    boolean defaulted = method.getModifiers().contains(Modifier.DEFAULT);
    boolean valid = true;
    if (constant != null) {
      if (!required || !javaTypes.isString(valueType)) {
        diagnostics.error(
            reportOn,
            noun
                + " is a @Constant, which every request carries as given: declare it as"
                + " `String "
                + method.getSimpleName()
                + "()`, not optional");
        valid = false;
      } else if (timestamp != null
          || spread != null
          || defaulted
          || method.getAnnotation(Nonce.class) != null) {
        diagnostics.error(
            reportOn,
            noun
                + " is a @Constant, so no caller passes it and it comes from no clock, nonce,"
                + " map or default; remove the other annotation or the default body");
        valid = false;
      }
    }
    if (timestamp != null) {
      if (!required || valueType.getKind() != TypeKind.LONG) {
        diagnostics.error(
            reportOn,
            noun
                + " is a @Timestamp, seconds since the epoch that every request carries: declare"
                + " it as `long "
                + method.getSimpleName()
                + "()`");
        valid = false;
      } else if (spread != null || defaulted || method.getAnnotation(Nonce.class) != null) {
        diagnostics.error(
            reportOn,
            noun
                + " is a @Timestamp, filled from the clock; it cannot also be a nonce, map or default");
        valid = false;
      }
    }
    if (spread != null && !spreadable(valueType)) {
      diagnostics.error(
          reportOn,
          noun
              + (spreadInto == SpreadInto.PARAMETERS
                  ? " is @Spread into parameters named at run time, so it must be a"
                      + " Map<String, String>"
                  : " is @Spread into claims named at run time, so it must be a Map<String, V>,"
                      + " V a JSON value such as String or List<String>")
              + " (or an Optional of one)");
      valid = false;
    }
    if (range != null) {
      if (!javaTypes.isTextInteger(valueType) || spread != null) {
        diagnostics.error(
            reportOn,
            noun + " has a @Range, which bounds whole numbers: declare it as int or long");
        valid = false;
      } else if (range.min() > range.max()) {
        diagnostics.error(
            reportOn,
            noun
                + ": @Range(min = "
                + range.min()
                + ", max = "
                + range.max()
                + ") holds no value; min must not exceed max");
        valid = false;
      }
    }
    if (defaulted && !required) {
      diagnostics.error(
          reportOn,
          noun
              + " has a default body, which gives the value when the caller gives none, so it"
              + " must return the value itself, not an Optional");
      valid = false;
    }
    if (!valid) {
      return Optional.empty();
    }
    return Optional.of(
        new ValueTraits(
            Optional.ofNullable(constant).map(Constant::value),
            timestamp != null,
            Optional.ofNullable(spread).map(Spread::prefix),
            Optional.ofNullable(range).map(r -> new ValueTraits.LongRange(r.min(), r.max())),
            defaulted));
  }

  /**
   * Whether {@code type} is a map with {@code String} keys whose values the kind can spread; a
   * claim's values are checked as JSON values where the claim's shape is read.
   */
  private boolean spreadable(TypeMirror type) {
    if (!(type instanceof DeclaredType declared)
        || !declared.asElement().toString().equals("java.util.Map")) {
      return false;
    }
    List<? extends TypeMirror> arguments = declared.getTypeArguments();
    return arguments.size() == 2
        && javaTypes.isString(arguments.get(0))
        && (spreadInto == SpreadInto.CLAIMS || javaTypes.isString(arguments.get(1)));
  }
}
