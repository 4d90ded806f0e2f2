package dev.signet.sample.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.signet.omni.testing.OmniVectors;
import dev.signet.omni.testing.OmniVectors.Vector;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@code vectors/omni-sdk-vectors.jsonl}, made with Omni's official SDK
 * {@code @omni-co/embed} 0.16.0, read as the command line reads it ({@link OmniCase}, from the
 * SDK's property names): what the SDK signed, the command line must sign the same way, and what
 * must be refused, it must refuse naming the parameter. signet-omni's own vector test builds the
 * same cases with the generated builders.
 */
class OmniSdkVectorsTest {

  static Stream<Arguments> vectors() {
    return OmniVectors.all().stream()
        .map(vector -> Arguments.of(Named.of(vector.toString(), vector)));
  }

  @Test
  void theCopyHoldsAllTheVectors() {
    List<Vector> vectors = OmniVectors.all();
    assertEquals(OmniVectors.COUNT, vectors.size());
    assertEquals(OmniVectors.COUNT, vectors.get(vectors.size() - 1).line(), "no blank lines");
    assertEquals(292, vectors.stream().filter(Vector::accepted).count(), "accepted vectors");
    assertEquals(
        49,
        vectors.stream().filter(v -> v.op().equals("redeem")).count(),
        "redeem-session vectors");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void signsOrRefusesAsTheVectorSays(Vector vector) throws Exception {
    if (vector.accepted()) {
      OmniVectors.assertSignedLikeTheSdk(vector, OmniCase.signedUrl(vector.request().deepCopy()));
    } else {
      checkRefused(vector);
    }
  }

  private static void checkRefused(Vector vector) {
    String parameter = vector.refusedParameter();
    ObjectNode request = vector.request().deepCopy();
    IllegalArgumentException refusal =
        assertThrows(IllegalArgumentException.class, () -> OmniCase.signedUrl(request));
    assertTrue(
        refusal.getMessage().startsWith(parameter + ": "),
        () -> "the message should name " + parameter + ": " + refusal.getMessage());
    assertFalse(
        refusal.getMessage().contains(request.get("secret").textValue()), "the secret leaked");
  }
}
