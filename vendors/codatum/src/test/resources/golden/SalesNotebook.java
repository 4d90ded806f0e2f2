package golden;

import dev.signet.codatum.NotebookParam;
import dev.signet.codatum.NotebookParams;
import dev.signet.codatum.DateRange;
import dev.signet.codatum.ParamValue;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** A notebook's parameters: one set by the host and hidden, and one of each kind of value. */
@NotebookParams
public record SalesNotebook(
    @NotebookParam(id = "66a1b2c3d4e5f60718293a4b", required = true, hidden = true) String storeId,
    @NotebookParam(id = "66a1b2c3d4e5f60718293a4c") ParamValue<DateRange> period,
    @NotebookParam(id = "66a1b2c3d4e5f60718293a4d") Optional<List<String>> categories,
    @NotebookParam(id = "66a1b2c3d4e5f60718293a4e") Optional<LocalDate> asOf,
    @NotebookParam(id = "66a1b2c3d4e5f60718293a4f") Optional<Double> minimumOrder,
    @NotebookParam(id = "66a1b2c3d4e5f60718293a50") ParamValue<Long> quantity,
    @NotebookParam(id = "66a1b2c3d4e5f60718293a51") Optional<Boolean> includeReturns) {}
