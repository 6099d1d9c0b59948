package org.hpo4j.storage;

import org.hpo4j.HpoException;

/** A study of that name already exists in the storage. */
public class DuplicateStudyException extends HpoException {
  private static final long serialVersionUID = 1L;

  /**
   * @param name the name that is taken
   */
  public DuplicateStudyException(String name) {
    super("a study named '" + name + "' already exists; load it or choose another name");
  }
}
