-- Intake's own store: one data version per council, and the audit of every submitted batch.
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
