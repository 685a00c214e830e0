-- The two workforce record types of ../shared/spec/case-data.md ("Workforce data") and the
-- computed workforce figures with their provenance.
--
-- This migration also created the submission store's tables (rejections, deletions, and the
-- JSON summary of import_batches); they moved to the store's own migration set
-- (services/common/submission_pg/migrations), which runs before this one (docs/decisions/0004).
-- The text it had, applied by every database made before the move:
-- pif:accepts-md5 da6b4a86fccb7c2c19245cdd3b04d46e
--
-- The record tables follow the conventions of the generic submission store
-- (services/common/submission/store.h): table and column names are the schema's
-- (services/workforce/src/domain/workforce_schema.cc); `council char(9)` comes first; the primary
-- key is (council, the record's key); dates are `date`, months text 'YYYY-MM', decimals
-- `numeric`, codes text with their closed list as a CHECK. The constraints are the backstop
-- behind the validation rules, which reject a bad record with a rule code before it gets here.

-- A staff member's rows never overlap (STAFF_ROWS_OVERLAP): see staff_records_no_overlap below.
CREATE TABLE staff_records (
  council             char(9) NOT NULL,
  staff_id            text NOT NULL,
  valid_from          date NOT NULL,
  valid_to            date,
  role                text NOT NULL CHECK (role IN ('QSW', 'FIELD_OTHER', 'RESIDENTIAL', 'MANAGER')),
  manager_level       text CHECK (manager_level IN ('TEAM', 'MIDDLE', 'SENIOR', 'NA')),
  employment          text CHECK (employment IN ('EMPLOYEE', 'AGENCY')),
  service_start_date  date NOT NULL,
  fte                 numeric NOT NULL CHECK (fte > 0 AND fte <= 1),
  sssc_status         text CHECK (sssc_status IN ('REG', 'REG_COND', 'NOT_REG', 'NA')),
  reg_qual_met        text CHECK (reg_qual_met IN ('Y', 'N')),
  nts_qual_met        text CHECK (nts_qual_met IN ('Y', 'N')),
  cpd_plan_date       date,
  mgmt_qual           text CHECK (mgmt_qual IN ('Y', 'N')),
  PRIMARY KEY (council, staff_id, valid_from),
  CHECK (valid_to >= valid_from)
);

-- Fails the statement when two rows of a staff member it inserted or updated overlap. A
-- statement-level trigger, as for intake's episodes and placements (an exclusion constraint
-- costs ten times as much per row).
CREATE FUNCTION staff_records_no_overlap() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
      SELECT 1
      FROM (SELECT DISTINCT council, staff_id FROM changed) g
      JOIN staff_records a ON a.council = g.council AND a.staff_id = g.staff_id
      JOIN staff_records b ON b.council = a.council AND b.staff_id = a.staff_id
                          AND b.valid_from > a.valid_from
      WHERE daterange(a.valid_from, a.valid_to, '[)') && daterange(b.valid_from, b.valid_to, '[)'))
  THEN
    RAISE EXCEPTION 'rows of one staff member overlap' USING ERRCODE = 'exclusion_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER staff_records_no_overlap_on_insert AFTER INSERT ON staff_records
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION staff_records_no_overlap();
CREATE TRIGGER staff_records_no_overlap_on_update AFTER UPDATE ON staff_records
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION staff_records_no_overlap();

-- An absence names a staff member with at least one row (STAFF_UNKNOWN). staff_id alone is not a
-- key of staff_records, so no foreign key can say it: the triggers below do.
CREATE TABLE absences (
  council        char(9) NOT NULL,
  absence_id     text NOT NULL,
  staff_id       text NOT NULL,
  month          text NOT NULL CHECK (month ~ '^\d{4}-(0[1-9]|1[0-2])$'),
  type           text NOT NULL CHECK (type IN ('SICK', 'OTHER_UNPLANNED')),
  fte_days_lost  numeric NOT NULL CHECK (fte_days_lost >= 0),
  PRIMARY KEY (council, absence_id)
);
CREATE INDEX absences_by_staff ON absences (council, staff_id);

-- Fails the statement when an absence it inserted or updated names a staff member with no row.
CREATE FUNCTION absences_staff_known() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
      SELECT 1 FROM (SELECT DISTINCT council, staff_id FROM changed) c
      WHERE NOT EXISTS (SELECT 1 FROM staff_records s
                        WHERE s.council = c.council AND s.staff_id = c.staff_id))
  THEN
    RAISE EXCEPTION 'an absence names an unknown staff member'
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER absences_staff_known_on_insert AFTER INSERT ON absences
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION absences_staff_known();
CREATE TRIGGER absences_staff_known_on_update AFTER UPDATE ON absences
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION absences_staff_known();

-- Fails the statement when it deleted the last row of a staff member who still has absences.
CREATE FUNCTION staff_records_keep_absent_staff() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
      SELECT 1 FROM (SELECT DISTINCT council, staff_id FROM removed) r
      JOIN absences a ON a.council = r.council AND a.staff_id = r.staff_id
      WHERE NOT EXISTS (SELECT 1 FROM staff_records s
                        WHERE s.council = r.council AND s.staff_id = r.staff_id))
  THEN
    RAISE EXCEPTION 'absences still name a removed staff member'
      USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER staff_records_keep_absent_staff AFTER DELETE ON staff_records
  REFERENCING OLD TABLE AS removed FOR EACH STATEMENT
  EXECUTE FUNCTION staff_records_keep_absent_staff();

-- Every computed set of workforce figures with its provenance, so a figure can be reproduced and
-- the same computation on the same data returns the stored set unchanged (with its first
-- computed_at).
CREATE TABLE computed_results (
  result_id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  council                         char(9) NOT NULL,
  period_first                    date NOT NULL,
  period_last                     date NOT NULL CHECK (period_last >= period_first),
  workforce_data_version          bigint NOT NULL CHECK (workforce_data_version >= 0),
  -- The intake data version 7.4 was computed from; 0 when 7.4 was not asked for.
  intake_data_version             bigint NOT NULL CHECK (intake_data_version >= 0),
  definitions_version             text NOT NULL,
  -- The codes computed, in catalogue order, joined by ',' ("7.1,7.2,...,9.1").
  codes                           text NOT NULL,
  disclosure_mode                 text NOT NULL CHECK (disclosure_mode IN ('INTERNAL', 'PUBLISHED')),
  -- The policy applied: set for PUBLISHED, NULL for INTERNAL.
  policy_smallest_shown_count     integer,
  policy_min_percent_denominator  integer,
  policy_secondary_suppression    boolean,
  computed_at                     timestamptz NOT NULL DEFAULT now(),
  -- The figures and notes as handed out: a pif.workforce.v1.ComputeWorkforceResponse without its
  -- provenance, in protobuf's JSON form.
  figures                         jsonb NOT NULL,
  CHECK ((disclosure_mode = 'PUBLISHED') = (policy_smallest_shown_count IS NOT NULL
                                            AND policy_min_percent_denominator IS NOT NULL
                                            AND policy_secondary_suppression IS NOT NULL)),
  CONSTRAINT computed_results_key UNIQUE NULLS NOT DISTINCT
    (council, period_first, period_last, workforce_data_version, intake_data_version,
     definitions_version, codes, disclosure_mode, policy_smallest_shown_count,
     policy_min_percent_denominator, policy_secondary_suppression)
);
