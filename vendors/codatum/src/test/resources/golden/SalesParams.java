package golden;

import dev.signet.codatum.Datatype;
import dev.signet.codatum.NotebookParam;
import dev.signet.codatum.NotebookParams;
import dev.signet.codatum.DateRange;
import dev.signet.codatum.ParamValue;
import java.util.List;
import java.util.Optional;

/** Codatum notebook parameters of every presence. */
@NotebookParams
public record SalesParams(
    @NotebookParam(id = "store0123456789abcdef012", required = true, hidden = true) String store,
    @NotebookParam(id = "period0123456789abcdef01") ParamValue<DateRange> period,
    @NotebookParam(id = "categories0123456789abcd") Optional<List<String>> categories,
    @NotebookParam(id = "ratio0123456789abcdef012", required = true) double ratio,
    @NotebookParam(id = "day0123456789abcdef01234", datatype = Datatype.DATE) Optional<String> day) {}
