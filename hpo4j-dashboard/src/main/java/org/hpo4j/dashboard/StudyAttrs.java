package org.hpo4j.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a study's system attributes tell a page: the objectives' names (Optuna's {@code
 * study:metric_names}, a list of strings) and the sampler that ran it (from the study file {@code
 * hpo run} keeps with the study, or an attribute {@code sampler}). Stateless.
 */
final class StudyAttrs {
  static final String METRIC_NAMES = "study:metric_names";
  private static final Pattern SAMPLER =
      Pattern.compile(
          "(?m)^sampler:[ \\t]*(?:\\{[^}]*?\\btype:[ \\t]*([A-Za-z0-9_]+)|([A-Za-z0-9_]+)|\\r?\\n(?:[ \\t]+.*\\r?\\n)*?[ \\t]+type:[ \\t]*([A-Za-z0-9_]+))");

  private StudyAttrs() {}

  /**
   * @return one label per objective: "NAME" when the study names its metrics, else "objective I"
   */
  static List<String> objectiveLabels(Map<String, Object> attrs, int objectives) {
    Object names = attrs.get(METRIC_NAMES);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < objectives; i++) {
      String n =
          names instanceof List<?> l && i < l.size() && l.get(i) != null
              ? String.valueOf(l.get(i))
              : null;
      out.add(n == null || n.isBlank() ? "objective " + i : n);
    }
    return out;
  }

  /**
   * @return the sampler's name, or null when the storage does not say
   */
  static String sampler(Map<String, Object> attrs) {
    if (attrs.get("sampler") instanceof String s && !s.isBlank()) {
      return s.trim();
    }
    if (attrs.get("study_file") instanceof String text) {
      Matcher m = SAMPLER.matcher(text);
      if (m.find()) {
        for (int g = 1; g <= 3; g++) {
          if (m.group(g) != null) {
            return m.group(g);
          }
        }
      }
      return "tpe";
    }
    return null;
  }
}
