package org.hpo4j.cli;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a YAML document into plain maps, lists and scalars, typed as Jackson's {@code Object}
 * mapping types them, but with aliases expanded: Jackson's YAML parser reports {@code y: *r} as the
 * string "r" instead of the value anchored by {@code &r}. Merge keys ({@code <<: *base}) add the
 * anchored mapping's entries that the mapping does not set itself.
 *
 * <p>Stateless and thread-safe.
 */
final class YamlTree {
  private static final YAMLFactory FACTORY = new YAMLFactory();

  private YamlTree() {}

  /**
   * @return the document's value (null for an empty document)
   * @throws IOException when the text is not YAML, or an alias names no anchor before it
   */
  static Object read(String text) throws IOException {
    Map<String, Object> anchors = scalarAnchors(text);
    try (YAMLParser p = FACTORY.createParser(text)) {
      return p.nextToken() == null ? null : value(p, anchors);
    }
  }

  /**
   * Jackson reports the anchors of mappings and sequences but not of scalars, so those are read
   * from the parser underneath it: each anchored scalar, typed as Jackson would type it alone.
   */
  private static Map<String, Object> scalarAnchors(String text) throws IOException {
    Map<String, Object> out = new HashMap<>();
    if (text.indexOf('&') < 0) {
      return out;
    }
    try {
      for (org.yaml.snakeyaml.events.Event e :
          new org.yaml.snakeyaml.Yaml().parse(new java.io.StringReader(text))) {
        if (e instanceof org.yaml.snakeyaml.events.ScalarEvent s && s.getAnchor() != null) {
          Object v = s.getValue();
          if (s.getScalarStyle() == org.yaml.snakeyaml.DumperOptions.ScalarStyle.PLAIN) {
            try (YAMLParser one = FACTORY.createParser(s.getValue())) {
              v = one.nextToken() == null ? null : value(one, new HashMap<>());
            }
          }
          out.put(s.getAnchor(), v);
        }
      }
    } catch (org.yaml.snakeyaml.error.YAMLException e) {
      // not YAML: Jackson's parser says so with its own message
    }
    return out;
  }

  private static Object value(YAMLParser p, Map<String, Object> anchors) throws IOException {
    if (p.isCurrentAlias()) {
      String name = p.getText();
      if (!anchors.containsKey(name)) {
        throw new JsonParseException(
            p, "the alias *" + name + " names no anchor &" + name + " above it");
      }
      return anchors.get(name);
    }
    Object id = p.getObjectId(); // the anchor (&name) of this node, if any
    String anchor = id == null ? null : id.toString();
    Object v;
    JsonToken t = p.currentToken();
    if (t == JsonToken.START_OBJECT) {
      Map<String, Object> m = new LinkedHashMap<>();
      List<Map<?, ?>> merges = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_OBJECT) {
        String key = p.currentName();
        p.nextToken();
        Object item = value(p, anchors);
        if (key.equals("<<") && item instanceof Map<?, ?> base) {
          merges.add(base);
        } else {
          m.put(key, item);
        }
      }
      for (Map<?, ?> base : merges) {
        base.forEach((k, x) -> m.putIfAbsent(String.valueOf(k), x));
      }
      v = m;
    } else if (t == JsonToken.START_ARRAY) {
      List<Object> l = new ArrayList<>();
      while (p.nextToken() != JsonToken.END_ARRAY) {
        l.add(value(p, anchors));
      }
      v = l;
    } else if (t == JsonToken.VALUE_NUMBER_INT) {
      v = p.getNumberValue();
    } else if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      v = p.getDoubleValue();
    } else if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) {
      v = t == JsonToken.VALUE_TRUE;
    } else if (t == JsonToken.VALUE_NULL) {
      v = null;
    } else {
      v = p.getText();
    }
    if (anchor != null) {
      anchors.put(anchor, v);
    }
    return v;
  }
}
