package dev.signet.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import dev.signet.annotations.JsonRequest;
import dev.signet.annotations.SignedJwt;
import dev.signet.annotations.SignedUrl;
import dev.signet.processor.jsonrequest.JsonRequestReader;
import dev.signet.processor.jsonrequest.JsonRequestWriter;
import dev.signet.processor.jwt.JwtReader;
import dev.signet.processor.jwt.JwtWriter;
import dev.signet.processor.kind.DeclarationKind;
import dev.signet.processor.read.Reading;
import dev.signet.processor.signedurl.SignedUrlReader;
import dev.signet.processor.signedurl.SignedUrlWriter;
import dev.signet.processor.write.Descriptions;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ModuleElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Connects the stages: each declaration of every {@link DeclarationKind}, the built-in ones and
 * those found on the processor path, is read into its model, then written as its class.
 */
@AutoService(Processor.class)
public final class SignetProcessor extends AbstractProcessor {
  private static final String GENERATED = "javax.annotation.processing.Generated";

  private final List<DeclarationKind<?>> kinds = new ArrayList<>();

  /** Whether a bad {@code -Asignet.describe} has been reported, so that it is reported once. */
  private boolean reportedOption;

  @Override
  public synchronized void init(ProcessingEnvironment processingEnv) {
    super.init(processingEnv);
    kinds.add(
        DeclarationKind.of(
            SignedUrl.class.getCanonicalName(),
            SignedUrlReader.RULES,
            SignedUrlReader::new,
            SignedUrlWriter::write,
            SignedUrlWriter::describe));
    kinds.add(
        DeclarationKind.of(
            JsonRequest.class.getCanonicalName(),
            JsonRequestReader.RULES,
            JsonRequestReader::new,
            JsonRequestWriter::write,
            JsonRequestWriter::describe));
    kinds.add(
        DeclarationKind.of(
            SignedJwt.class.getCanonicalName(),
            JwtReader.RULES,
            JwtReader::new,
            JwtWriter::write,
            JwtWriter::describe));
    loadKindsOnTheProcessorPath();
  }

  /**
   * Adds each kind that {@link ServiceLoader} finds. One that cannot be loaded (a vendor's jar
   * reached from a class loader that does not see this processor's classes) is reported and left
   * out, so that the other kinds still run.
   */
  @SuppressWarnings("rawtypes") // The class literal of a generic interface is raw.
  private void loadKindsOnTheProcessorPath() {
    Iterator<DeclarationKind> found =
        ServiceLoader.load(DeclarationKind.class, SignetProcessor.class.getClassLoader())
            .iterator();
    while (true) {
      try {
        if (!found.hasNext()) {
          return;
        }
        kinds.add(found.next());
      } catch (ServiceConfigurationError | LinkageError e) {
        processingEnv
            .getMessager()
            .printMessage(
                Diagnostic.Kind.WARNING,
                "Signet cannot load a declaration kind found on the class path ("
                    + e
                    + "); a vendor's kind runs when its jar is on the processor path beside"
                    + " signet-processor, as annotationProcessorPaths puts it");
      }
    }
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    // All of Signet's annotations, so that the ones read as parts of others (@Param, @Nonce,
    // @WireValue...) are claimed too, and the @Generated on what it writes: javac's
    // -Xlint:processing would otherwise warn of them, which -Werror builds refuse.
    Set<String> supported = new LinkedHashSet<>(List.of("dev.signet.annotations.*", GENERATED));
    for (DeclarationKind<?> kind : kinds) {
      supported.add(kind.annotation());
      supported.addAll(kind.otherAnnotations());
    }
    return supported;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(Descriptions.OPTION);
  }

