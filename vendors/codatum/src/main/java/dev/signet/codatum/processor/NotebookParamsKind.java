package dev.signet.codatum.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.JavaFile;
import dev.signet.codatum.NotebookParams;
import dev.signet.codatum.processor.NotebookParamsModel.Param;
import dev.signet.processor.kind.DeclarationKind;
import dev.signet.processor.model.Declaration;
import dev.signet.processor.model.Property;
import dev.signet.processor.read.DeclarationReader;
import dev.signet.processor.read.Reading;
import dev.signet.processor.write.Descriptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link NotebookParams}: a record mapped to Codatum's notebook params and back. */
public final class NotebookParamsKind implements DeclarationKind<NotebookParamsModel> {

  @Override
  public String annotation() {
    return NotebookParams.class.getCanonicalName();
  }

  @Override
  public DeclarationReader.Rules rules() {
    return NotebookParamsReader.RULES;
  }

  @Override
  public Optional<NotebookParamsModel> read(Declaration declaration, Reading reading) {
    return new NotebookParamsReader(reading).read(declaration);
  }

  @Override
  public JavaFile write(NotebookParamsModel model, AnnotationSpec generated) {
    return NotebookParamsWriter.write(model, generated);
  }

  @Override
  public String describe(NotebookParamsModel model) {
    Map<String, Object> root = Descriptions.header("NotebookParams", model.declaration());
    List<Object> params = new ArrayList<>();
    for (Property<Param> param : model.params()) {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("name", param.name());
      entry.put("paramId", param.wireName());
      entry.put("type", Descriptions.typeName(param.form().componentType()));
      entry.put("datatype", param.form().datatype());
      entry.put("required", param.required());
      entry.put("hidden", param.form().hidden());
      entry.put("presence", param.form().presence().name());
      params.add(entry);
    }
    root.put("params", params);
    return Descriptions.write(root);
  }
}
