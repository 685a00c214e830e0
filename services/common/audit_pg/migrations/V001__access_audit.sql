-- The access audit (pif/audit/audit_record.h): one row per call a service answered, written by
-- the call's interceptor before the answer is sent. The same in every service's database;
-- recorded in pif_audit_migrations and applied before the service's other sets.
--
-- A row holds operational facts and, for child-level reads and erasures, the ids of the
-- children read (person ids, or "<RecordType>:<record id>"); never a record's values. Rows are
-- never changed (the trigger below refuses UPDATE); how long they are kept is the council's
-- decision: docs/operations.md, "Reading the audit", says how to prune them.

CREATE TABLE access_audit (
  audit_id         bigserial PRIMARY KEY,
  at               timestamptz NOT NULL,
  service          text NOT NULL,
  method           text NOT NULL,
  caller           text NOT NULL,
  peer             text NOT NULL,
  -- A GSS code, or '' when the request named none.
  council          text NOT NULL CHECK (council = '' OR council ~ '^[A-Z][0-9]{8}$'),
  code             text NOT NULL,
  records_read     bigint NOT NULL CHECK (records_read >= 0),
  records_written  bigint NOT NULL CHECK (records_written >= 0),
  children         text[] NOT NULL,
  duration_ms      bigint NOT NULL CHECK (duration_ms >= 0)
);
CREATE INDEX access_audit_by_council_time ON access_audit (council, at, audit_id);
CREATE INDEX access_audit_by_time ON access_audit (at);

CREATE FUNCTION access_audit_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'access_audit rows are never changed (delete old rows to prune them)';
END $$;
CREATE TRIGGER access_audit_append_only BEFORE UPDATE ON access_audit
  FOR EACH ROW EXECUTE FUNCTION access_audit_is_append_only();
