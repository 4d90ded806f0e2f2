package dev.signet.codatum;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code displayOptions} of {@code SET_TOKEN}; a null component is left out, and the notebook's
 * own setting applies.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DisplayOptions(
    SqlDisplay sqlDisplay, Boolean hideParamsForm, Boolean expandParamsFormByDefault) {}
