package dev.signet.runtime.internal;

import dev.signet.runtime.InvalidParameterException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The texts that stand for an enum's constants on the wire: each constant's name unless its
 * declaration gives another ({@code @WireValue}). Generated code declares one per enum type and
 * reads and writes constants through it. Immutable.
 *
 * @param <E> the enum
 */
public final class WireValues<E extends Enum<E>> {
  private final Class<E> type;
  private final Map<E, String> texts;
  private final Map<String, E> constants;

  /** Every wire value, in the order of the constants' names, for messages. */
  private final List<String> sorted;

  private WireValues(Class<E> type, Map<E, String> texts) {
    this.type = type;
    this.texts = texts;
    this.constants = new HashMap<>();
    texts.forEach((constant, text) -> constants.put(text, constant));
    List<E> byName = new ArrayList<>(texts.keySet());
    byName.sort((a, b) -> a.name().compareTo(b.name()));
    this.sorted = byName.stream().map(texts::get).toList();
  }

  /** The constants of {@code type}, each standing for its name. */
  public static <E extends Enum<E>> WireValues<E> of(Class<E> type) {
    Map<E, String> texts = new EnumMap<>(type);
    for (E constant : type.getEnumConstants()) {
      texts.put(constant, constant.name());
    }
    return new WireValues<>(type, texts);
  }

  /** These wire values, with {@code constant} standing for {@code text}. */
  public WireValues<E> with(E constant, String text) {
    Map<E, String> texts = new EnumMap<>(this.texts);
    texts.put(constant, text);
    return new WireValues<>(type, texts);
  }

  /** The text that stands for {@code constant}. */
  public String wireValue(E constant) {
    return texts.get(constant);
  }

  /**
   * The constant that {@code text} stands for, refusing any other text with an {@link
   * InvalidParameterException} naming {@code parameter} and every wire value.
   */
  public E constant(String parameter, String text) {
    E constant = constants.get(text);
    if (constant == null) {
      throw ReceivedValues.unknownConstant(parameter, sorted);
    }
    return constant;
  }
}
