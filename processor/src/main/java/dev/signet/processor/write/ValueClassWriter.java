package dev.signet.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.signet.processor.model.Declaration;
import dev.signet.processor.model.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Writes what every generated class has alike as an immutable value of its properties: a field
 * and an accessor for each, {@code equals} and {@code hashCode} over them, credentials left out.
 */
public final class ValueClassWriter {
  private static final ClassName OPTIONAL = ClassName.get(Optional.class);

  private ValueClassWriter() {}

  /** The generated class, public and final, implementing the declared interface. */
  public static TypeSpec.Builder valueClass(Declaration declaration) {
    return TypeSpec.classBuilder(declaration.generated())
        .addOriginatingElement(declaration.element())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(declaration.declared());
  }

  /** A private final field for each property, absent optional values held as null. */
  public static List<FieldSpec> fields(List<? extends Property<?>> properties) {
    List<FieldSpec> fields = new ArrayList<>();
    for (Property<?> property : properties) {
      fields.add(
          FieldSpec.builder(property.fieldType(), property.name(), Modifier.PRIVATE, Modifier.FINAL)
              .build());
    }
    return fields;
  }

  /** Each property's accessor, an optional one wrapping its field in an {@code Optional}. */
  public static List<MethodSpec> accessors(List<? extends Property<?>> properties) {
    List<MethodSpec> accessors = new ArrayList<>();
    for (Property<?> property : properties) {
      MethodSpec.Builder accessor =
          MethodSpec.methodBuilder(property.name())
              .addAnnotation(Override.class)
              .addModifiers(Modifier.PUBLIC);
      if (property.deprecated()) {
        accessor.addAnnotation(Deprecated.class);
      }
      if (property.required()) {
        accessor.returns(property.type()).addStatement("return this.$N", property.name());
      } else {
        accessor
            .returns(ParameterizedTypeName.get(OPTIONAL, property.type().box()))
            .addStatement("return $T.ofNullable(this.$N)", OPTIONAL, property.name());
      }
      accessors.add(accessor.build());
    }
    return accessors;
  }

  /**
   * {@code equals}, comparing floating-point values as {@code Double.equals} does, so that equal
   * values have equal hash codes (0.0 and -0.0 differ, NaN equals itself).
   */
  public static MethodSpec equalsMethod(
      ClassName generated, List<? extends Property<?>> properties) {
    List<CodeBlock> comparisons = new ArrayList<>();
    for (Property<?> property : properties) {
      String field = property.name();
      TypeName type = property.type();
      if (property.required() && (type.equals(TypeName.DOUBLE) || type.equals(TypeName.FLOAT))) {
        comparisons.add(CodeBlock.of("$T.compare(this.$N, that.$N) == 0", type.box(), field, field));
      } else if (property.required() && property.primitive()) {
        comparisons.add(CodeBlock.of("this.$N == that.$N", field, field));
      } else {
        comparisons.add(CodeBlock.of("$T.equals(this.$N, that.$N)", Objects.class, field, field));
      }
    }
    return MethodSpec.methodBuilder("equals")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(boolean.class)
        .addParameter(Object.class, "other")
        .beginControlFlow("if (!(other instanceof $T))", generated)
        .addStatement("return false")
        .endControlFlow()
        .addStatement("$T that = ($T) other", generated, generated)
        .addStatement(
            "return $L",
            comparisons.isEmpty() ? CodeBlock.of("true") : CodeBlock.join(comparisons, "\n    && "))
        .build();
  }

  /** {@code hashCode} over the properties but the credentials, so that no hash reveals them. */
  public static MethodSpec hashCodeMethod(List<? extends Property<?>> properties) {
    List<CodeBlock> hashed = new ArrayList<>();
    for (Property<?> property : properties) {
      if (!property.redacted()) {
        hashed.add(CodeBlock.of("this.$N", property.name()));
      }
    }
    MethodSpec.Builder method =
        MethodSpec.methodBuilder("hashCode")
            .addAnnotation(Override.class)
            .addModifiers(Modifier.PUBLIC)
            .returns(int.class)
            .addStatement("return $T.hash($L)", Objects.class, CodeBlock.join(hashed, ", "));
    if (hashed.size() < properties.size()) {
      method.addJavadoc("Leaves the credentials out, so that no hash reveals anything of them.\n");
    }
    return method.build();
  }

  /** {@code toString}, returning {@code body}. */
  public static MethodSpec toStringMethod(String javadoc, CodeBlock body) {
    return MethodSpec.methodBuilder("toString")
        .addJavadoc(javadoc)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("return $L", body)
        .build();
  }

  /** {@code text} made safe inside a Javadoc comment, which {@code * /} would end. */
  public static String javadoc(String text) {
    return text.replace("*/", "*&#47;");
  }
}
