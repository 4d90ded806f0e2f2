package dev.signet.processor.write;

import static dev.signet.processor.write.RuntimeTypes.CHECKS;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import dev.signet.processor.model.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.lang.model.element.Modifier;

/**
 * Writes the staged builder of a generated class: {@code builder()}, a step per required property
 * in order, each returning the next, and a last step with {@code build()}.
 *
 * <p>The optional setters are written once, in the steps' common base {@code Step<S>}, each
 * returning the step it is called on, so that a call site may give them anywhere in the chain:
 * making one of them required later breaks only the call sites that lack it. (One class cannot
 * implement a generic interface with two arguments, so the steps are small objects over one {@code
 * Builder} that holds the values.)
 */
public final class StagedBuilderWriter {
  /** The names the builder takes in the generated class, which no property may take. */
  public static final Set<String> RESERVED_NAMES = Set.of("builder", "build");

  /** {@code names}, a writer's own, with the builder's: what no property of its kind may take. */
  public static Set<String> reservedWith(Set<String> names) {
    Set<String> all = new java.util.HashSet<>(names);
    all.addAll(RESERVED_NAMES);
    return Set.copyOf(all);
  }

  private static final ClassName OPTIONAL = ClassName.get(Optional.class);

  /**
   * What a kind tells the builder.
   *
   * @param generated the class the builder builds, whose private constructor takes the {@code
   *     Builder}
   * @param members what the properties are called in the builder's Javadoc: {@code parameters}
   * @param required the properties each step asks for, in order
   * @param optional the properties every step takes
   * @param named how Javadoc names a property: <code>{&#64;code name}</code>
   * @param optionalJavadoc the Javadoc of an optional property's setter
   * @param optionalOverload whether an optional property also has a setter taking an {@code
   *     Optional}
   * @param buildJavadoc the Javadoc of {@code build()}
   */
  public record Spec(
      ClassName generated,
      String members,
      List<? extends Property<?>> required,
      List<? extends Property<?>> optional,
      Function<Property<?>, String> named,
      Function<Property<?>, String> optionalJavadoc,
      Predicate<Property<?>> optionalOverload,
      String buildJavadoc) {}

  private final Spec spec;
  private final ClassName builder;
  private final ClassName step;
  private final ClassName buildStage;

  private StagedBuilderWriter(Spec spec) {
    this.spec = spec;
    this.builder = spec.generated().nestedClass("Builder");
    this.step = spec.generated().nestedClass("Step");
    this.buildStage = spec.generated().nestedClass("BuildStage");
  }

  /** {@code builder()}, the steps and the {@code Builder}, to add to the generated class. */
  public static void addTo(TypeSpec.Builder type, Spec spec) {
    StagedBuilderWriter writer = new StagedBuilderWriter(spec);
    type.addMethod(writer.builderMethod());
    type.addType(writer.step());
    List<? extends Property<?>> required = spec.required();
    for (int i = 0; i < required.size(); i++) {
      type.addType(writer.requiredStep(required.get(i), writer.stepAfter(i)));
    }
    type.addType(writer.buildStage());
    type.addType(writer.builderClass());
  }

  private ClassName stage(Property<?> property) {
    return spec.generated().nestedClass(property.capitalized() + "Stage");
  }

  /** The step after the one that asks for the {@code i}th required property. */
  private ClassName stepAfter(int i) {
    return i + 1 < spec.required().size() ? stage(spec.required().get(i + 1)) : buildStage;
  }

  private boolean generic() {
    return !spec.optional().isEmpty();
  }

  /** The base of {@code stage}: {@code Step<Stage>}, or {@code Step} without optional setters. */
  private TypeName stepOf(ClassName stage) {
    return generic() ? ParameterizedTypeName.get(step, stage) : step;
  }

  private MethodSpec builderMethod() {
    List<String> names = spec.required().stream().map(Property::name).toList();
    ClassName first = spec.required().isEmpty() ? buildStage : stage(spec.required().get(0));
    return MethodSpec.methodBuilder("builder")
        .addJavadoc(
            "Starts a request. $L\n",
            names.isEmpty()
                ? "It has no required " + spec.members() + "."
                : "It asks for the required "
                    + spec.members()
                    + " in this order: "
                    + String.join(", ", names)
                    + ".")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(first)
        .addStatement("return new $T(new $T())", first, builder)
        .build();
  }

