package dev.signet.processor.signedurl;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.JavaFile;
import dev.signet.annotations.SignedUrl;
import dev.signet.processor.kind.DeclarationKind;
import dev.signet.processor.model.Property;
import dev.signet.processor.model.TextForm;
import dev.signet.processor.read.Reading;
import dev.signet.processor.write.Descriptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/** {@link SignedUrl}: a request sent as a URL whose parameters are signed with an HMAC. */
public final class SignedUrlKind implements DeclarationKind<SignedUrlModel> {

  @Override
  public String annotation() {
    return SignedUrl.class.getCanonicalName();
  }

  @Override
  public Optional<SignedUrlModel> read(TypeElement type, Reading reading) {
    return new SignedUrlReader(reading).read(type);
  }

  @Override
  public JavaFile write(SignedUrlModel model, AnnotationSpec generated) {
    return SignedUrlWriter.write(model, generated);
  }

  @Override
  public String describe(SignedUrlModel model) {
    SignedUrl annotation = model.declaration().element().getAnnotation(SignedUrl.class);
    Map<String, Object> root = Descriptions.header("SignedUrl", model.declaration());
    root.put("path", model.path());
    root.put("signatureParameter", model.signatureParameter());
    root.put("separator", model.separator());
    root.put("lines", annotation.lines().name());
    root.put("order", annotation.order().name());
    root.put("normalization", annotation.normalization().name());
    root.put("algorithm", model.macAlgorithm());
    root.put("digest", model.digestEncoding());
    List<Object> parameters = new ArrayList<>();
    for (Property<TextForm> parameter : model.parameters()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", parameter.name());
      entry.put("wireName", parameter.wireName());
      entry.put("type", Descriptions.typeName(parameter.type()));
      entry.put("required", parameter.required());
      entry.put("position", model.positions().get(parameter.name()));
      TextForm form = parameter.form();
      entry.put(
          "encoding",
          form instanceof TextForm.PreEncoded
              ? "PRE_ENCODED"
              : form instanceof TextForm.Json ? "JSON" : "TEXT");
      if (form instanceof TextForm.EnumConstant constant) {
        entry.put("wireValues", Descriptions.wireValues(constant.shape()));
      }
      if (form instanceof TextForm.Json json) {
        entry.put("json", Descriptions.shape(json.shape()));
      }
      if (form instanceof TextForm.Nonce nonce) {
        Map<String, Object> shape = new LinkedHashMap<>();
        shape.put("length", nonce.shape().length());
        shape.put("alphabet", nonce.shape().alphabet());
        entry.put("nonce", shape);
      }
      entry.put("deprecated", parameter.deprecated());
      parameters.add(entry);
    }
    root.put("parameters", parameters);
    root.put("builderOrder", model.requiredInBuilder().stream().map(Property::name).toList());
    root.put("signedOrder", model.signedOrder().stream().map(Property::wireName).toList());
    return Descriptions.write(root);
  }
}
