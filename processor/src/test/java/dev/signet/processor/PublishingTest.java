package dev.signet.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What publishing to Maven Central needs, checked in the POMs: the parent's license, SCM,
 * developers and URL, sources and Javadoc jars for each published module, and a BOM that lists
 * every published artifact at the project's version.
 */
class PublishingTest {
  private static final Path ROOT = Compilers.MODULE.getParent();

  /** Each published artifact and the folder of its module. */
  private static final Map<String, String> MODULES =
      Map.ofEntries(
          Map.entry("signet-annotations", "annotations"),
          Map.entry("signet-runtime", "runtime"),
          Map.entry("signet-processor", "processor"),
          Map.entry("signet-nonces-redis", "nonces/redis"),
          Map.entry("signet-nonces-jdbc", "nonces/jdbc"),
          Map.entry("signet-codatum", "vendors/codatum"),
          Map.entry("signet-omni", "vendors/omni"),
          Map.entry("signet-looker", "vendors/looker"),
          Map.entry("signet-mode", "vendors/mode"),
          Map.entry("signet-sigma", "vendors/sigma"),
          Map.entry("signet-metabase", "vendors/metabase"),
          Map.entry("signet-lightdash", "vendors/lightdash"),
          Map.entry("signet-tableau", "vendors/tableau"));

  private static Element pom(String path) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(false);
    Document document = factory.newDocumentBuilder().parse(ROOT.resolve(path).toFile());
    return document.getDocumentElement();
  }

  /** The text of the direct child {@code name} of {@code parent}, or null. */
  private static String child(Element parent, String name) {
    Element child = childElement(parent, name);
    return child == null ? null : child.getTextContent().trim();
  }

  private static Element childElement(Element parent, String name) {
    for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
      if (node instanceof Element element && element.getTagName().equals(name)) {
        return element;
      }
    }
    return null;
  }

  @Test
  void theParentHasWhatCentralRequires() throws Exception {
    Element parent = pom("pom.xml");
    for (String required : List.of("name", "description", "url")) {
      assertFalse(child(parent, required) == null || child(parent, required).isEmpty(), required);
    }
    Element license = childElement(childElement(parent, "licenses"), "license");
    assertEquals("Apache-2.0", child(license, "name"));
    assertTrue(Files.readString(ROOT.resolve("LICENSE")).contains("Apache License"));
    Element scm = childElement(parent, "scm");
    assertTrue(child(scm, "connection").startsWith("scm:git:"));
    assertTrue(child(scm, "url").startsWith("https://"));
    assertTrue(childElement(childElement(parent, "developers"), "developer") != null);
    assertTrue(
        Files.readString(ROOT.resolve("pom.xml")).contains("<module>bom</module>"),
        "the BOM is built with the rest");
  }

  @Test
  void eachPublishedModuleAttachesSourcesAndJavadoc() throws Exception {
    for (Map.Entry<String, String> published : MODULES.entrySet()) {
      String module = published.getValue();
      Element pom = pom(module + "/pom.xml");
      assertEquals(published.getKey(), child(pom, "artifactId"), module);
      assertTrue(
          Files.readString(ROOT.resolve("pom.xml")).contains("<module>" + module + "</module>"),
          module + " is built with the rest");
      List<String> plugins = new ArrayList<>();
      NodeList nodes =
          childElement(childElement(pom, "build"), "plugins").getElementsByTagName("artifactId");
      for (int i = 0; i < nodes.getLength(); i++) {
        plugins.add(nodes.item(i).getTextContent().trim());
      }
      assertTrue(plugins.contains("maven-source-plugin"), module + ": " + plugins);
      assertTrue(plugins.contains("maven-javadoc-plugin"), module + ": " + plugins);
    }
  }

  @Test
  void theBomListsEveryPublishedArtifactAtTheProjectVersion() throws Exception {
    Element parent = pom("pom.xml");
    Element bom = pom("bom/pom.xml");
    assertEquals("signet-bom", child(bom, "artifactId"));
    assertEquals("pom", child(bom, "packaging"));
    assertEquals(child(parent, "groupId"), child(bom, "groupId"));
    assertEquals(child(parent, "version"), child(bom, "version"), "bom/pom.xml's version");
    // No parent: importing the BOM must bring in Signet's versions and nothing else.
    assertEquals(null, childElement(bom, "parent"));
    List<String> managed = new ArrayList<>();
    NodeList dependencies =
        childElement(childElement(bom, "dependencyManagement"), "dependencies")
            .getElementsByTagName("dependency");
    for (int i = 0; i < dependencies.getLength(); i++) {
      Element dependency = (Element) dependencies.item(i);
      assertEquals("dev.signet", child(dependency, "groupId"));
      assertEquals("${project.version}", child(dependency, "version"));
      managed.add(child(dependency, "artifactId"));
    }
    assertEquals(new TreeSet<>(MODULES.keySet()), new TreeSet<>(managed));
  }
}
