package dev.signet.processor.jsonrequest;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.JavaFile;
import dev.signet.annotations.JsonRequest;
import dev.signet.processor.kind.DeclarationKind;
import dev.signet.processor.model.Property;
import dev.signet.processor.read.Reading;
import dev.signet.processor.write.Descriptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/** {@link JsonRequest}: a request sent with a JSON body, such as a vendor's token API. */
public final class JsonRequestKind implements DeclarationKind<JsonRequestModel> {

  @Override
  public String annotation() {
    return JsonRequest.class.getCanonicalName();
  }

  @Override
  public Optional<JsonRequestModel> read(TypeElement type, Reading reading) {
    return new JsonRequestReader(reading).read(type);
  }

  @Override
  public JavaFile write(JsonRequestModel model, AnnotationSpec generated) {
    return JsonRequestWriter.write(model, generated);
  }

  @Override
  public String describe(JsonRequestModel model) {
    Map<String, Object> root = Descriptions.header("JsonRequest", model.declaration());
    root.put("method", model.method());
    root.put("path", model.path());
    List<Object> fields = new ArrayList<>();
    for (Property<JsonForm> field : model.fields()) {
      JsonForm form = field.form();
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", field.name());
      if (form.header()) {
        entry.put("header", field.wireName());
        entry.put("prefix", form.headerPrefix());
      } else {
        entry.put("jsonName", field.wireName());
      }
      entry.put("type", Descriptions.typeName(field.type()));
      entry.put("required", field.required());
      if (!form.header()) {
        entry.put("inclusion", form.inclusion().name());
        entry.put("encoding", form.urlEncodedJson() ? "URL_ENCODED_JSON" : "JSON");
        entry.put("json", Descriptions.shape(form.shape()));
      }
      entry.put("redacted", field.redacted());
      entry.put("deprecated", field.deprecated());
      fields.add(entry);
    }
    root.put("fields", fields);
    root.put("builderOrder", model.requiredInBuilder().stream().map(Property::name).toList());
    return Descriptions.write(root);
  }
}