  private TypeSpec step() {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(step)
            .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT, Modifier.STATIC)
            .addField(builder, "builder", Modifier.FINAL)
            .addMethod(
                MethodSpec.constructorBuilder()
                    .addModifiers(Modifier.PRIVATE)
                    .addParameter(builder, "builder")
                    .addStatement("this.builder = builder")
                    .build());
    if (!generic()) {
      return type.addJavadoc("A step of the builder.\n").build();
    }
    TypeVariableName self =
        TypeVariableName.get("S", ParameterizedTypeName.get(step, TypeVariableName.get("S")));
    type.addTypeVariable(self)
        .addJavadoc(
            "A step of the builder, with the setters of the optional $L, which every step has.\n\n"
                + "@param <S> the step, which each optional setter returns\n",
            spec.members());
    for (Property<?> property : spec.optional()) {
      TypeName type1 =
          property.type().isBoxedPrimitive() ? property.type().unbox() : property.type();
      type.addMethod(
          setter(property, type1, self, spec.optionalJavadoc().apply(property))
              .addModifiers(Modifier.FINAL)
              .addStatement("return self()")
              .build());
      if (spec.optionalOverload().test(property)) {
        type.addMethod(
            setter(
                    property,
                    ParameterizedTypeName.get(OPTIONAL, property.type()),
                    self,
                    "Sets "
                        + spec.named().apply(property)
                        + ", or leaves it absent when the Optional is empty.\n")
                .addModifiers(Modifier.FINAL)
                .addStatement("return self()")
                .build());
      }
    }
    return type.addMethod(
            MethodSpec.methodBuilder("self")
                .addAnnotation(
                    AnnotationSpec.builder(SuppressWarnings.class)
                        .addMember("value", "$S", "unchecked")
                        .build())
                .addModifiers(Modifier.PRIVATE)
                .returns(self)
                .addStatement("return (S) this")
                .build())
        .build();
  }

  /**
   * A setter storing its argument in the builder, refusing null unless it is a primitive; the
   * caller adds the {@code return}.
   */
  private MethodSpec.Builder setter(
      Property<?> property, TypeName type, TypeName returns, String javadoc) {
    String name = property.name();
    MethodSpec.Builder setter =
        MethodSpec.methodBuilder(name)
            .addJavadoc("$L", javadoc)
            .addModifiers(Modifier.PUBLIC)
            .returns(returns)
            .addParameter(type, name);
    if (property.deprecated()) {
      setter.addAnnotation(Deprecated.class);
    }
    CodeBlock checked = CodeBlock.of("$T.notNull($S, $N)", CHECKS, property.wireName(), name);
    if (type.isPrimitive()) {
      setter.addStatement("builder.$N = $N", name, name);
    } else if (type instanceof ParameterizedTypeName p && p.rawType().equals(OPTIONAL)) {
      setter.addStatement("builder.$N = $L.orElse(null)", name, checked);
    } else {
      setter.addStatement("builder.$N = $L", name, checked);
    }
    return setter;
  }

  private TypeSpec requiredStep(Property<?> property, ClassName next) {
    ClassName stage = stage(property);
    return TypeSpec.classBuilder(stage)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .superclass(stepOf(stage))
        .addJavadoc(
            "The builder's step that sets the required $L$L.\n",
            spec.named().apply(property),
            generic() ? "; optional " + spec.members() + " may be set here too" : "")
        .addMethod(stepConstructor())
        .addMethod(
            setter(
                    property,
                    property.type(),
                    next,
                    "Sets " + spec.named().apply(property) + ", which every request has.\n")
                .addStatement("return new $T(builder)", next)
                .build())
        .build();
  }

  private TypeSpec buildStage() {
    return TypeSpec.classBuilder(buildStage)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .superclass(stepOf(buildStage))
        .addJavadoc(
            "The builder's last step: $L{@link #build()}.\n",
            generic() ? "the optional " + spec.members() + ", then " : "")
        .addMethod(stepConstructor())
        .addMethod(
            MethodSpec.methodBuilder("build")
                .addJavadoc("$L", spec.buildJavadoc())
                .addModifiers(Modifier.PUBLIC)
                .returns(spec.generated())
                .addStatement("return new $T(builder)", spec.generated())
                .build())
        .build();
  }

  private MethodSpec stepConstructor() {
    return MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(builder, "builder")
        .addStatement("super(builder)")
        .build();
  }

  private TypeSpec builderClass() {
    TypeSpec.Builder type =
        TypeSpec.classBuilder(builder)
            .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL);
    List<Property<?>> all = new ArrayList<>(spec.required());
    all.addAll(spec.optional());
    for (Property<?> property : all) {
      type.addField(FieldSpec.builder(property.type().box(), property.name()).build());
    }
    return type.build();
  }
}
