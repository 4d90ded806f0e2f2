package dev.signet.processor.read;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.tools.Diagnostic;

/**
 * Reports problems on the element that causes them and remembers whether there were any. One
 * instance serves one declaration, so that a broken declaration does not stop a valid one.
 */
public final class Diagnostics {
  private final Messager messager;
  private boolean failed;

  public Diagnostics(Messager messager) {
    this.messager = messager;
  }

  public void error(Element element, String message) {
    failed = true;
    messager.printMessage(Diagnostic.Kind.ERROR, message, element);
  }

  /** Reports on {@code attribute} of the annotation {@code annotationName} on {@code element}. */
  public void error(Element element, String annotationName, String attribute, String message) {
    failed = true;
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (mirror.getAnnotationType().asElement().getSimpleName().contentEquals(annotationName)) {
        for (var entry : mirror.getElementValues().entrySet()) {
          ExecutableElement key = entry.getKey();
          if (key.getSimpleName().contentEquals(attribute)) {
            AnnotationValue value = entry.getValue();
            messager.printMessage(Diagnostic.Kind.ERROR, message, element, mirror, value);
            return;
          }
        }
        messager.printMessage(Diagnostic.Kind.ERROR, message, element, mirror);
        return;
      }
    }
    messager.printMessage(Diagnostic.Kind.ERROR, message, element);
  }

  public void warning(Element element, String message) {
    messager.printMessage(Diagnostic.Kind.WARNING, message, element);
  }

  /** Whether an error has been reported for this declaration. */
  public boolean failed() {
    return failed;
  }

  /** {@code text} as it is written in a Java string literal, for quoting in messages. */
  public static String escape(String text) {
    return text.replace("\\", "\\\\")
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
        .replace("\"", "\\\"");
  }
}
