package dev.signet.processor.read;

import javax.annotation.processing.Messager;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * What a kind's reader works with while it reads one declaration: the compiler's model, that
 * declaration's own diagnostics, and the readers every kind shares.
 */
public final class Reading {
  private final Elements elements;
  private final Types types;
  private final JavaTypes javaTypes;
  private final Diagnostics diagnostics;
  private final EnumReader enums;
  private final JsonShapeReader jsonShapes;
  private final DeclarationReader declarations;

  public Reading(Elements elements, Types types, Messager messager) {
    this.elements = elements;
    this.types = types;
    this.javaTypes = new JavaTypes(types, elements);
    this.diagnostics = new Diagnostics(messager);
    this.enums = new EnumReader(diagnostics);
    this.jsonShapes = new JsonShapeReader(javaTypes, enums, diagnostics);
    this.declarations = new DeclarationReader(elements, types, javaTypes, diagnostics);
  }

  public Elements elements() {
    return elements;
  }

  public Types types() {
    return types;
  }

  public JavaTypes javaTypes() {
    return javaTypes;
  }

  public Diagnostics diagnostics() {
    return diagnostics;
  }

  public EnumReader enums() {
    return enums;
  }

  public JsonShapeReader jsonShapes() {
    return jsonShapes;
  }

  public DeclarationReader declarations() {
    return declarations;
  }
}
