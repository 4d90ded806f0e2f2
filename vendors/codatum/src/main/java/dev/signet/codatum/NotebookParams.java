package dev.signet.codatum;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a record whose components are the parameters of a Codatum notebook integration: the Java
 * counterpart of {@code createParamMapper} from Codatum's {@code @codatum/embed}. Every component
 * carries a {@link NotebookParam} that maps it to the notebook's param id.
 *
 * <p>At compile time Signet generates {@code Signet<Name>} with {@code encode(record)}, which gives
 * the {@code [{param_id, param_value, is_hidden}]} that the token API and {@code SET_TOKEN} take,
 * and {@code decode(params)}, which reads the {@code params} of {@code PARAM_CHANGED} and {@code
 * EXECUTE_SQLS_TRIGGERED} back into the record. Both check values as the official mapper does and
 * throw {@code dev.signet.codatum.NotebookParamException} with its error kinds ({@code
 * MISSING_REQUIRED_PARAM}, {@code INVALID_PARAM_VALUE}) and a message that names the component.
 *
 * <p>A component's type says whether it may be absent and whether it may be reset:
 *
 * <ul>
 *   <li>{@code T}: always has a value; the param must be {@linkplain NotebookParam#required()
 *       required}.
 *   <li>{@code Optional<T>}: has a value or is absent; the param must not be required.
 *   <li>{@code ParamValue<T>} ({@code dev.signet.codatum.ParamValue}): has a value, is absent, or
 *       resets the param to the notebook's default ({@code _RESET_TO_DEFAULT_}). Decoding never
 *       gives a reset: the official mapper drops those, as it drops absent params.
 * </ul>
 *
 * <p>{@code T} follows the {@linkplain NotebookParam#datatype() datatype}: {@code String} for
 * {@code STRING}; {@code boolean} for {@code BOOLEAN}; {@code double}, {@code int} or {@code long}
 * for {@code NUMBER}; {@code java.time.LocalDate} for {@code DATE}; {@code List<String>} for {@code
 * STRING_ARRAY}; {@code dev.signet.codatum.DateRange} for {@code DATE_RANGE}. A {@code DATE} may
 * also be a {@code String} and a {@code DATE_RANGE} a {@code List<String>}: then values are checked
 * as the official mapper checks them, as {@code YYYY-MM-DD} text, which lets through {@code
 * 2026-02-31}; a {@code LocalDate} refuses it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface NotebookParams {}
