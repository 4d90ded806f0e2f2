package dev.signet.processor.read;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Questions about Java types that the readers ask, answered with the compiler's model. */
public final class JavaTypes {
  /** The package names that {@link #describe} drops, compiled once rather than per message. */
  private static final Pattern PACKAGE_PREFIX = Pattern.compile("\\b(?:[a-z_][\\w]*\\.)+(?=[A-Z])");

  private final Types types;
  private final Elements elements;

  public JavaTypes(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
  }

  /** Whether {@code type} is the class {@code qualifiedName}, ignoring type arguments. */
  public boolean is(TypeMirror type, String qualifiedName) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement())
            .getQualifiedName()
            .contentEquals(qualifiedName);
  }

  /** Whether {@code type} is {@code qualifiedName} or a subtype of it, when that type exists. */
  public boolean isSubtypeOf(TypeMirror type, String qualifiedName) {
    TypeElement target = elements.getTypeElement(qualifiedName);
    return target != null
        && type.getKind() == TypeKind.DECLARED
        && types.isAssignable(type, types.erasure(target.asType()));
  }

  /** The type arguments of {@code type}, empty for a raw or non-generic type. */
  public List<? extends TypeMirror> typeArguments(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        ? ((DeclaredType) type).getTypeArguments()
        : List.of();
  }

  /** The single type argument of an {@code Optional<T>}, when {@code type} is one. */
  public Optional<TypeMirror> optionalValue(TypeMirror type) {
    if (is(type, "java.util.Optional") && typeArguments(type).size() == 1) {
      return Optional.of(typeArguments(type).get(0));
    }
    return Optional.empty();
  }

  /** The element of an enum, record or other declared type. */
  public Optional<TypeElement> declaredElement(TypeMirror type, ElementKind kind) {
    if (type.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    Element element = ((DeclaredType) type).asElement();
    return element.getKind() == kind ? Optional.of((TypeElement) element) : Optional.empty();
  }

  public boolean isString(TypeMirror type) {
    return is(type, "java.lang.String");
  }

  public boolean isBoolean(TypeMirror type) {
    return isPrimitiveOrBox(type, TypeKind.BOOLEAN);
  }

  /** {@code int}, {@code long} and their boxes: the numbers whose text is unambiguous. */
  public boolean isTextInteger(TypeMirror type) {
    return isPrimitiveOrBox(type, TypeKind.INT, TypeKind.LONG);
  }

  public boolean isJsonInteger(TypeMirror type) {
    return isPrimitiveOrBox(type, TypeKind.INT, TypeKind.LONG, TypeKind.SHORT, TypeKind.BYTE);
  }

  public boolean isJsonDecimal(TypeMirror type) {
    return isPrimitiveOrBox(type, TypeKind.DOUBLE, TypeKind.FLOAT);
  }

  /** Whether {@code type} is one of the primitive {@code kinds} or the box of one. */
  private boolean isPrimitiveOrBox(TypeMirror type, TypeKind... kinds) {
    TypeMirror unboxed = type;
    if (type.getKind() == TypeKind.DECLARED) {
      try {
        unboxed = types.unboxedType(type);
      } catch (IllegalArgumentException notABox) {
        return false;
      }
    }
    return Arrays.asList(kinds).contains(unboxed.getKind());
  }

  /** Whether {@code type} declares {@code public static T fromJson(Object json)}. */
  public boolean hasFromJson(TypeMirror type) {
    Element element = ((DeclaredType) type).asElement();
    for (ExecutableElement method : ElementFilter.methodsIn(element.getEnclosedElements())) {
      if (method.getSimpleName().contentEquals("fromJson")
          && method.getModifiers().containsAll(Set.of(Modifier.PUBLIC, Modifier.STATIC))
          && method.getParameters().size() == 1
          && is(method.getParameters().get(0).asType(), "java.lang.Object")
          && types.isSameType(method.getReturnType(), type)) {
        return true;
      }
    }
    return false;
  }

  /** How a type is written in messages: simple names, type arguments kept. */
  public static String describe(TypeMirror type) {
    return PACKAGE_PREFIX.matcher(type.toString()).replaceAll("");
  }
}
