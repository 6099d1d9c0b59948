-- The storage schema of hpo4j on PostgreSQL: Optuna's RDB schema at alembic revision v3.2.0.a
-- (version_info.schema_version 12), with its four enum types, created in the connection's current
-- schema. Statements are separated by lines holding only ';'. Times are naive UTC.
CREATE TYPE studydirection AS ENUM ('NOT_SET', 'MINIMIZE', 'MAXIMIZE')
;
CREATE TYPE trialstate AS ENUM ('RUNNING', 'COMPLETE', 'PRUNED', 'FAIL', 'WAITING')
;
CREATE TYPE trialvaluetype AS ENUM ('FINITE', 'INF_POS', 'INF_NEG')
;
CREATE TYPE trialintermediatevaluetype AS ENUM ('FINITE', 'INF_POS', 'INF_NEG', 'NAN')
;
CREATE TABLE studies (
  study_id SERIAL NOT NULL,
  study_name VARCHAR(512) NOT NULL,
  CONSTRAINT studies_pkey PRIMARY KEY (study_id)
)
;
CREATE UNIQUE INDEX ix_studies_study_name ON studies (study_name)
;
CREATE TABLE version_info (
  version_info_id INTEGER NOT NULL,
  schema_version INTEGER,
  library_version VARCHAR(256),
  CONSTRAINT version_info_pkey PRIMARY KEY (version_info_id),
  CONSTRAINT version_info_version_info_id_check CHECK (version_info_id = 1)
)
;
CREATE TABLE study_directions (
  study_direction_id SERIAL NOT NULL,
  direction studydirection NOT NULL,
  study_id INTEGER NOT NULL REFERENCES studies (study_id),
  objective INTEGER NOT NULL,
  CONSTRAINT study_directions_pkey PRIMARY KEY (study_direction_id),
  UNIQUE (study_id, objective)
)
;
CREATE TABLE study_user_attributes (
  study_user_attribute_id SERIAL NOT NULL,
  study_id INTEGER REFERENCES studies (study_id),
  key VARCHAR(512),
  value_json TEXT,
  CONSTRAINT study_user_attributes_pkey PRIMARY KEY (study_user_attribute_id),
  UNIQUE (study_id, key)
)
;
CREATE TABLE study_system_attributes (
  study_system_attribute_id SERIAL NOT NULL,
  study_id INTEGER REFERENCES studies (study_id),
  key VARCHAR(512),
  value_json TEXT,
  CONSTRAINT study_system_attributes_pkey PRIMARY KEY (study_system_attribute_id),
  UNIQUE (study_id, key)
)
;
CREATE TABLE trials (
  trial_id SERIAL NOT NULL,
  number INTEGER,
  study_id INTEGER REFERENCES studies (study_id),
  state trialstate NOT NULL,
  datetime_start TIMESTAMP WITHOUT TIME ZONE,
  datetime_complete TIMESTAMP WITHOUT TIME ZONE,
  CONSTRAINT trials_pkey PRIMARY KEY (trial_id)
)
;
CREATE INDEX ix_trials_study_id ON trials (study_id)
;
CREATE TABLE trial_user_attributes (
  trial_user_attribute_id SERIAL NOT NULL,
  trial_id INTEGER REFERENCES trials (trial_id),
  key VARCHAR(512),
  value_json TEXT,
  CONSTRAINT trial_user_attributes_pkey PRIMARY KEY (trial_user_attribute_id),
  UNIQUE (trial_id, key)
)
;
CREATE TABLE trial_system_attributes (
  trial_system_attribute_id SERIAL NOT NULL,
  trial_id INTEGER REFERENCES trials (trial_id),
  key VARCHAR(512),
  value_json TEXT,
  CONSTRAINT trial_system_attributes_pkey PRIMARY KEY (trial_system_attribute_id),
  UNIQUE (trial_id, key)
)
;
CREATE TABLE trial_params (
  param_id SERIAL NOT NULL,
  trial_id INTEGER REFERENCES trials (trial_id),
  param_name VARCHAR(512),
  param_value DOUBLE PRECISION,
  distribution_json TEXT,
  CONSTRAINT trial_params_pkey PRIMARY KEY (param_id),
  UNIQUE (trial_id, param_name)
)
;
CREATE TABLE trial_values (
  trial_value_id SERIAL NOT NULL,
  trial_id INTEGER NOT NULL REFERENCES trials (trial_id),
  objective INTEGER NOT NULL,
  value DOUBLE PRECISION,
  value_type trialvaluetype NOT NULL,
  CONSTRAINT trial_values_pkey PRIMARY KEY (trial_value_id),
  UNIQUE (trial_id, objective)
)
;
CREATE TABLE trial_intermediate_values (
  trial_intermediate_value_id SERIAL NOT NULL,
  trial_id INTEGER NOT NULL REFERENCES trials (trial_id),
  step INTEGER NOT NULL,
  intermediate_value DOUBLE PRECISION,
  intermediate_value_type trialintermediatevaluetype NOT NULL,
  CONSTRAINT trial_intermediate_values_pkey PRIMARY KEY (trial_intermediate_value_id),
  UNIQUE (trial_id, step)
)
;
CREATE TABLE trial_heartbeats (
  trial_heartbeat_id SERIAL NOT NULL,
  trial_id INTEGER NOT NULL REFERENCES trials (trial_id),
  heartbeat TIMESTAMP WITHOUT TIME ZONE NOT NULL,
  CONSTRAINT trial_heartbeats_pkey PRIMARY KEY (trial_heartbeat_id),
  UNIQUE (trial_id)
)
;
CREATE TABLE alembic_version (
  version_num VARCHAR(32) NOT NULL,
  CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
)
;
