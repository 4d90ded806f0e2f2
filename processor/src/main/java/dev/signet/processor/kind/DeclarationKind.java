package dev.signet.processor.kind;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.JavaFile;
import dev.signet.processor.model.Declaration;
import dev.signet.processor.read.DeclarationReader;
import dev.signet.processor.read.Reading;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One kind of Signet declaration: the annotation that declares it, how a declaration is read into a
 * validated model, and how the model is written as a class and described.
 *
 * <p>{@code SignetProcessor} runs the kinds built into it and every kind that {@link
 * java.util.ServiceLoader} finds on the processor path under this interface's name, so that a
 * vendor's module can bring a kind of its own. Each declaration is read with {@link Reading} of its
 * own, its shape first by the kind's {@link #rules()}: a declaration with errors yields no model
 * and stops no other.
 *
 * @param <M> the kind's model of a declaration
 */
public interface DeclarationKind<M> {

  /** The canonical name of the annotation that declares this kind. */
  String annotation();

  /**
   * The canonical names of the other annotations this kind reads, which Signet claims so that
   * {@code -Xlint:processing} does not warn of them. Those in {@code dev.signet.annotations} are
   * claimed already.
   */
  default Set<String> otherAnnotations() {
    return Set.of();
  }

  /** The rules its declarations' shape and accessors are read by, before {@link #read}. */
  DeclarationReader.Rules rules();

  /**
   * The model of {@code declaration}, whose shape is read already, or empty when it has problems,
   * each reported through {@code reading}.
   */
  Optional<M> read(Declaration declaration, Reading reading);

  /**
   * The generated source for {@code model}.
   *
   * @param generated the {@code @Generated} annotation to put on it, or null where the compiled
   *     code's platform has none
   */
  JavaFile write(M model, AnnotationSpec generated);

  /**
   * The JSON description of {@code model} that {@code -Asignet.describe} writes beside its class.
   */
  String describe(M model);

  /** What reads one declaration of a kind, given the {@link Reading} of that declaration. */
  interface Reader<M> {
    /** The model of {@code declaration}, or empty when it has problems, all reported. */
    Optional<M> read(Declaration declaration);
  }

  /**
   * The kind of {@code annotation}, read by {@code reader} and written by {@code writer} and {@code
   * describer}: what a kind is, for one that needs nothing more.
   */
  static <M> DeclarationKind<M> of(
      String annotation,
      DeclarationReader.Rules rules,
      Function<Reading, Reader<M>> reader,
      BiFunction<M, AnnotationSpec, JavaFile> writer,
      Function<M, String> describer) {
    return new DeclarationKind<>() {
      @Override
      public String annotation() {
        return annotation;
      }

      @Override
      public DeclarationReader.Rules rules() {
        return rules;
      }

      @Override
      public Optional<M> read(Declaration declaration, Reading reading) {
        return reader.apply(reading).read(declaration);
      }

      @Override
      public JavaFile write(M model, AnnotationSpec generated) {
        return writer.apply(model, generated);
      }

      @Override
      public String describe(M model) {
        return describer.apply(model);
      }
    };
  }
}
