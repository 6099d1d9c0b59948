package org.hpo4j.jdbc;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hpo4j.storage.DuplicateStudyException;
import org.hpo4j.storage.Storage;
import org.hpo4j.storage.StorageException;
import org.hpo4j.trial.FrozenTrial;
import org.hpo4j.trial.TrialState;

/**
 * Copies a study between any two storages (Optuna's {@code copy_study}), through the {@link
 * Storage} interface only, so that SQLite, PostgreSQL, journal files and the in-memory storage all
 * copy to one another: directions, study attributes, and every trial in number order with its
 * parameters and distributions, values, intermediate values and attributes. Behind {@code hpo
 * studies copy}.
 *
 * <p>What the interface cannot carry: trials get the copy's time as their start and finish time,
 * and a trial RUNNING in the source (its worker may be alive) becomes FAIL in the copy, with the
 * system attribute {@code fail_reason} saying so.
 *
 * <p>Stateless and thread-safe.
 */
public final class StudyCopier {
  private StudyCopier() {}

  /**
   * Copies the study named {@code name} of {@code from} into {@code to} under {@code toName}.
   *
   * @return the number of trials copied
   * @throws StorageException when there is no such study in {@code from}
   * @throws DuplicateStudyException when {@code to} has a study named {@code toName}
   */
  public static int copy(Storage from, String name, Storage to, String toName) {
    long src =
        from.findStudy(name)
            .orElseThrow(
                () ->
                    new StorageException(
                        "no study named '"
                            + name
                            + "' in the source storage; 'hpo studies list' shows the ones there are"));
    long dst = to.createStudy(toName, from.directions(src));
    Map<String, Object> attrs = from.studySystemAttrs(src);
    attrs.forEach((k, v) -> to.setStudySystemAttr(dst, k, v));
    List<FrozenTrial> trials = from.trials(src, null);
    for (FrozenTrial t : trials) {
      if (t.state() == TrialState.WAITING) {
        Map<String, Object> fixed = new LinkedHashMap<>();
        if (t.systemAttrs().get("fixed_params") instanceof Map<?, ?> f) {
          f.forEach((k, v) -> fixed.put(String.valueOf(k), v));
        }
        FrozenTrial c = to.createTrial(dst, fixed, true);
        t.systemAttrs()
            .forEach(
                (k, v) -> {
                  if (!k.equals("fixed_params")) {
                    to.setSystemAttr(c.id(), k, v);
                  }
                });
        t.userAttrs().forEach((k, v) -> to.setUserAttr(c.id(), k, v));
        continue;
      }
      long id = to.createTrial(dst, Map.of(), false).id();
      t.internalParams().forEach((k, v) -> to.setParam(id, k, v, t.distributions().get(k)));
      t.intermediateValues().forEach((step, v) -> to.setIntermediateValue(id, step, v));
      t.userAttrs().forEach((k, v) -> to.setUserAttr(id, k, v));
      t.systemAttrs().forEach((k, v) -> to.setSystemAttr(id, k, v));
      if (t.state() == TrialState.RUNNING) {
        to.setSystemAttr(id, "fail_reason", "copied while RUNNING in the source storage");
        to.finishTrial(id, TrialState.FAIL, List.of());
      } else {
        to.finishTrial(id, t.state(), t.values());
      }
    }
    return trials.size();
  }
}
