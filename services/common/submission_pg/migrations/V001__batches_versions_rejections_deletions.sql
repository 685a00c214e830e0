-- The submission store's own tables (services/common/submission/store.h), the same in every
-- service that takes submissions (intake, workforce, reporting): one data version per council,
-- the audit of every committed batch, recorded deletions and the rejected records kept for
-- correction. Recorded in pif_submission_migrations and applied before the service's own
-- migrations, which create the record tables (one per record type of the service's schema).
--
-- Until this set existed, each service's V001/V002 created these tables itself. A database
-- made by those migrations already has them, exactly as below (docs/decisions/0004), so every
-- statement here leaves an existing table alone; the one older shape a database can still be
-- in (a service's V001 without its V002: import_batches.summary still bytea) is brought up to
-- date the way those V002s did it.

CREATE TABLE IF NOT EXISTS council_data_versions (
  council        char(9) PRIMARY KEY,
  data_version   bigint NOT NULL DEFAULT 0 CHECK (data_version >= 0),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  last_batch_id  text
);

CREATE TABLE IF NOT EXISTS import_batches (
  council                  char(9) NOT NULL,
  batch_id                 text NOT NULL CHECK (length(batch_id) BETWEEN 1 AND 200),
  caller                   text NOT NULL,
  received_at              timestamptz NOT NULL,
  committed_at             timestamptz NOT NULL DEFAULT now(),
  accepted_count           bigint NOT NULL CHECK (accepted_count >= 0),
  rejected_count           bigint NOT NULL CHECK (rejected_count >= 0),
  data_version             bigint NOT NULL,
  -- A batch's result as JSON (the store's own format), returned unchanged on replay.
  summary                  jsonb NOT NULL,
  source_system            text NOT NULL DEFAULT '',
  cleared_rejection_count  bigint NOT NULL DEFAULT 0 CHECK (cleared_rejection_count >= 0),
  PRIMARY KEY (council, batch_id)
);

-- A database from before the JSON summary: the two tables as a service's V001 made them.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM information_schema.columns
             WHERE table_schema = current_schema() AND table_name = 'import_batches'
               AND column_name = 'summary' AND data_type = 'bytea') THEN
    ALTER TABLE import_batches
      ALTER COLUMN summary TYPE jsonb USING convert_from(summary, 'UTF8')::jsonb,
      ADD COLUMN source_system text NOT NULL DEFAULT '',
      ADD COLUMN cleared_rejection_count bigint NOT NULL DEFAULT 0
        CHECK (cleared_rejection_count >= 0);
    ALTER TABLE council_data_versions ADD COLUMN last_batch_id text;
  END IF;
END $$;

CREATE UNIQUE INDEX IF NOT EXISTS import_batches_by_version
  ON import_batches (council, data_version);
CREATE INDEX IF NOT EXISTS import_batches_by_time ON import_batches (council, committed_at DESC);

-- A record deleted by id because it was sent in error: who, why and when. The record's values
-- are not kept (it may have been another child's data sent by mistake).
CREATE TABLE IF NOT EXISTS deletions (
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
CREATE INDEX IF NOT EXISTS deletions_by_record ON deletions (council, record_type, record_id);

-- Every rejected record, verbatim, with its errors, until a corrected record with the same type
-- and id is accepted (CORRECTED) or the record is deleted (DELETED). Listed in the order the
-- council's batches were committed (data_version), then by position in the batch.
CREATE TABLE IF NOT EXISTS rejections (
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
CREATE UNIQUE INDEX IF NOT EXISTS rejections_in_order ON rejections (council, data_version, position);
CREATE INDEX IF NOT EXISTS rejections_open_by_record ON rejections (council, record_type, record_id)
  WHERE cleared_reason IS NULL;