  /**
   * Reads each declaration of the round into a model and writes its class, and with {@code
   * -Asignet.describe=true} its description.
   *
   * <p>Each file written has the annotated type as its one originating element, and nothing but
   * that type and what it refers to is read: what Gradle's isolating incremental processing asks
   * (declared in {@code META-INF/gradle/incremental.annotation.processors}).
   */
  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Optional<Boolean> describe = describeOption();
    if (describe.isEmpty()) {
      return true;
    }
    Map<TypeElement, List<DeclarationKind<?>>> declarations = new LinkedHashMap<>();
    for (DeclarationKind<?> kind : kinds) {
      TypeElement annotation = processingEnv.getElementUtils().getTypeElement(kind.annotation());
      if (annotation == null) {
        continue;
      }
      for (TypeElement type : ElementFilter.typesIn(round.getElementsAnnotatedWith(annotation))) {
        declarations.computeIfAbsent(type, t -> new ArrayList<>()).add(kind);
      }
    }
    declarations.forEach(
        (type, kindsOfType) -> {
          if (kindsOfType.size() > 1) {
            reportKindClash(type, kindsOfType);
          } else {
            process(kindsOfType.get(0), type, describe.get());
          }
        });
    return true;
  }

  private <M> void process(DeclarationKind<M> kind, TypeElement type, boolean describe) {
    Reading reading =
        Reading.of(
            processingEnv.getElementUtils(),
            processingEnv.getTypeUtils(),
            processingEnv.getMessager());
    reading
        .declarations()
        .read(type, kind.rules())
        .flatMap(declaration -> kind.read(declaration, reading))
        .filter(model -> !reading.diagnostics().failed())
        .ifPresent(
            model ->
                write(
                    kind.write(model, generatedAnnotation(type)),
                    type,
                    describe ? kind.describe(model) : null));
  }

  /** Each kind generates {@code Signet<Name>}: a type can be one kind of declaration only. */
  private void reportKindClash(TypeElement type, List<DeclarationKind<?>> kindsOfType) {
    String names =
        kindsOfType.stream()
            .map(kind -> "@" + kind.annotation().substring(kind.annotation().lastIndexOf('.') + 1))
            .collect(Collectors.joining(" and "));
    processingEnv
        .getMessager()
        .printMessage(
            Diagnostic.Kind.ERROR,
            names
                + " both generate Signet"
                + type.getSimpleName()
                + ": a type declares one kind of"
                + " request; declare one type for each",
            type);
  }

  /**
   * Whether {@code -Asignet.describe} asks for descriptions; empty after reporting a value other
   * than {@code true} or {@code false}, once.
   */
  private Optional<Boolean> describeOption() {
    Map<String, String> options = processingEnv.getOptions();
    if (!options.containsKey(Descriptions.OPTION)) {
      return Optional.of(false);
    }
    // -Asignet.describe alone gives no value (javac) or the empty one.
    String value = options.get(Descriptions.OPTION);
    if (value == null || value.isEmpty() || value.equals("true")) {
      return Optional.of(true);
    }
    if (value.equals("false")) {
      return Optional.of(false);
    }
    if (!reportedOption) {
      reportedOption = true;
      processingEnv
          .getMessager()
          .printMessage(
              Diagnostic.Kind.ERROR,
              "Processor option -A"
                  + Descriptions.OPTION
                  + "="
                  + value
                  + " is neither true nor"
                  + " false; pass -A"
                  + Descriptions.OPTION
                  + "=true to write a description of"
                  + " each declaration beside its generated class, or leave the option out");
    }
    return Optional.empty();
  }

  /**
   * Writes {@code file}, and {@code description} (when not null) beside it, both with {@code
   * element} as their originating element.
   */
  private void write(JavaFile file, Element element, String description) {
    String name =
        file.packageName().isEmpty()
            ? file.typeSpec().name()
            : file.packageName() + "." + file.typeSpec().name();
    try {
      file.writeTo(processingEnv.getFiler());
      if (description != null) {
        FileObject resource =
            processingEnv
                .getFiler()
                .createResource(
                    StandardLocation.CLASS_OUTPUT,
                    file.packageName(),
                    file.typeSpec().name() + Descriptions.SUFFIX,
                    element);
        try (Writer writer = resource.openWriter()) {
          writer.write(description);
        }
      }
    } catch (IOException e) {
      processingEnv
          .getMessager()
          .printMessage(
              Diagnostic.Kind.ERROR,
              "Signet could not write "
                  + name
                  + " for "
                  + element.getSimpleName()
                  + ": "
                  + e.getMessage()
                  + ". If another processor or an earlier build left a file of that"
                  + " name, rebuild from clean; if another declaration generates the same name,"
                  + " rename one of them",
              element);
    }
  }

  /**
   * {@code @Generated} for the class generated from {@code element}, or null when the code being
   * compiled cannot see it: a platform without it, or a named module that does not read {@code
   * java.compiler}.
   */
  private AnnotationSpec generatedAnnotation(Element element) {
    Elements elements = processingEnv.getElementUtils();
    TypeElement generated = elements.getTypeElement(GENERATED);
    if (generated == null
        || !reads(elements.getModuleOf(element), elements.getModuleOf(generated))) {
      return null;
    }
    return AnnotationSpec.builder(ClassName.get(generated))
        .addMember("value", "$S", SignetProcessor.class.getName())
        .build();
  }

  /**
   * Whether {@code module} reads {@code other}: the unnamed module reads every module; a named one
   * reads java.base, what it requires, and what those require transitively.
   */
  private static boolean reads(ModuleElement module, ModuleElement other) {
    if (module == null || other == null || module.isUnnamed() || module.equals(other)) {
      return true;
    }
    if (other.getQualifiedName().contentEquals("java.base")) {
      return true;
    }
    Set<ModuleElement> read = new HashSet<>();
    Deque<ModuleElement> toVisit = new ArrayDeque<>();
    for (ModuleElement.RequiresDirective requires :
        ElementFilter.requiresIn(module.getDirectives())) {
      toVisit.add(requires.getDependency());
    }
    while (!toVisit.isEmpty()) {
      ModuleElement next = toVisit.removeFirst();
      if (!read.add(next)) {
        continue;
      }
      for (ModuleElement.RequiresDirective requires :
          ElementFilter.requiresIn(next.getDirectives())) {
        if (requires.isTransitive()) {
          toVisit.add(requires.getDependency());
        }
      }
    }
    return read.contains(other);
  }
}
