-- What the shared submission store needs to take self_evaluations.csv (batches, versions,
-- rejections, deletions), the history of every self-evaluation version, and the published
-- report versions.
--
-- V001's self_evaluations table stays the record table of the SelfEvaluation schema
-- (services/reporting/src/domain/self_evaluation_schema.cc): it already has the store's shape
-- (`council char(9)` first, the schema's columns under their own names, primary key
-- (council, eval_id), integers smallint). The store's INSERT names only the schema's columns, so
-- `recorded_at` takes its default; the trigger below keeps it current on UPDATE.
--
-- Everything from "CREATE TABLE council_data_versions" to the end of the rejections table is the
-- store's own mechanism: the first two tables as services/intake/migrations/V001 creates them,
-- the rest identical to its twin in services/intake/migrations/V002__case_records.sql (and
-- services/workforce/migrations/V002__staff_and_absences.sql): change one, change the others.

-- ---- The submission store's own tables: identical to services/intake/migrations/V001 and V002. ----

CREATE TABLE council_data_versions (
  council       char(9) PRIMARY KEY,
  data_version  bigint NOT NULL DEFAULT 0 CHECK (data_version >= 0),
  updated_at    timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE import_batches (
  council         char(9) NOT NULL,
  batch_id        text NOT NULL CHECK (length(batch_id) BETWEEN 1 AND 200),
  caller          text NOT NULL,
  received_at     timestamptz NOT NULL,
  committed_at    timestamptz NOT NULL DEFAULT now(),
  accepted_count  bigint NOT NULL CHECK (accepted_count >= 0),
  rejected_count  bigint NOT NULL CHECK (rejected_count >= 0),
  data_version    bigint NOT NULL,
  -- The serialized first result, returned unchanged when the same batch id is sent again.
  summary         bytea NOT NULL,
  PRIMARY KEY (council, batch_id)
);

-- A batch's result as JSON (the store's own format), returned unchanged on replay.
ALTER TABLE import_batches
  ALTER COLUMN summary TYPE jsonb USING convert_from(summary, 'UTF8')::jsonb,
  ADD COLUMN source_system text NOT NULL DEFAULT '',
  ADD COLUMN cleared_rejection_count bigint NOT NULL DEFAULT 0
    CHECK (cleared_rejection_count >= 0);
CREATE UNIQUE INDEX import_batches_by_version ON import_batches (council, data_version);
CREATE INDEX import_batches_by_time ON import_batches (council, committed_at DESC);

ALTER TABLE council_data_versions ADD COLUMN last_batch_id text;

-- A record deleted by id because it was sent in error: who, why and when. The record's values
-- are not kept (it may have been another child's data sent by mistake).
CREATE TABLE deletions (
  deletion_id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  council                  char(9) NOT NULL,
  record_type              text NOT NULL,
  record_id                text NOT NULL,
  reason                   text NOT NULL,
  caller                   text NOT NULL,
  deleted_at               timestamptz NOT NULL,
  data_version             bigint NOT NULL,
  record_existed           boolean NOT NULL,
  cleared_rejection_count  bigint NOT NULL CHECK (cleared_rejection_count >= 0)
);
CREATE INDEX deletions_by_record ON deletions (council, record_type, record_id);

-- Every rejected record, verbatim, with its errors, until a corrected record with the same type
-- and id is accepted (CORRECTED) or the record is deleted (DELETED). Listed in the order the
-- council's batches were committed (data_version), then by position in the batch.
CREATE TABLE rejections (
  council              char(9) NOT NULL,
  rejection_id         text NOT NULL,  -- '<batch_id>#<position>'
  batch_id             text NOT NULL,
  data_version         bigint NOT NULL,
  position             bigint NOT NULL CHECK (position >= 1),
  source_file          text NOT NULL DEFAULT '',
  source_row           bigint NOT NULL DEFAULT 0,
  record_type          text NOT NULL,
  record_id            text NOT NULL,  -- key values joined by '|', as received
  cells                jsonb NOT NULL,  -- [[name, text], ...] in the order received
  received_typed       boolean NOT NULL,
  errors               jsonb NOT NULL,  -- [{"field", "rule_code", "message"}, ...]
  received_at          timestamptz NOT NULL,
  cleared_reason       text CHECK (cleared_reason IN ('CORRECTED', 'DELETED')),
  cleared_by_batch     text,
  cleared_by_deletion  uuid REFERENCES deletions (deletion_id),
  cleared_by           text,
  cleared_at           timestamptz,
  PRIMARY KEY (council, rejection_id),
  UNIQUE (council, batch_id, position),
  FOREIGN KEY (council, batch_id) REFERENCES import_batches (council, batch_id)
    DEFERRABLE INITIALLY DEFERRED,
  CHECK ((cleared_reason IS NULL) = (cleared_at IS NULL)),
  CHECK (cleared_reason <> 'CORRECTED' OR cleared_by_batch IS NOT NULL),
  CHECK (cleared_reason <> 'DELETED' OR cleared_by_deletion IS NOT NULL)
);
CREATE UNIQUE INDEX rejections_in_order ON rejections (council, data_version, position);
CREATE INDEX rejections_open_by_record ON rejections (council, record_type, record_id)
  WHERE cleared_reason IS NULL;

-- ---- end of the store's own tables. ----

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
