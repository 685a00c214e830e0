-- The history of every self-evaluation version, and the published report versions.
--
-- This migration also created the submission store's tables (council_data_versions,
-- import_batches, deletions, rejections), which reporting needs to take self_evaluations.csv;
-- they moved to the store's own migration set (services/common/submission_pg/migrations), which
-- runs before this one (docs/decisions/0004). The text it had, applied by every database made
-- before the move:
-- pif:accepts-md5 e58a5accfbb5cbb35cfa91e0ac1c44de
--
-- V001's self_evaluations table stays the record table of the SelfEvaluation schema
-- (services/reporting/src/domain/self_evaluation_schema.cc): it already has the store's shape
-- (`council char(9)` first, the schema's columns under their own names, primary key
-- (council, eval_id), integers smallint). The store's INSERT names only the schema's columns, so
-- `recorded_at` takes its default; the trigger below keeps it current on UPDATE.

-- Every version of every self-evaluation, the current one included: a row per insert or change
-- of a self_evaluations row, written by the trigger below in the same transaction, so no
-- version can be lost. `data_version` is the council's data version of the batch that wrote it
-- (the store raises it before it writes records), which names its import_batches row: who sent
-- it and when. A later data_version of the same eval_id supersedes it.
CREATE TABLE self_evaluation_versions (
  council       char(9) NOT NULL,
  eval_id       text NOT NULL,
  data_version  bigint NOT NULL CHECK (data_version >= 1),
  area          smallint NOT NULL CHECK (area BETWEEN 1 AND 10),
  qi_ref        text,
  eval_date     date NOT NULL,
  grade         smallint NOT NULL CHECK (grade BETWEEN 1 AND 6),
  evidence      text,
  approved_by   text,
  recorded_at   timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (council, eval_id, data_version)
);
CREATE INDEX self_evaluation_versions_by_area
  ON self_evaluation_versions (council, area, eval_date DESC);

-- Keeps self_evaluations.recorded_at the time of the version in force.
CREATE FUNCTION self_evaluations_touch() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.recorded_at := now();
  RETURN NEW;
END $$;
CREATE TRIGGER self_evaluations_touch BEFORE UPDATE ON self_evaluations
  FOR EACH ROW EXECUTE FUNCTION self_evaluations_touch();

-- Copies every inserted or changed self-evaluation into the history.
CREATE FUNCTION self_evaluations_keep_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO self_evaluation_versions (council, eval_id, data_version, area, qi_ref, eval_date,
                                        grade, evidence, approved_by, recorded_at)
  SELECT NEW.council, NEW.eval_id, v.data_version, NEW.area, NEW.qi_ref, NEW.eval_date, NEW.grade,
         NEW.evidence, NEW.approved_by, NEW.recorded_at
  FROM council_data_versions v WHERE v.council = NEW.council;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'a self-evaluation was written outside a submission batch'
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER self_evaluations_keep_version AFTER INSERT OR UPDATE ON self_evaluations
  FOR EACH ROW EXECUTE FUNCTION self_evaluations_keep_version();

-- The published report versions: numbered 1, 2, 3 ... per council in publishing order, each the
-- serialized pif.reporting.v1.Report exactly as published (protobuf deterministic serialization),
-- never changed or removed (the trigger below refuses it).
CREATE TABLE published_reports (
  council       char(9) NOT NULL,
  version       bigint NOT NULL CHECK (version >= 1),
  period_first  date NOT NULL,
  period_last   date NOT NULL CHECK (period_last >= period_first),
  published_at  timestamptz NOT NULL DEFAULT clock_timestamp(),
  published_by  text NOT NULL,
  note          text NOT NULL DEFAULT '',
  -- The client's idempotency key; '' = none.
  request_id    text NOT NULL DEFAULT '',
  report        bytea NOT NULL,
  PRIMARY KEY (council, version)
);
CREATE UNIQUE INDEX published_reports_by_request
  ON published_reports (council, request_id) WHERE request_id <> '';
CREATE INDEX published_reports_by_period
  ON published_reports (council, period_first, period_last, version DESC);

CREATE FUNCTION published_reports_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'published report versions are immutable'
    USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER published_reports_immutable BEFORE UPDATE OR DELETE ON published_reports
  FOR EACH ROW EXECUTE FUNCTION published_reports_immutable();
