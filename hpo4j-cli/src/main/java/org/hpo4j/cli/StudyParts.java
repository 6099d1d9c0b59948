package org.hpo4j.cli;

import org.hpo4j.pruner.Pruner;

/** Builds the parts of a study named in a study file that have no registry of their own. */
final class StudyParts {
  private StudyParts() {}

  static Pruner pruner(StudyFile f) {
    String type = f.pruner().type();
    if (type.equals("none")) {
      return Pruner.none();
    }
    throw new IllegalArgumentException(f.path() + ": pruner: unknown type '" + type + "'; allowed: none");
  }

  /** @return the URL with any password masked, for logs */
  static String describe(String url) {
    String u = url == null ? StorageUrls.DEFAULT : url;
    return u.replaceAll("(//[^:/@]+:)[^@]*@", "$1***@");
  }
}
