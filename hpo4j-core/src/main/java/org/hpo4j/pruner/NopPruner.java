package org.hpo4j.pruner;

import org.hpo4j.study.StudyView;
import org.hpo4j.trial.FrozenTrial;

/** Never prunes: the default, so that reporting costs nothing until a user asks for pruning. */
enum NopPruner implements Pruner {
  INSTANCE;

  @Override
  public boolean shouldPrune(StudyView study, FrozenTrial trial) {
    return false;
  }
}
