-- hpo4j storage schema, version 2: attributes of a study (e.g. the study file the CLI ran it from,
-- so that `hpo worker --study NAME` can rebuild it without the file).

CREATE TABLE study_system_attrs (
  study_id ${bigint} NOT NULL REFERENCES studies (study_id) ON DELETE CASCADE,
  attr_key ${text} NOT NULL,
  value_json ${text} NOT NULL,
  PRIMARY KEY (study_id, attr_key)
);
