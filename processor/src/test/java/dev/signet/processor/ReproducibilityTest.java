package dev.signet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The same sources give byte-identical generated files: sources, descriptions and class files,
 * compiled twice, and compiled with the declarations in another order. (The jars are reproducible
 * through {@code project.build.outputTimestamp}; ECOSYSTEM.md shows how to check them.)
 */
class ReproducibilityTest {
  private static List<JavaFileObject> fixtures() {
    List<JavaFileObject> fixtures = new ArrayList<>();
    Goldens.fixtures()
        .forEach(name -> fixtures.add(Compilers.resource("golden/" + name + ".java")));
    fixtures.add(Compilers.resource("ecosystem/IssueToken.java"));
    return fixtures;
  }

  /** Every generated file's bytes, by name. */
  private static Map<String, byte[]> generated(List<JavaFileObject> sources) {
    Compilation compilation =
        Sources.javac().withOptions("-Asignet.describe=true").compile(sources);
    assertThat(compilation).succeeded();
    Map<String, byte[]> files = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      try (InputStream in = file.openInputStream()) {
        files.put(file.toUri().getPath(), in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return files;
  }

  private static void assertSameBytes(Map<String, byte[]> first, Map<String, byte[]> second) {
    assertEquals(first.keySet(), second.keySet());
    for (String name : first.keySet()) {
      assertArrayEquals(first.get(name), second.get(name), name);
    }
  }

  @Test
  void compilingTwiceGivesTheSameBytes() {
    List<JavaFileObject> fixtures = fixtures();
    Map<String, byte[]> first = generated(fixtures);
    // Each fixture declares one type: its generated class, and its description beside the class
    // files, so that a jar carries it.
    assertEquals(
        fixtures.size(),
        first.keySet().stream().filter(name -> name.startsWith("/SOURCE_OUTPUT/")).count());
    assertEquals(
        fixtures.size(),
        first.keySet().stream()
            .filter(name -> name.startsWith("/CLASS_OUTPUT/") && name.endsWith(".signet.json"))
            .count());
    assertSameBytes(first, generated(fixtures()));
  }

  @Test
  void theOrderOfTheSourcesDoesNotMatter() {
    List<JavaFileObject> reversed = new ArrayList<>(fixtures());
    Collections.reverse(reversed);
    Map<String, byte[]> inOrder = generated(fixtures());
    Map<String, byte[]> inReverse = generated(reversed);
    // Class files of the declarations themselves are javac's affair; compare what Signet writes.
    inOrder.keySet().removeIf(name -> !name.contains("/Signet"));
    inReverse.keySet().removeIf(name -> !name.contains("/Signet"));
    assertSameBytes(inOrder, inReverse);
  }
}
