package dev.signet.sample.web;

import dev.signet.codatum.DisplayOptions;
import dev.signet.codatum.EncodedParam;
import dev.signet.codatum.NotebookParamMapper;
import dev.signet.codatum.SqlDisplay;
import dev.signet.runtime.Json;
import dev.signet.sample.codatum.SignetSalesParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The two host pages that embed a page of the Codatum notebook, each with the
 * {@code @NotebookParams} record its notebook page is declared with. Both share the params {@code
 * storeId} and {@code period}.
 */
enum NotebookPage {
  SALES(
      "sales",
      "Sales overview",
      SignetSalesParams.MAPPER,
      params -> SignetSalesParams.encode(SignetSalesParams.decode(params)),
      new DisplayOptions(SqlDisplay.RESULT_ONLY, false, true),
      Map.of(
          "66a1b2c3d4e5f60718293a4c", "[\"2026-01-01\",\"2026-03-31\"]",
          "66a1b2c3d4e5f60718293a4d", "[\"Electronics\",\"Garden\",\"Toys\"]",
          "66a1b2c3d4e5f60718293a4e", "\"2026-03-31\"",
          "66a1b2c3d4e5f60718293a4f", "0",
          "66a1b2c3d4e5f60718293a50", "false")),
  TRENDS(
      "trends",
      "Sales trend",
      SignetTrendParams.MAPPER,
      params -> SignetTrendParams.encode(SignetTrendParams.decode(params)),
      new DisplayOptions(SqlDisplay.SHOW, false, true),
      Map.of(
          "66a1b2c3d4e5f60718293a4c", "[\"2026-01-01\",\"2026-03-31\"]",
          "66a1b2c3d4e5f60718293a51", "\"month\""));

  private final String slug;
  private final String title;
  private final NotebookParamMapper mapper;
  private final UnaryOperator<List<EncodedParam>> roundTrip;
  private final DisplayOptions displayOptions;
  private final Map<String, String> standinDefaults;

  NotebookPage(
      String slug,
      String title,
      NotebookParamMapper mapper,
      UnaryOperator<List<EncodedParam>> roundTrip,
      DisplayOptions displayOptions,
      Map<String, String> standinDefaults) {
    this.slug = slug;
    this.title = title;
    this.mapper = mapper;
    this.roundTrip = roundTrip;
    this.displayOptions = displayOptions;
    this.standinDefaults = standinDefaults;
  }

  String slug() {
    return slug;
  }

  String title() {
    return title;
  }

  NotebookParamMapper mapper() {
    return mapper;
  }

  DisplayOptions displayOptions() {
    return displayOptions;
  }

  /** What the stand-in notebook shows for a param the token leaves unset. */
  Map<String, String> standinDefaults() {
    return standinDefaults;
  }

  /** The page whose slug is {@code slug}, or null. */
  static NotebookPage of(String slug) {
    for (NotebookPage page : values()) {
      if (page.slug.equals(slug)) {
        return page;
      }
    }
    return null;
  }

  /** The ids of the params the user may change on this page (not the hidden ones). */
  Set<String> visibleParamIds() {
    return mapper.params().stream()
        .filter(param -> !param.hidden())
        .map(NotebookParamMapper.Param::paramId)
        .collect(Collectors.toUnmodifiableSet());
  }

  /**
   * {@code params} read into this page's record and written back, with the store the host sets
   * instead of any the params carry: what the page's notebook gets, checked and in order.
   *
   * @throws dev.signet.codatum.NotebookParamException naming the param whose value is refused
   */
  List<EncodedParam> canonical(List<EncodedParam> params, String storeId) {
    String storeParam = paramId("storeId");
    List<EncodedParam> withStore = new ArrayList<>();
    StringBuilder store = new StringBuilder();
    Json.appendString(store, storeId);
    withStore.add(new EncodedParam(storeParam, store.toString(), true));
    params.stream().filter(param -> !param.paramId().equals(storeParam)).forEach(withStore::add);
    return roundTrip.apply(withStore);
  }

  private String paramId(String key) {
    return mapper.params().stream()
        .filter(param -> param.key().equals(key))
        .findFirst()
        .orElseThrow()
        .paramId();
  }
}
