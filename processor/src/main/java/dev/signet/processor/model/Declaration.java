package dev.signet.processor.model;

import com.palantir.javapoet.ClassName;
import javax.lang.model.element.TypeElement;

/**
 * The annotated type a class is generated from, and that class's name.
 *
 * @param element the annotated type, the generated file's one originating element
 * @param declared its name
 * @param generated the generated class's name: {@code Signet} and the declared type's simple names
 *     joined by {@code _}, such as {@code SignetOmni_Login}
 */
public record Declaration(TypeElement element, ClassName declared, ClassName generated) {

  /** The declaration of {@code element}. */
  public static Declaration of(TypeElement element) {
    ClassName declared = ClassName.get(element);
    return new Declaration(
        element,
        declared,
        ClassName.get(declared.packageName(), "Signet" + String.join("_", declared.simpleNames())));
  }
}
