package dev.signet.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.signet.processor.kind.DeclarationKind;
import dev.signet.processor.model.Declaration;
import dev.signet.processor.model.Property;
import dev.signet.processor.read.DeclarationReader;
import dev.signet.processor.read.DeclarationReader.Accessor;
import dev.signet.processor.read.Reading;
import dev.signet.processor.write.Descriptions;
import dev.signet.processor.write.StagedBuilderWriter;
import dev.signet.processor.write.ValueClassWriter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;

/**
 * A kind outside the processor, as a vendor's module would bring one: {@code @test.Greeting}
 * interfaces become immutable values with a staged builder and a {@code greet()} method. Found by
 * {@code ServiceLoader} through {@code META-INF/services} in the test resources; the whole kind is
 * this class, on the shared reading and writing.
 */
public final class GreetingKind implements DeclarationKind<GreetingKind.Model> {
  private static final DeclarationReader.Rules RULES =
      new DeclarationReader.Rules(
          "Greeting",
          ElementKind.INTERFACE,
          "words",
          "Word",
          "a greeting's words are fixed",
          "Optional<Integer>",
          Set.of("greet", "builder", "build"),
          "keep the word with a new name \"%s\"");

  /** A greeting: its words, in declaration order. */
  record Model(Declaration declaration, List<Property<Void>> words) {}

  @Override
  public String annotation() {
    return "test.Greeting";
  }

  @Override
  public DeclarationReader.Rules rules() {
    return RULES;
  }

  @Override
  public Optional<Model> read(Declaration declaration, Reading reading) {
    return Optional.of(
        new Model(
            declaration,
            reading
                .declarations()
                .accessors(
                    declaration.element(), RULES, method -> method.getSimpleName().toString())
                .stream()
                .map(GreetingKind::word)
                .toList()));
  }

  private static Property<Void> word(Accessor accessor) {
    return new Property<>(
        accessor.name(),
        accessor.name(),
        com.palantir.javapoet.TypeName.get(accessor.valueType()),
        accessor.required(),
        accessor.deprecated(),
        false,
        null);
  }

  @Override
  public JavaFile write(Model model, AnnotationSpec generated) {
    List<Property<Void>> words = model.words();
    MethodSpec.Builder constructor =
        MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PRIVATE)
            .addParameter(model.declaration().generated().nestedClass("Builder"), "builder");
    words.forEach(w -> constructor.addStatement("this.$N = builder.$N", w.name(), w.name()));
    TypeSpec.Builder type =
        ValueClassWriter.valueClass(
                model.declaration(),
                generated,
                CodeBlock.of(
                    "A greeting, as {@link $T} declares it.\n", model.declaration().declared()))
            .addFields(ValueClassWriter.fields(words))
            .addMethod(constructor.build())
            .addMethods(ValueClassWriter.accessors(words))
            .addMethod(
                MethodSpec.methodBuilder("greet")
                    .addModifiers(Modifier.PUBLIC)
                    .returns(String.class)
                    .addStatement(
                        "return $L",
                        CodeBlock.join(
                            words.stream().map(w -> CodeBlock.of("this.$N", w.name())).toList(),
                            " + \" \" + "))
                    .build())
            .addMethod(ValueClassWriter.equalsMethod(model.declaration().generated(), words))
            .addMethod(ValueClassWriter.hashCodeMethod(words));
    StagedBuilderWriter.addTo(
        type,
        new StagedBuilderWriter.Spec(
            model.declaration().generated(),
            "words",
            words.stream().filter(Property::required).toList(),
            words.stream().filter(w -> !w.required()).toList(),
            w -> "{@code " + w.name() + "}",
            w -> "Sets {@code " + w.name() + "}.\n",
            w -> true,
            "Builds the greeting.\n"));
    return ValueClassWriter.javaFile(model.declaration(), type.build());
  }

  @Override
  public String describe(Model model) {
    return Descriptions.write(Descriptions.header("Greeting", model.declaration()));
  }
}
