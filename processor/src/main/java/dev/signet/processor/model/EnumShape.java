package dev.signet.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.Map;

/**
 * An enum and the wire value of each of its constants, in the order of the constants' names (the
 * same under every compiler).
 *
 * @param wireValues constant name to wire value
 */
public record EnumShape(ClassName type, Map<String, String> wireValues) {

  /** Whether some constant's wire value is not its name, so a switch is needed to write it. */
  public boolean renamesConstants() {
    return wireValues.entrySet().stream().anyMatch(e -> !e.getKey().equals(e.getValue()));
  }
}
