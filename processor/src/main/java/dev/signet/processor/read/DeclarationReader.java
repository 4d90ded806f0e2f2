package dev.signet.processor.read;

import dev.signet.processor.model.Declaration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads what every kind of declaration has alike: the declared type's shape (interface or record,
 * not sealed, no type parameters, visible to the class generated beside it), and its accessors,
 * inherited ones included, each checked as an accessor of a property.
 */
public final class DeclarationReader {
  private final Elements elements;
  private final Types types;
  private final JavaTypes javaTypes;
  private final Diagnostics diagnostics;

  DeclarationReader(Elements elements, Types types, JavaTypes javaTypes, Diagnostics diagnostics) {
    this.elements = elements;
    this.types = types;
    this.javaTypes = javaTypes;
    this.diagnostics = diagnostics;
  }

  /**
   * The rules of one kind that its declarations' shape and accessors are read by.
   *
   * @param annotation the kind's annotation's simple name, as messages name it: {@code SignedUrl}
   * @param shape {@link ElementKind#INTERFACE}, whose abstract methods the generated class
   *     implements, or {@link ElementKind#RECORD}, which the generated class builds
   * @param members what the members are to the vendor, plural: {@code parameters}, {@code fields}
   * @param noun how a message names one member: {@code Parameter}, {@code Field}
   * @param fixedTypes why a declaration cannot have type parameters
   * @param optionalNumbers the optional number types to declare instead of {@code OptionalInt}
   * @param reservedNames the names of the generated class's own members, which no accessor may take
   * @param keepName how a renamed accessor keeps its wire name, {@code %s} standing for it: {@code
   *     keep the wire name with @Param(name = "%s")}
   */
  public record Rules(
      String annotation,
      ElementKind shape,
      String members,
      String noun,
      String fixedTypes,
      String optionalNumbers,
      Set<String> reservedNames,
      String keepName) {

    String shapeName() {
      return shape == ElementKind.RECORD ? "record" : "interface";
    }
  }

  /**
   * An accessor, checked: it takes nothing, returns a value, and does not take a generated name.
   *
   * @param method the abstract method, declared on the type or inherited
   * @param type its return type, as a member of the declared type
   * @param valueType the type of its value, unwrapped from {@code Optional}
   * @param required whether it returns the value itself rather than an {@code Optional}
   * @param deprecated whether it is {@code @Deprecated}
   */
  public record Accessor(
      ExecutableElement method,
      String name,
      TypeMirror type,
      TypeMirror valueType,
      boolean required,
      boolean deprecated) {}

