package dev.signet.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.signet.annotations.JsonRequest;
import dev.signet.annotations.NotebookParams;
import dev.signet.annotations.SignedUrl;
import dev.signet.processor.read.JsonRequestReader;
import dev.signet.processor.read.NotebookParamsReader;
import dev.signet.processor.read.SignedUrlReader;
import dev.signet.processor.write.JsonRequestWriter;
import dev.signet.processor.write.NotebookParamsWriter;
import dev.signet.processor.write.SignedUrlWriter;
import java.io.IOException;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;

/**
 * Connects the stages: reads each {@link SignedUrl}, {@link JsonRequest} and {@link
 * NotebookParams} declaration, then writes its class.
 */
@AutoService(Processor.class)
public final class SignetProcessor extends AbstractProcessor {
  private static final String GENERATED = "javax.annotation.processing.Generated";

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    // All of Signet's annotations, so that the ones read as parts of others (@Param, @Nonce,
    // @WireValue...) are claimed too, and the @Generated on what it writes: javac's
    // -Xlint:processing would otherwise warn of them, which -Werror builds refuse.
    return Set.of("dev.signet.annotations.*", GENERATED);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    SignedUrlReader reader =
        new SignedUrlReader(
            processingEnv.getElementUtils(), processingEnv.getTypeUtils(), processingEnv.getMessager());
    for (Element element : round.getElementsAnnotatedWith(SignedUrl.class)) {
      reader.read((TypeElement) element).ifPresent(model -> {
        try {
          SignedUrlWriter.write(model, generatedAnnotation()).writeTo(processingEnv.getFiler());
        } catch (IOException e) {
          processingEnv.getMessager().printMessage(
              Diagnostic.Kind.ERROR, "Signet could not write " + model.generated() + ": " + e.getMessage(), element);
        }
      });
    }
    processJsonDeclarations(round);
    return true;
  }

  /** {@link JsonRequest} and {@link NotebookParams}: each read into a model, then written. */
  private void processJsonDeclarations(RoundEnvironment round) {
    JsonRequestReader requests =
        new JsonRequestReader(
            processingEnv.getElementUtils(), processingEnv.getTypeUtils(), processingEnv.getMessager());
    for (Element element : round.getElementsAnnotatedWith(JsonRequest.class)) {
      requests
          .read((TypeElement) element)
          .ifPresent(model -> write(JsonRequestWriter.write(model, generatedAnnotation()), element));
    }
    NotebookParamsReader params =
        new NotebookParamsReader(
            processingEnv.getElementUtils(), processingEnv.getTypeUtils(), processingEnv.getMessager());
    for (Element element : round.getElementsAnnotatedWith(NotebookParams.class)) {
      params
          .read((TypeElement) element)
          .ifPresent(model -> write(NotebookParamsWriter.write(model, generatedAnnotation()), element));
    }
  }

  private void write(JavaFile file, Element element) {
    try {
      file.writeTo(processingEnv.getFiler());
    } catch (IOException e) {
      processingEnv.getMessager().printMessage(
          Diagnostic.Kind.ERROR,
          "Signet could not write " + file.packageName() + "." + file.typeSpec().name() + ": " + e.getMessage(),
          element);
    }
  }

  /** {@code @Generated}, when the code being compiled can see it. */
  private AnnotationSpec generatedAnnotation() {
    if (processingEnv.getElementUtils().getTypeElement(GENERATED) == null) {
      return null;
    }
    return AnnotationSpec.builder(ClassName.bestGuess(GENERATED))
        .addMember("value", "$S", SignetProcessor.class.getName())
        .build();
  }
}
