package dev.signet.sample.codatum;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.signet.codatum.DateRange;
import dev.signet.codatum.EncodedParam;
import dev.signet.codatum.NotebookParamException;
import dev.signet.codatum.ParamValue;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The class generated from {@link SalesParams}: typed encode and decode. */
class SalesParamsTest {
  private static final String STORE = "66a1b2c3d4e5f60718293a4b";
  private static final String PERIOD = "66a1b2c3d4e5f60718293a4c";
  private static final String CATEGORIES = "66a1b2c3d4e5f60718293a4d";
  private static final String AS_OF = "66a1b2c3d4e5f60718293a4e";
  private static final String MINIMUM = "66a1b2c3d4e5f60718293a4f";
  private static final String RETURNS = "66a1b2c3d4e5f60718293a50";

  private static final SalesParams FULL =
      new SalesParams(
          "store_001",
          ParamValue.of(DateRange.of(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 31))),
          Optional.of(List.of("Electronics", "東京")),
          Optional.of(LocalDate.of(2025, 2, 1)),
          Optional.of(1e21),
          Optional.of(false));

  @Test
  void encodesEveryDatatypeAsTheOfficialMapperDoes() {
    assertEquals(
        List.of(
            new EncodedParam(STORE, "\"store_001\"", true),
            new EncodedParam(PERIOD, "[\"2025-01-01\",\"2025-01-31\"]", false),
            new EncodedParam(CATEGORIES, "[\"Electronics\",\"東京\"]", false),
            new EncodedParam(AS_OF, "\"2025-02-01\"", false),
            new EncodedParam(MINIMUM, "1e+21", false),
            new EncodedParam(RETURNS, "false", false)),
        SignetSalesParams.encode(FULL));
  }

  @Test
  void decodesWhatItEncodes() {
    assertEquals(FULL, SignetSalesParams.decode(SignetSalesParams.encode(FULL)));
  }

  @Test
  void leavesOutAbsentParamsAndSendsResets() {
    SalesParams params =
        new SalesParams(
            "s",
            ParamValue.resetToDefault(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty());
    List<EncodedParam> encoded = SignetSalesParams.encode(params);
    assertEquals(
        List.of(
            new EncodedParam(STORE, "\"s\"", true),
            new EncodedParam(PERIOD, "_RESET_TO_DEFAULT_", false)),
        encoded);
    // Decoding drops the reset, as the official mapper does.
    assertEquals(
        new SalesParams(
            "s",
            ParamValue.absent(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty(),
            Optional.empty()),
        SignetSalesParams.decode(encoded));
  }

  @Test
  void aMissingRequiredParamIsNamed() {
    NotebookParamException missing =
        assertThrows(
            NotebookParamException.class,
            () ->
                SignetSalesParams.encode(
                    new SalesParams(
                        null,
                        ParamValue.absent(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.empty())));
    assertEquals(NotebookParamException.Kind.MISSING_REQUIRED_PARAM, missing.kind());
    assertEquals("storeId", missing.param());
    assertEquals("storeId: is required but has no value", missing.getMessage());

    NotebookParamException reset =
        assertThrows(
            NotebookParamException.class,
            () ->
                SignetSalesParams.decode(
                    List.of(new EncodedParam(STORE, "_RESET_TO_DEFAULT_", true))));
    assertEquals(NotebookParamException.Kind.MISSING_REQUIRED_PARAM, reset.kind());
    assertEquals("storeId: is required but the params reset it to its default", reset.getMessage());
  }

  @Test
  void anInvalidValueIsNamed() {
    NotebookParamException nan =
        assertThrows(
            NotebookParamException.class,
            () ->
                SignetSalesParams.encode(
                    new SalesParams(
                        "s",
                        ParamValue.absent(),
                        Optional.empty(),
                        Optional.empty(),
                        Optional.of(Double.NaN),
                        Optional.empty())));
    assertEquals(NotebookParamException.Kind.INVALID_PARAM_VALUE, nan.kind());
    assertEquals("minimumOrder: must be a finite number, not NaN", nan.getMessage());

    NotebookParamException notANumber =
        assertThrows(
            NotebookParamException.class,
            () ->
                SignetSalesParams.decode(
                    List.of(
                        new EncodedParam(STORE, "\"s\"", true),
                        new EncodedParam(MINIMUM, "\"7\"", false))));
    assertEquals(NotebookParamException.Kind.INVALID_PARAM_VALUE, notANumber.kind());
    assertEquals("minimumOrder: must be a number, not the string \"7\"", notANumber.getMessage());
  }

  /**
   * The official mapper checks a date's form only and lets {@code 2026-02-31} through; a {@code
   * LocalDate} cannot hold it, so decoding refuses it, naming the component. (A {@code String}
   * component with {@code datatype = DATE} accepts it, as the official mapper does.)
   */
  @Test
  void aLocalDateRefusesADayTheCalendarLacks() {
    NotebookParamException refused =
        assertThrows(
            NotebookParamException.class,
            () ->
                SignetSalesParams.decode(
                    List.of(
                        new EncodedParam(STORE, "\"s\"", true),
                        new EncodedParam(AS_OF, "\"2026-02-31\"", false))));
    assertEquals(NotebookParamException.Kind.INVALID_PARAM_VALUE, refused.kind());
    assertEquals("asOf: must be a day of the calendar, not 2026-02-31", refused.getMessage());
  }

  @Test
  void aYearBeyondFourDigitsIsRefused() {
    NotebookParamException refused =
        assertThrows(
            NotebookParamException.class,
            () ->
                SignetSalesParams.encode(
                    new SalesParams(
                        "s",
                        ParamValue.absent(),
                        Optional.empty(),
                        Optional.of(LocalDate.of(10_000, 1, 1)),
                        Optional.empty(),
                        Optional.empty())));
    assertEquals("asOf", refused.param());
  }
}
