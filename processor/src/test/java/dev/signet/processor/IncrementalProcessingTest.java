package dev.signet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.FileObject;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Gradle's isolating incremental annotation processing: the processor says it is isolating in
 * {@code META-INF/gradle/incremental.annotation.processors}, and keeps the rules that make it so.
 * Each file it writes names exactly one originating element, the annotated type it is generated
 * from; it never reads a file through the Filer; and what it writes for a type does not depend on
 * the other types in the compilation.
 */
class IncrementalProcessingTest {

  /** Every fixture, each generating one class and, with the option, one description. */
  private static JavaFileObject[] fixtures() {
    List<JavaFileObject> fixtures = new ArrayList<>();
    Goldens.fixtures()
        .forEach(name -> fixtures.add(Compilers.resource("golden/" + name + ".java")));
    fixtures.add(Compilers.resource("ecosystem/IssueToken.java"));
    return fixtures.toArray(JavaFileObject[]::new);
  }

  @Test
  void declaresItselfIsolating() throws IOException {
    try (InputStream in =
        SignetProcessor.class.getResourceAsStream(
            "/META-INF/gradle/incremental.annotation.processors")) {
      assertTrue(in != null, "no META-INF/gradle/incremental.annotation.processors");
      assertEquals(
          "dev.signet.processor.SignetProcessor,isolating\n",
          new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void everyFileHasItsAnnotatedTypeAsItsOneOriginatingElement() {
    RecordingProcessor recording = new RecordingProcessor();
    Compilation compilation =
        Compiler.javac()
            .withProcessors(recording)
            .withOptions("-Asignet.describe=true")
            .compile(fixtures());
    assertThat(compilation).succeeded();

    // Each golden file is generated from the type it is named after; Signet names a class
    // after its declaration's simple names: golden.Base64Sha512.Redeem gives
    // SignetBase64Sha512_Redeem.
    Map<String, String> expected = new LinkedHashMap<>();
    expected.put("ecosystem.SignetIssueToken", "ecosystem.IssueToken");
    for (String golden : Goldens.expectedFiles("golden/expected")) {
      String generated = golden.substring(0, golden.length() - ".java".length());
      expected.put(
          "golden." + generated,
          "golden." + generated.substring("Signet".length()).replace('_', '.'));
    }
    Map<String, String> sources = new LinkedHashMap<>();
    Map<String, String> descriptions = new LinkedHashMap<>();
    for (Created created : recording.created) {
      assertEquals(
          1,
          created.originatingElements().size(),
          () -> created + " needs one originating element");
      String origin = created.originatingElements().get(0);
      if (created.kind().equals("source")) {
        sources.put(created.name(), origin);
      } else {
        assertEquals("resource", created.kind(), created::toString);
        descriptions.put(created.name(), origin);
      }
    }
    assertEquals(new TreeMap<>(expected), new TreeMap<>(sources));
    Map<String, String> expectedDescriptions = new LinkedHashMap<>();
    expected.forEach(
        (generated, origin) -> expectedDescriptions.put(generated + ".signet.json", origin));
    assertEquals(new TreeMap<>(expectedDescriptions), new TreeMap<>(descriptions));
    assertEquals(List.of(), recording.reads, "an isolating processor reads no files");
  }

  /** What Gradle recompiles alone gives what the full build gave. */
  @Test
  void eachTypeGeneratesTheSameAloneAsWithTheOthers() {
    Map<String, String> together =
        Compilers.generatedText(
            Sources.javac().withOptions("-Asignet.describe=true").compile(fixtures()));
    Map<String, String> alone = new LinkedHashMap<>();
    for (JavaFileObject fixture : fixtures()) {
      alone.putAll(
          Compilers.generatedText(
              Sources.javac().withOptions("-Asignet.describe=true").compile(fixture)));
    }
    assertEquals(2 * fixtures().length, together.size(), together::toString);
    assertEquals(together, alone);
  }

  /** A file written through the Filer, with its originating elements' qualified names. */
  record Created(String kind, String name, List<String> originatingElements) {}

  /** Signet's processor, with a Filer that records what it is asked to do. */
  static final class RecordingProcessor extends AbstractProcessor {
    private final SignetProcessor delegate = new SignetProcessor();
    final List<Created> created = new ArrayList<>();
    final List<String> reads = new ArrayList<>();

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
      super.init(environment);
      Filer filer = recording(environment.getFiler());
      delegate.init(
          (ProcessingEnvironment)
              Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {ProcessingEnvironment.class},
                  (proxy, method, arguments) -> {
                    if (method.getName().equals("getFiler")) {
                      return filer;
                    }
                    try {
                      return method.invoke(environment, arguments);
                    } catch (InvocationTargetException e) {
                      throw e.getCause();
                    }
                  }));
    }

    private Filer recording(Filer filer) {
      return new Filer() {
        @Override
        public JavaFileObject createSourceFile(CharSequence name, Element... originating)
            throws IOException {
          created.add(new Created("source", name.toString(), names(originating)));
          return filer.createSourceFile(name, originating);
        }

        @Override
        public JavaFileObject createClassFile(CharSequence name, Element... originating)
            throws IOException {
          created.add(new Created("class", name.toString(), names(originating)));
          return filer.createClassFile(name, originating);
        }

        @Override
        public FileObject createResource(
            JavaFileManager.Location location,
            CharSequence moduleAndPackage,
            CharSequence relativeName,
            Element... originating)
            throws IOException {
          created.add(
              new Created("resource", moduleAndPackage + "." + relativeName, names(originating)));
          return filer.createResource(location, moduleAndPackage, relativeName, originating);
        }

        @Override
        public FileObject getResource(
            JavaFileManager.Location location,
            CharSequence moduleAndPackage,
            CharSequence relativeName)
            throws IOException {
          reads.add(location + ":" + moduleAndPackage + "/" + relativeName);
          return filer.getResource(location, moduleAndPackage, relativeName);
        }
      };
    }

    private static List<String> names(Element... elements) {
      List<String> names = new ArrayList<>();
      for (Element element : elements) {
        names.add(((TypeElement) element).getQualifiedName().toString());
      }
      return names;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public Set<String> getSupportedOptions() {
      return delegate.getSupportedOptions();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return delegate.getSupportedSourceVersion();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return delegate.process(annotations, round);
    }
  }
}
