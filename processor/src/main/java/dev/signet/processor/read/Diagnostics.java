package dev.signet.processor.read;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.tools.Diagnostic;

/** Reports problems on the element that causes them and remembers whether there were any. */
final class Diagnostics {
  private final Messager messager;
  private boolean failed;

  Diagnostics(Messager messager) {
    this.messager = messager;
  }

  void error(Element element, String message) {
    failed = true;
    messager.printMessage(Diagnostic.Kind.ERROR, message, element);
  }

  /** Reports on {@code attribute} of the annotation {@code annotationName} on {@code element}. */
  void error(Element element, String annotationName, String attribute, String message) {
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

  void warning(Element element, String message) {
    messager.printMessage(Diagnostic.Kind.WARNING, message, element);
  }

  boolean failed() {
    return failed;
  }
}
