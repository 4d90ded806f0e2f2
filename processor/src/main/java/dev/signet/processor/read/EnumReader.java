package dev.signet.processor.read;

import com.palantir.javapoet.ClassName;
import dev.signet.annotations.WireValue;
import dev.signet.processor.model.EnumShape;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/** Reads an enum's constants and their {@link WireValue}s. */
final class EnumReader {
  private final Diagnostics diagnostics;

  EnumReader(Diagnostics diagnostics) {
    this.diagnostics = diagnostics;
  }

  /** The enum's wire values, or empty after reporting two constants that share one. */
  Optional<EnumShape> read(TypeElement enumType, Element reportOn, String parameter) {
    Map<String, String> wireValues = new LinkedHashMap<>();
    Map<String, String> constantByWireValue = new HashMap<>();
    for (Element member : enumType.getEnclosedElements()) {
      if (member.getKind() != ElementKind.ENUM_CONSTANT) {
        continue;
      }
      String constant = member.getSimpleName().toString();
      WireValue declared = member.getAnnotation(WireValue.class);
      String wireValue = declared == null ? constant : declared.value();
      String earlier = constantByWireValue.putIfAbsent(wireValue, constant);
      if (earlier != null) {
        diagnostics.error(
            reportOn,
            "Parameter " + parameter + ": enum " + enumType.getSimpleName() + " gives "
                + earlier + " and " + constant + " the same wire value \"" + wireValue
                + "\", so a receiver could not tell them apart; give each its own @WireValue");
        return Optional.empty();
      }
      wireValues.put(constant, wireValue);
    }
    return Optional.of(new EnumShape(ClassName.get(enumType), wireValues));
  }
}
