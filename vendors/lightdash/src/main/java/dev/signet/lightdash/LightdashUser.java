package dev.signet.lightdash;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Optional;

/**
 * A token's {@code user}: who views the embed ({@code {}} allowed).
 *
 * @param externalId the host's id for them
 * @param email their email address
 */
public record LightdashUser(
    @JsonProperty("externalId") Optional<String> externalId,
    @JsonProperty("email") Optional<String> email) {}
