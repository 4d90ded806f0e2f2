package dev.signet.processor.read;

import javax.annotation.processing.Messager;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * What a kind's reader works with while it reads one declaration: the compiler's model, that
 * declaration's own diagnostics, and the readers every kind shares.
 */
public record Reading(
    Elements elements,
    Types types,
    JavaTypes javaTypes,
    Diagnostics diagnostics,
    EnumReader enums,
    JsonShapeReader jsonShapes,
    DeclarationReader declarations) {

  /** A reading of one declaration, with diagnostics of its own. */
  public static Reading of(Elements elements, Types types, Messager messager) {
    JavaTypes javaTypes = new JavaTypes(types, elements);
    Diagnostics diagnostics = new Diagnostics(messager);
    EnumReader enums = new EnumReader(diagnostics);
    return new Reading(
        elements,
        types,
        javaTypes,
        diagnostics,
        enums,
        new JsonShapeReader(javaTypes, enums, diagnostics),
        new DeclarationReader(elements, types, javaTypes, diagnostics));
  }
}
