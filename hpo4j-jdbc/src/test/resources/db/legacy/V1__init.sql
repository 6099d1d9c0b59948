-- hpo4j storage schema, version 1. Shared by SQLite and PostgreSQL: column types come from the
-- placeholders of org.hpo4j.jdbc.Dialect. Times are epoch milliseconds.

CREATE TABLE studies (
  study_id ${pk},
  name ${text} NOT NULL UNIQUE,
  next_number INTEGER NOT NULL DEFAULT 0,
  created_at ${bigint} NOT NULL
);

CREATE TABLE study_directions (
  study_id ${bigint} NOT NULL REFERENCES studies (study_id) ON DELETE CASCADE,
  objective INTEGER NOT NULL,
  direction ${text} NOT NULL,
  PRIMARY KEY (study_id, objective)
);

CREATE TABLE trials (
  trial_id ${pk},
  study_id ${bigint} NOT NULL REFERENCES studies (study_id) ON DELETE CASCADE,
  number INTEGER NOT NULL,
  state ${text} NOT NULL,
  datetime_start ${bigint},
  datetime_complete ${bigint},
  UNIQUE (study_id, number)
);
CREATE INDEX trials_study_state ON trials (study_id, state, number);

CREATE TABLE trial_params (
  trial_id ${bigint} NOT NULL REFERENCES trials (trial_id) ON DELETE CASCADE,
  name ${text} NOT NULL,
  position INTEGER NOT NULL,
  value ${double},
  distribution ${text} NOT NULL,
  PRIMARY KEY (trial_id, name)
);

CREATE TABLE trial_values (
  trial_id ${bigint} NOT NULL REFERENCES trials (trial_id) ON DELETE CASCADE,
  objective INTEGER NOT NULL,
  value ${double},
  PRIMARY KEY (trial_id, objective)
);

CREATE TABLE trial_intermediate_values (
  trial_id ${bigint} NOT NULL REFERENCES trials (trial_id) ON DELETE CASCADE,
  step INTEGER NOT NULL,
  value ${double},
  PRIMARY KEY (trial_id, step)
);

CREATE TABLE trial_user_attrs (
  trial_id ${bigint} NOT NULL REFERENCES trials (trial_id) ON DELETE CASCADE,
  attr_key ${text} NOT NULL,
  value_json ${text} NOT NULL,
  PRIMARY KEY (trial_id, attr_key)
);

CREATE TABLE trial_system_attrs (
  trial_id ${bigint} NOT NULL REFERENCES trials (trial_id) ON DELETE CASCADE,
  attr_key ${text} NOT NULL,
  value_json ${text} NOT NULL,
  PRIMARY KEY (trial_id, attr_key)
);

CREATE TABLE trial_heartbeats (
  trial_id ${bigint} NOT NULL PRIMARY KEY REFERENCES trials (trial_id) ON DELETE CASCADE,
  beat ${bigint} NOT NULL
);
