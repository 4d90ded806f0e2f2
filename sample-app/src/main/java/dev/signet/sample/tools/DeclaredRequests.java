package dev.signet.sample.tools;

import dev.signet.sample.tools.Description.Property;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A declaration's generated class driven as its description tells: its staged builder fed from a
 * form's texts, and a built request read back into those texts. Each value goes through the setter
 * a caller would call, so the builder's own checks judge it.
 */
public final class DeclaredRequests {
  private DeclaredRequests() {}

  /**
   * The request that {@code form} gives, by Java name; an empty text is an absent value, which the
   * builder fills where it can (a nonce, a time, a default).
   *
   * @throws IllegalArgumentException naming the parameter and the rule, for a value the form's
   *     reading or the builder refuses (the builder's {@link
   *     dev.signet.runtime.InvalidParameterException} among them)
   */
  public static Object build(Description description, Map<String, String> form) {
    Object stage = FormValues.invoke(method(description.generated(), "builder"), null);
    for (String name : description.builderOrder()) {
      Property property = description.property(name).orElseThrow();
      String text = form.getOrDefault(name, "");
      if (text.isEmpty()) {
        throw new IllegalArgumentException(property.wireName() + ": is required");
      }
      stage = set(stage, property, text);
    }
    for (Property property : description.properties()) {
      String text = form.getOrDefault(property.name(), "");
      if (property.isSettable()
          && !description.builderOrder().contains(property.name())
          && !text.isEmpty()) {
        stage = set(stage, property, text);
      }
    }
    return FormValues.invoke(method(stage.getClass(), "build"), stage);
  }

  /**
   * The form's texts for {@code request}, by Java name: every value a caller sets but secrets,
   * which a page must not carry.
   *
   * @param fresh whether to leave out too the values that a clock or a nonce gives, so that a form
   *     used again signs a new request rather than one already used
   */
  public static Map<String, String> form(Description description, Object request, boolean fresh) {
    Map<String, String> form = new LinkedHashMap<>();
    for (Property property : description.properties()) {
      if (property.isSettable()
          && !(fresh && (property.clockValue() || property.drawn()))
          && !property.redacted()) {
        Object value;
        try {
          value = FormValues.invoke(method(request.getClass(), property.name()), request);
        } catch (IllegalStateException e) {
          if (property.isUnsigned()) {
            // A request read from a token holds no value the URL around it carried unsigned.
            continue;
          }
          throw e;
        }
        form.put(property.name(), FormValues.write(property, value));
      }
    }
    return form;
  }

  /** The value {@code request} holds for {@code property}, as its accessor returns it. */
  public static Optional<?> value(Object request, Property property) {
    Object value = FormValues.invoke(method(request.getClass(), property.name()), request);
    return value instanceof Optional<?> optional ? optional : Optional.ofNullable(value);
  }

  /** The texts a select offers for {@code property}; empty for a text field. */
  public static List<String> choices(Description description, Property property) {
    return FormValues.choices(property, setterType(description, property));
  }

  private static Object set(Object stage, Property property, String text) {
    Method setter = setter(stage.getClass(), property.name());
    Object value = FormValues.read(property, setter.getGenericParameterTypes()[0], text);
    return FormValues.invoke(setter, stage, value);
  }

  /** The type that {@code property}'s setter takes, wherever among the builder's stages it is. */
  private static Type setterType(Description description, Property property) {
    for (Class<?> nested : description.generated().getClasses()) {
      Optional<Method> setter = findSetter(nested, property.name());
      if (setter.isPresent()) {
        return setter.get().getGenericParameterTypes()[0];
      }
    }
    throw new IllegalStateException(description.id() + " has no setter " + property.name());
  }

  private static Method setter(Class<?> stage, String name) {
    return findSetter(stage, name)
        .orElseThrow(() -> new IllegalStateException(stage + " has no setter " + name));
  }

  /** The setter that takes the value itself, not the overload that takes an Optional of it. */
  private static Optional<Method> findSetter(Class<?> stage, String name) {
    for (Method method : stage.getMethods()) {
      if (method.getName().equals(name)
          && method.getParameterCount() == 1
          && method.getParameterTypes()[0] != Optional.class
          && !Modifier.isStatic(method.getModifiers())) {
        method.setAccessible(true);
        return Optional.of(method);
      }
    }
    return Optional.empty();
  }

  static Method method(Class<?> type, String name, Class<?>... parameters) {
    try {
      Method method = type.getMethod(name, parameters);
      // A public method of a public class, reached through a class object that may be a
      // non-public subclass (the builder's stages are public static classes).
      method.setAccessible(true);
      return method;
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(type.getName() + " has no method " + name, e);
    }
  }
}
