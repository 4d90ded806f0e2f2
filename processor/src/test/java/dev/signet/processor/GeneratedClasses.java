package dev.signet.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import javax.tools.JavaFileObject;

/**
 * Loads the class files of a compile-testing compilation, generated classes and compiled fixtures
 * alike, on top of the test's own class loader (which has the Signet runtime).
 */
public final class GeneratedClasses extends ClassLoader {
  private final Map<String, byte[]> classFiles = new HashMap<>();

  private GeneratedClasses(Compilation compilation) {
    super(GeneratedClasses.class.getClassLoader());
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS) {
        continue;
      }
      // compile-testing names them mem:///CLASS_OUTPUT/pkg/Name$Nested.class
      String path = file.toUri().getPath();
      String binaryName =
          path.substring(path.indexOf('/', 1) + 1, path.length() - ".class".length())
              .replace('/', '.');
      try (InputStream in = file.openInputStream()) {
        classFiles.put(binaryName, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** The classes of {@code compilation}, which must have succeeded. */
  public static GeneratedClasses of(Compilation compilation) {
    assertThat(compilation).succeeded();
    return new GeneratedClasses(compilation);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = classFiles.get(name);
    if (bytes == null) {
      throw new ClassNotFoundException(name);
    }
    return defineClass(name, bytes, 0, bytes.length);
  }

  public Class<?> load(String name) {
    try {
      return loadClass(name);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("not generated: " + name + "; have " + classFiles.keySet(), e);
    }
  }

  /**
   * Calls the public method {@code name} on {@code target}, looking it up on the target's class and
   * on the public interfaces it implements (a builder is a private class behind public stages). An
   * exception the method throws is rethrown as it is.
   */
  public static Object call(Object target, String name, Class<?>[] types, Object... arguments) {
    Method method = find(target.getClass(), name, types);
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new AssertionError(e.getCause());
    } catch (IllegalAccessException e) {
      throw new AssertionError(e);
    }
  }

  /** Calls the public static method {@code name} of {@code type}. */
  public static Object callStatic(
      Class<?> type, String name, Class<?>[] types, Object... arguments) {
    try {
      return type.getMethod(name, types).invoke(null, arguments);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new AssertionError(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  private static Method find(Class<?> type, String name, Class<?>[] types) {
    if (java.lang.reflect.Modifier.isPublic(type.getModifiers())) {
      try {
        return type.getMethod(name, types);
      } catch (NoSuchMethodException e) {
        // Look on the interfaces.
      }
    }
    for (Class<?> implemented : type.getInterfaces()) {
      try {
        return implemented.getMethod(name, types);
      } catch (NoSuchMethodException e) {
        // Try the next one.
      }
    }
    throw new AssertionError("no public method " + name + " on " + type);
  }
}
