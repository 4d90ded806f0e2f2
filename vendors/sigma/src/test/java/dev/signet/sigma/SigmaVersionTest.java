package dev.signet.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.signet.runtime.InvalidParameterException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Sigma's rule across {@code ver} and {@code aud}, held by one value. */
class SigmaVersionTest {
  private static InvalidParameterException refusal(String ver, String aud) {
    return assertThrows(
        InvalidParameterException.class,
        () -> SigmaVersion.of(Optional.ofNullable(ver), Optional.ofNullable(aud)));
  }

  @Test
  void acceptsTheVersionsAndTheAudienceSigmaDocuments() {
    assertEquals(Optional.empty(), SigmaVersion.of(Optional.empty(), Optional.empty()));
    assertEquals(
        Optional.of(SigmaVersion.v1_1()),
        SigmaVersion.of(Optional.of("1.1"), Optional.of("sigmacomputing")));
    assertEquals(
        Optional.of("1.0"), SigmaVersion.of(Optional.of("1.0"), Optional.empty()).get().ver());
    assertEquals(
        Optional.of("sigmacomputing"),
        SigmaVersion.of(Optional.empty(), Optional.of("sigmacomputing")).get().aud());
  }

  @Test
  void refusesOtherVersionsAndAudiencesByName() {
    InvalidParameterException version = refusal("v1.1", null);
    assertEquals("ver", version.parameter());
    assertTrue(version.getMessage().contains("\"1.0\" or \"1.1\""), version::getMessage);
    assertEquals("ver", refusal("1.2", "sigmacomputing").parameter());
    assertEquals("ver", refusal("", null).parameter());
    InvalidParameterException audience = refusal("1.1", "sigma");
    assertEquals("aud", audience.parameter());
    assertTrue(audience.getMessage().contains("\"sigmacomputing\""), audience::getMessage);
    InvalidParameterException missing = refusal("1.1", null);
    assertEquals("aud", missing.parameter());
    assertTrue(missing.getMessage().contains("required with ver \"1.1\""), missing::getMessage);
    assertEquals(
        "ver",
        assertThrows(
                InvalidParameterException.class,
                () -> new SigmaVersion(Optional.empty(), Optional.empty()))
            .parameter());
  }
}