  /** The declaration of {@code type}, or empty when its shape cannot have a class generated. */
  public Optional<Declaration> read(TypeElement type, Rules rules) {
    String named = "@" + rules.annotation() + " " + rules.shapeName() + " " + type.getSimpleName();
    if (type.getKind() != rules.shape()) {
      diagnostics.error(
          type,
          "@"
              + rules.annotation()
              + " applies to "
              + rules.shapeName()
              + "s: declare "
              + type.getSimpleName()
              + " as "
              + (rules.shape() == ElementKind.RECORD ? "a" : "an")
              + " "
              + rules.shapeName()
              + " whose "
              + (rules.shape() == ElementKind.RECORD
                  ? "components are the notebook's " + rules.members()
                  : "abstract methods are the request's " + rules.members()));
      return Optional.empty();
    }
    String relation =
        rules.shape() == ElementKind.RECORD
            ? "the generated class beside it builds it"
            : "the generated class beside it implements it";
    if (type.getModifiers().contains(Modifier.SEALED)) {
      diagnostics.error(
          type,
          named + " must not be sealed: " + relation + "; remove sealed and its permits clause");
      return Optional.empty();
    }
    if (rules.shape() == ElementKind.INTERFACE) {
      for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
        if (!method.getModifiers().contains(Modifier.ABSTRACT)
            && rules.reservedNames().contains(method.getSimpleName().toString())) {
          diagnostics.error(
              method,
              "Method "
                  + method.getSimpleName()
                  + " would clash with the generated class's own "
                  + method.getSimpleName()
                  + "; rename it");
        }
      }
    }
    if (!type.getTypeParameters().isEmpty()) {
      diagnostics.error(
          type,
          named
              + " must not have type parameters: "
              + rules.fixedTypes()
              + "; remove them and"
              + " give each "
              + (rules.shape() == ElementKind.RECORD ? "component" : "accessor")
              + " its own type");
      return Optional.empty();
    }
    for (Element enclosing = type;
        enclosing.getKind().isInterface() || enclosing.getKind().isClass();
        enclosing = enclosing.getEnclosingElement()) {
      if (enclosing.getModifiers().contains(Modifier.PRIVATE)) {
        diagnostics.error(
            type,
            named
                + " must not be private (nor nested in a private type): "
                + relation
                + "; make it package-private or public");
        return Optional.empty();
      }
      if (((TypeElement) enclosing).getNestingKind() == NestingKind.TOP_LEVEL) {
        break;
      }
    }
    return Optional.of(Declaration.of(type));
  }

  /**
   * The abstract methods of {@code type} and of the interfaces it extends, but those of {@code
   * Object}: first the inherited ones, in the order of the {@code extends} clause, then its own. A
   * method redeclared keeps the place where it was first declared and takes the annotations of its
   * last declaration; one that a default method overrides is no accessor.
   */
  public List<ExecutableElement> abstractMethods(TypeElement type) {
    Map<String, ExecutableElement> methods = new LinkedHashMap<>();
    collect(type, methods, new ArrayList<>());
    return List.copyOf(methods.values());
  }

  private void collect(
      TypeElement type, Map<String, ExecutableElement> methods, List<TypeElement> visited) {
    if (visited.contains(type)) {
      return;
    }
    visited.add(type);
    for (TypeMirror superinterface : type.getInterfaces()) {
      collect((TypeElement) types.asElement(superinterface), methods, visited);
    }
    for (ExecutableElement method : ElementFilter.methodsIn(type.getEnclosedElements())) {
      if (method.getModifiers().contains(Modifier.STATIC) || overridesObject(method)) {
        continue;
      }
      String key = method.getSimpleName() + "/" + method.getParameters().size();
      if (method.getModifiers().contains(Modifier.ABSTRACT)) {
        methods.put(key, method);
      } else if (method.getModifiers().contains(Modifier.DEFAULT)) {
        methods.remove(key);
      }
    }
  }

  /**
   * Reads each abstract method of {@code type} as an accessor, reporting those that are not.
   *
   * @param wireName the name a message gives a member, read from the kind's own annotations
   */
  public List<Accessor> accessors(
      TypeElement type, Rules rules, Function<ExecutableElement, String> wireName) {
    List<Accessor> accessors = new ArrayList<>();
    for (ExecutableElement method : abstractMethods(type)) {
      accessor(type, method, rules, wireName).ifPresent(accessors::add);
    }
    checkStageNames(type, accessors, rules);
    return accessors;
  }

  private Optional<Accessor> accessor(
      TypeElement type,
      ExecutableElement method,
      Rules rules,
      Function<ExecutableElement, String> wireName) {
    String name = method.getSimpleName().toString();
    Element reportOn = reportOn(type, method);
    String inherited =
        reportOn == method
            ? ""
            : " (inherited from " + method.getEnclosingElement().getSimpleName() + ")";
    String accessorNoun = rules.noun() + " accessor " + name;
    if (!method.getParameters().isEmpty() || !method.getTypeParameters().isEmpty()) {
      diagnostics.error(
          reportOn,
          accessorNoun
              + inherited
              + " must take no arguments and no type parameters: declare it"
              + " as `T "
              + name
              + "();`");
      return Optional.empty();
    }
    if (rules.reservedNames().contains(name)) {
      diagnostics.error(
          reportOn,
          "A "
              + rules.noun().toLowerCase(java.util.Locale.ROOT)
              + " cannot be called "
              + name
              + "()"
              + inherited
              + ": the generated class uses that name. Rename the method and "
              + String.format(rules.keepName(), name));
      return Optional.empty();
    }
    TypeMirror returnType =
        ((ExecutableType) types.asMemberOf((DeclaredType) type.asType(), method)).getReturnType();
    if (returnType.getKind() == TypeKind.VOID) {
      diagnostics.error(
          reportOn,
          accessorNoun
              + "()"
              + inherited
              + " must return its value: declare its type, such as"
              + " `String "
              + name
              + "();`");
      return Optional.empty();
    }
    String member = rules.noun() + " " + wireName.apply(method) + inherited;
    for (String primitiveOptional : List.of("OptionalInt", "OptionalLong", "OptionalDouble")) {
      if (javaTypes.is(returnType, "java.util." + primitiveOptional)) {
        diagnostics.error(
            reportOn,
            member
                + ": declare an optional number as "
                + rules.optionalNumbers()
                + ", not "
                + primitiveOptional);
        return Optional.empty();
      }
    }
    if (javaTypes.is(returnType, "java.util.Optional")
        && javaTypes.typeArguments(returnType).isEmpty()) {
      diagnostics.error(
          reportOn,
          member + ": declare the raw Optional with its value type, such as Optional<String>");
      return Optional.empty();
    }
    Optional<TypeMirror> optionalValue = javaTypes.optionalValue(returnType);
    TypeMirror valueType = optionalValue.orElse(returnType);
    if (javaTypes.is(valueType, "java.util.Optional")) {
      diagnostics.error(
          reportOn,
          member + ": Optional<Optional<...>> means nothing more than Optional<...>; unwrap it");
      return Optional.empty();
    }
    return Optional.of(
        new Accessor(
            method,
            name,
            returnType,
            valueType,
            optionalValue.isEmpty(),
            elements.isDeprecated(method)));
  }

  /**
   * Where a problem with {@code method} is reported: on the method when {@code type} declares it,
   * else on {@code type}, which may be the only one of the two in the sources compiled.
   */
  public static Element reportOn(TypeElement type, ExecutableElement method) {
    return method.getEnclosingElement().equals(type) ? method : type;
  }

  /**
   * Builder steps are named after their properties with a capital first letter, so {@code foo()}
   * and {@code Foo()} would both be {@code FooStage}.
   */
  private void checkStageNames(TypeElement type, List<Accessor> accessors, Rules rules) {
    Map<String, Accessor> byStage = new HashMap<>();
    for (Accessor accessor : accessors) {
      String name = accessor.name();
      String stage = Character.toUpperCase(name.charAt(0)) + name.substring(1);
      Accessor earlier = byStage.putIfAbsent(stage, accessor);
      if (earlier != null) {
        diagnostics.error(
            reportOn(type, accessor.method()),
            rules.noun()
                + "s "
                + earlier.name()
                + "() and "
                + name
                + "() differ only in the"
                + " case of their first letter, so their builder steps would have one name; rename"
                + " one and "
                + String.format(rules.keepName(), name));
      }
    }
  }

  /** Whether {@code method} is {@code toString()}, {@code hashCode()} or {@code equals(Object)}. */
  public static boolean overridesObject(ExecutableElement method) {
    String name = method.getSimpleName().toString();
    int arity = method.getParameters().size();
    return (arity == 0 && (name.equals("toString") || name.equals("hashCode")))
        || (arity == 1 && name.equals("equals"));
  }
}
