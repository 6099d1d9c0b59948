package org.hpo4j.jdbc;

/**
 * What differs between the two databases: the schema script ({@link Schema}) and the way a waiting
 * trial is claimed.
 */
enum Dialect {
  /** Embedded file; writers serialise on the database lock (BEGIN IMMEDIATE + busy timeout). */
  SQLITE,
  /** Server; writers serialise on row locks, claims skip locked rows. */
  POSTGRESQL;

  /**
   * @return the statement moving the oldest WAITING trial of a study to RUNNING (binds its start
   *     time, then the study id), returning its id
   */
  String claimSql() {
    String pick =
        "SELECT trial_id FROM trials WHERE study_id = ? AND state = 'WAITING' ORDER BY number LIMIT 1";
    if (this == POSTGRESQL) {
      pick += " FOR UPDATE SKIP LOCKED";
    }
    return "UPDATE trials SET state = 'RUNNING', datetime_start = ? WHERE trial_id = ("
        + pick
        + ") AND state = 'WAITING' RETURNING trial_id";
  }
}
