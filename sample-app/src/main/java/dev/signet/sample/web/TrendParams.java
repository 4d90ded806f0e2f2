package dev.signet.sample.web;

import dev.signet.codatum.DateRange;
import dev.signet.codatum.NotebookParam;
import dev.signet.codatum.NotebookParams;
import dev.signet.codatum.ParamValue;
import java.util.Optional;

/**
 * The parameters of the notebook's second page, the sales trend. It shares {@code storeId} and
 * {@code period} with {@link dev.signet.sample.codatum.SalesParams} (the same param ids), so a
 * period the user picks on one page is the period of the other.
 *
 * @param storeId set by the host from its user table, hidden from the form
 * @param period the dates to chart
 * @param granularity {@code day}, {@code week} or {@code month}
 */
@NotebookParams
public record TrendParams(
    @NotebookParam(id = "66a1b2c3d4e5f60718293a4b", required = true, hidden = true) String storeId,
    @NotebookParam(id = "66a1b2c3d4e5f60718293a4c") ParamValue<DateRange> period,
    @NotebookParam(id = "66a1b2c3d4e5f60718293a51") Optional<String> granularity) {}
