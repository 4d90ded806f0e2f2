package dev.signet.processor.read;

import com.palantir.javapoet.ClassName;
import dev.signet.annotations.WireValue;
import dev.signet.processor.model.EnumShape;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/** Reads an enum's constants and their {@link WireValue}s. */
public final class EnumReader {
  private final Diagnostics diagnostics;

  public EnumReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /**
   * The enum's wire values, or empty after reporting two constants that share one; {@code
   * parameter} names the element in messages, such as {@code "Parameter theme"}.
   *
   * <p>The constants are taken in the order of their names, not of their declaration: javac lists
   * the constants of an enum from a compiled dependency in declaration order but the Eclipse
   * compiler in the order of their names, and the generated code must be the same under both.
   */
  public Optional<EnumShape> read(TypeElement enumType, Element reportOn, String parameter) {
    Map<String, String> wireValues = new LinkedHashMap<>();
    Map<String, String> constantByWireValue = new HashMap<>();
    List<Element> constants =
        enumType.getEnclosedElements().stream()
            .filter(member -> member.getKind() == ElementKind.ENUM_CONSTANT)
            .sorted(Comparator.comparing(member -> member.getSimpleName().toString()))
            .collect(Collectors.toList());
    for (Element member : constants) {
      String constant = member.getSimpleName().toString();
      WireValue declared = member.getAnnotation(WireValue.class);
      String wireValue = declared == null ? constant : declared.value();
      String earlier = constantByWireValue.putIfAbsent(wireValue, constant);
      if (earlier != null) {
        diagnostics.error(
            reportOn,
            parameter
                + ": enum "
                + enumType.getSimpleName()
                + " gives "
                + earlier
                + " and "
                + constant
                + " the same wire value \""
                + wireValue
                + "\", so a receiver could not tell them apart; give each its own @WireValue");
        return Optional.empty();
      }
      wireValues.put(constant, wireValue);
    }
    return Optional.of(new EnumShape(ClassName.get(enumType), wireValues));
  }
}
