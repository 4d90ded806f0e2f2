package dev.signet.sample.codatum;

import dev.signet.codatum.DateRange;
import dev.signet.codatum.NotebookParam;
import dev.signet.codatum.NotebookParams;
import dev.signet.codatum.ParamValue;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The parameters of an example sales notebook, as a host declares them: the generated {@link
 * SignetSalesParams} encodes them for the token API and {@code SET_TOKEN}, and decodes what the
 * iframe's {@code PARAM_CHANGED} reports.
 *
 * @param storeId the store whose sales the user may see: set by the host, hidden from the form
 * @param period the dates to report on, or reset to the notebook's default
 * @param categories the product categories to include
 * @param asOf the day the figures are as of
 * @param minimumOrder orders below this amount are left out
 * @param includeReturns whether returned orders count
 */
@NotebookParams
public record SalesParams(
    @NotebookParam(id = "66a1b2c3d4e5f60718293a4b", required = true, hidden = true) String storeId,
    @NotebookParam(id = "66a1b2c3d4e5f60718293a4c") ParamValue<DateRange> period,
    @NotebookParam(id = "66a1b2c3d4e5f60718293a4d") Optional<List<String>> categories,
    @NotebookParam(id = "66a1b2c3d4e5f60718293a4e") Optional<LocalDate> asOf,
    @NotebookParam(id = "66a1b2c3d4e5f60718293a4f") Optional<Double> minimumOrder,
    @NotebookParam(id = "66a1b2c3d4e5f60718293a50") Optional<Boolean> includeReturns) {}
