-- The 15 case record types of ../shared/spec/case-data.md, the rejected records kept for
-- correction, recorded deletions, and what the submission store needs on batches and versions.
--
-- Conventions the generic submission store relies on (services/common/submission/store.h):
-- table and column names are the schema's; `council char(9)` comes first; the primary key is
-- (council, the record's key); dates are `date`, local date-times are text
-- 'YYYY-MM-DDTHH:MM:SS' exactly as validated (no time zone conversion in the database),
-- integers smallint, codes text with their closed list as a CHECK. The CHECK, foreign key and
-- exclusion constraints are the backstop behind the validation rules, which reject a bad record
-- with a rule code before it gets here; foreign keys are deferred to COMMIT so a batch may
-- replace rows in any order.
--
-- Overlaps (episodes of one child, placements of one episode) are backed by statement-level
-- triggers rather than exclusion constraints: a btree_gist exclusion constraint made inserting
-- 150,000 placements take 7.5-20 s instead of 0.8 s; the trigger checks the groups a statement
-- touched, once the whole statement (a batch's upsert of the type) is done, in about 0.6 s.

CREATE TABLE children (
  council          char(9) NOT NULL,
  person_id        text NOT NULL,
  dob              date,
  expected_dob     date,
  sex              text NOT NULL CHECK (sex IN ('M', 'F', 'X', 'NK')),
  ethnic_group     text,
  disability       text CHECK (disability IN ('Y', 'N', 'NK')),
  locality         text,
  family_group_id  text,
  PRIMARY KEY (council, person_id)
);

CREATE TABLE involvements (
  council           char(9) NOT NULL,
  involvement_id    text NOT NULL,
  person_id         text NOT NULL,
  open_date         date NOT NULL,
  close_date        date,
  basis             text NOT NULL CHECK (basis IN ('VOL', 'LAC', 'CP', 'PRE_BIRTH', 'KINSHIP_ORDER',
                                                   'AFTERCARE', 'YOUNG_CARER', 'DISABILITY', 'OTHER')),
  has_current_plan  text CHECK (has_current_plan IN ('Y', 'N')),
  close_reason      text CHECK (close_reason IN ('NEEDS_MET', 'TRANSFER_ADULT', 'MOVED_LA', 'AGE',
                                                 'DECLINED', 'OTHER')),
  exit_interview    text CHECK (exit_interview IN ('DONE', 'DECLINED', 'NOT_OFFERED', 'NA')),
  PRIMARY KEY (council, involvement_id),
  CHECK (close_date >= open_date),
  FOREIGN KEY (council, person_id) REFERENCES children (council, person_id)
    DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX involvements_by_person ON involvements (council, person_id);

CREATE TABLE allocations (
  council         char(9) NOT NULL,
  allocation_id   text NOT NULL,
  involvement_id  text NOT NULL,
  staff_id        text,
  start_date      date NOT NULL,
  end_date        date,
  PRIMARY KEY (council, allocation_id),
  CHECK (end_date >= start_date),
  FOREIGN KEY (council, involvement_id) REFERENCES involvements (council, involvement_id)
    DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX allocations_by_involvement ON allocations (council, involvement_id);

CREATE TABLE cp_referrals (
  council        char(9) NOT NULL,
  referral_id    text NOT NULL,
  person_id      text NOT NULL,
  referral_date  date NOT NULL,
  PRIMARY KEY (council, referral_id),
  FOREIGN KEY (council, person_id) REFERENCES children (council, person_id)
    DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX cp_referrals_by_person ON cp_referrals (council, person_id);

CREATE TABLE cp_registrations (
  council                char(9) NOT NULL,
  registration_id        text NOT NULL,
  person_id              text NOT NULL,
  registration_date      date NOT NULL,
  conference_type        text CHECK (conference_type IN ('INITIAL', 'PRE_BIRTH', 'TRANSFER_IN')),
  deregistration_date    date,
  deregistration_reason  text CHECK (deregistration_reason IN ('IMPROVED_HOME', 'REMOVED_FROM_RISK',
                                                               'TRANSFER_OUT', 'AGE', 'DIED',
                                                               'OTHER')),
  PRIMARY KEY (council, registration_id),
  CHECK (deregistration_date >= registration_date),
  FOREIGN KEY (council, person_id) REFERENCES children (council, person_id)
    DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX cp_registrations_by_person ON cp_registrations (council, person_id);

-- Episodes of one child never overlap (EPISODE_OVERLAP): see care_episodes_no_overlap below.
CREATE TABLE care_episodes (
  council      char(9) NOT NULL,
  episode_id   text NOT NULL,
  person_id    text NOT NULL,
  start_date   date NOT NULL,
  end_date     date,
  destination  text CHECK (destination IN ('HOME_PARENTS', 'FRIENDS_RELATIVES', 'KINSHIP_CARE_ORDER',
                                           'ADOPTED', 'CONTINUING_CARE', 'INDEPENDENT',
                                           'SUPPORTED_ACCOM', 'CUSTODY', 'OTHER', 'NK')),
  PRIMARY KEY (council, episode_id),
  CHECK (end_date >= start_date),
  FOREIGN KEY (council, person_id) REFERENCES children (council, person_id)
    DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX care_episodes_by_person ON care_episodes (council, person_id);

-- Fails the statement when two episodes of a child it inserted or updated overlap.
CREATE FUNCTION care_episodes_no_overlap() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
      SELECT 1
      FROM (SELECT DISTINCT council, person_id FROM changed) g
      JOIN care_episodes a ON a.council = g.council AND a.person_id = g.person_id
      JOIN care_episodes b ON b.council = a.council AND b.person_id = a.person_id
                          AND b.episode_id > a.episode_id
      WHERE daterange(a.start_date, a.end_date, '[)') && daterange(b.start_date, b.end_date, '[)'))
  THEN
    RAISE EXCEPTION 'care episodes of one child overlap' USING ERRCODE = 'exclusion_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER care_episodes_no_overlap_on_insert AFTER INSERT ON care_episodes
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION care_episodes_no_overlap();
CREATE TRIGGER care_episodes_no_overlap_on_update AFTER UPDATE ON care_episodes
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION care_episodes_no_overlap();

CREATE TABLE legal_reasons (
  council     char(9) NOT NULL,
  legal_id    text NOT NULL,
  episode_id  text NOT NULL,
  start_date  date NOT NULL,
  end_date    date,
  code        text NOT NULL CHECK (code IN ('S25', 'CSO_HOME', 'CSO_AWAY', 'CSO_SECURE', 'INTERIM',
                                            'PO', 'PO_ADOPT', 'OTHER')),
  PRIMARY KEY (council, legal_id),
  CHECK (end_date >= start_date),
  FOREIGN KEY (council, episode_id) REFERENCES care_episodes (council, episode_id)
    DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX legal_reasons_by_episode ON legal_reasons (council, episode_id);

-- Placements of one episode never overlap (PLACEMENT_OVERLAP): see placements_no_overlap below.
CREATE TABLE placements (
  council               char(9) NOT NULL,
  placement_id          text NOT NULL,
  episode_id            text NOT NULL,
  carer_id              text,
  start_date            date NOT NULL,
  end_date              date,
  type                  text NOT NULL CHECK (type IN ('HOME', 'KIN', 'FOST_LA', 'FOST_PURCH',
                                                      'PROSP_ADOPT', 'OTH_COMM', 'RES_LA', 'RES_VOL',
                                                      'RES_SCHOOL', 'SECURE', 'CRISIS', 'OTH_RES')),
  foster_type           text CHECK (foster_type IN ('PERMANENT', 'LONG_TERM', 'INTERIM', 'EMERGENCY',
                                                    'SHORT_BREAK', 'NA')),
  short_break           text CHECK (short_break IN ('Y', 'N')),
  permanent_substitute  text CHECK (permanent_substitute IN ('Y', 'N')),
  outwith_approval      text CHECK (outwith_approval IN ('Y', 'N')),
  PRIMARY KEY (council, placement_id),
  CHECK (end_date >= start_date),
  FOREIGN KEY (council, episode_id) REFERENCES care_episodes (council, episode_id)
    DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX placements_by_episode ON placements (council, episode_id);

-- Fails the statement when two placements of an episode it inserted or updated overlap.
CREATE FUNCTION placements_no_overlap() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (
      SELECT 1
      FROM (SELECT DISTINCT council, episode_id FROM changed) g
      JOIN placements a ON a.council = g.council AND a.episode_id = g.episode_id
      JOIN placements b ON b.council = a.council AND b.episode_id = a.episode_id
                       AND b.placement_id > a.placement_id
      WHERE daterange(a.start_date, a.end_date, '[)') && daterange(b.start_date, b.end_date, '[)'))
  THEN
    RAISE EXCEPTION 'placements of one episode overlap' USING ERRCODE = 'exclusion_violation';
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER placements_no_overlap_on_insert AFTER INSERT ON placements
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION placements_no_overlap();
CREATE TRIGGER placements_no_overlap_on_update AFTER UPDATE ON placements
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION placements_no_overlap();

CREATE TABLE assessments (
  council         char(9) NOT NULL,
  assessment_id   text NOT NULL,
  person_id       text NOT NULL,
  type            text NOT NULL CHECK (type IN ('SW', 'SW_CONTRIB', 'HEALTH_LAC', 'KINSHIP_CARER',
                                                'YCS', 'EQUIP', 'TRANSITION', 'DEV_REVIEW')),
  requested_date  date,
  due_date        date,
  completed_date  date,
  status          text CHECK (status IN ('COMPLETE', 'OPEN', 'WITHDRAWN')),
  child_views     text CHECK (child_views IN ('RECORDED', 'DECLINED', 'NOT_ABLE', 'NOT_RECORDED')),
  dev_concern     text CHECK (dev_concern IN ('Y', 'N')),
  PRIMARY KEY (council, assessment_id),
  CHECK (completed_date >= requested_date),
  CHECK (due_date >= requested_date),
  FOREIGN KEY (council, person_id) REFERENCES children (council, person_id)
    DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX assessments_by_person ON assessments (council, person_id);

CREATE TABLE needs (
  council          char(9) NOT NULL,
  need_id          text NOT NULL,
  assessment_id    text NOT NULL,
  domain           text NOT NULL CHECK (domain IN ('HEALTH', 'KINSHIP_SUPPORT', 'EQUIP_ADAPT',
                                                   'YC_SUPPORT')),
  identified_date  date,
  target_date      date,
  status           text CHECK (status IN ('MET', 'IN_HAND', 'NOT_MET')),
  status_date      date,
  PRIMARY KEY (council, need_id),
  CHECK (target_date >= identified_date),
  FOREIGN KEY (council, assessment_id) REFERENCES assessments (council, assessment_id)
    DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX needs_by_assessment ON needs (council, assessment_id);

CREATE TABLE reviews (
  council            char(9) NOT NULL,
  review_id          text NOT NULL,
  person_id          text NOT NULL,
  type               text NOT NULL CHECK (type IN ('LAC', 'CP_REVIEW', 'CHILD_PLAN',
                                                   'HEARING_REPORT')),
  meeting_date       date NOT NULL,
  sw_due_date        date,
  sw_submitted_date  date,
  PRIMARY KEY (council, review_id),
  FOREIGN KEY (council, person_id) REFERENCES children (council, person_id)
    DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX reviews_by_person ON reviews (council, person_id);

CREATE TABLE review_items (
  council    char(9) NOT NULL,
  review_id  text NOT NULL,
  item       text NOT NULL CHECK (item IN ('HIGH_RISK', 'SUPPORT_EFFECTIVE', 'CONTACT_AS_PLANNED',
                                           'SUBSTANCE_MISUSE', 'SKILLS_GOAL', 'SELF_ESTEEM_GOAL',
                                           'ACTIVITY_IN_PLAN', 'ACTIVITY_REGULAR', 'PERM_PLAN_AWAY',
                                           'PARENT_PROG_DONE', 'PARENTING_IMPROVED',
                                           'SIB_SEPARATION_PLANNED')),
  value      text NOT NULL CHECK (value IN ('YES', 'NO', 'PARTLY', 'IMPROVED', 'MAINTAINED',
                                            'DETERIORATED', 'NA', 'NK')),
  PRIMARY KEY (council, review_id, item),
  FOREIGN KEY (council, review_id) REFERENCES reviews (council, review_id)
    DEFERRABLE INITIALLY DEFERRED
);

-- Local (Europe/London) wall-clock times as validated, 'YYYY-MM-DDTHH:MM:SS'; text compares in
-- time order in this form.
CREATE TABLE incidents (
  council      char(9) NOT NULL,
  incident_id  text NOT NULL,
  person_id    text NOT NULL,
  type         text NOT NULL CHECK (type IN ('MISSING', 'SELF_HARM', 'SUICIDE_ATTEMPT', 'SUICIDE',
                                             'PREGNANCY', 'OFFENCE', 'HOMELESS')),
  start        text NOT NULL CHECK (start ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$'),
  "end"        text CHECK ("end" ~ '^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$'),
  PRIMARY KEY (council, incident_id),
  CHECK ("end" >= start),
  CHECK ("end" IS NULL OR type = 'MISSING'),
  FOREIGN KEY (council, person_id) REFERENCES children (council, person_id)
    DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX incidents_by_person ON incidents (council, person_id);

CREATE TABLE status_snapshots (
  council              char(9) NOT NULL,
  person_id            text NOT NULL,
  as_at                date NOT NULL,
  aftercare_eligible   text CHECK (aftercare_eligible IN ('Y', 'N')),
  aftercare_receiving  text CHECK (aftercare_receiving IN ('Y', 'N')),
  econ                 text CHECK (econ IN ('SCHOOL', 'FE_HE', 'TRAINING', 'EMPLOYED',
                                            'VOLUNTARY_WORK', 'UNEMPLOYED', 'ILL_DISABLED',
                                            'CARING', 'OTHER_INACTIVE', 'NK')),
  homeless_12m         text CHECK (homeless_12m IN ('Y', 'N', 'NK')),
  young_carer          text CHECK (young_carer IN ('Y', 'N')),
  yc_support_accessed  text CHECK (yc_support_accessed IN ('Y', 'N', 'NA')),
  acel_on_track        text CHECK (acel_on_track IN ('Y', 'N', 'NA')),
  leaver_scqf          smallint CHECK (leaver_scqf BETWEEN 0 AND 12),
  PRIMARY KEY (council, person_id, as_at),
  FOREIGN KEY (council, person_id) REFERENCES children (council, person_id)
    DEFERRABLE INITIALLY DEFERRED
);

-- One row per answer; the rows of one response agree on who answered, when and in what context
-- (SURVEY_RESPONSE_INCONSISTENT), which the store checks: no constraint can say it.
CREATE TABLE survey_responses (
  council      char(9) NOT NULL,
  response_id  text NOT NULL,
  person_id    text,
  respondent   text NOT NULL CHECK (respondent IN ('CHILD', 'PARENT_CARER')),
  survey_date  date NOT NULL,
  context      text CHECK (context IN ('PERIODIC', 'REVIEW', 'EXIT')),
  item         text NOT NULL CHECK (item IN ('SAFE_NOW', 'SAFER_THAN_BEFORE', 'TRUSTED_ADULT',
                                             'HEALTH_INFO', 'HEALTH_ACCESS', 'HEALTH_CARE',
                                             'KNOWS_GOOD_AT', 'REGULAR_ACTIVITY', 'LIFE_IMPROVED',
                                             'VIEWS_HEARD', 'RESPECTED', 'RESPONSIBLE_OPPS',
                                             'P_VIEWS_HEARD', 'P_SUPPORT_NEEDED', 'ACCEPTED',
                                             'FAIR', 'TAKE_PART')),
  answer       text NOT NULL CHECK (answer IN ('YES', 'PARTLY', 'NO', 'DK', 'NA')),
  PRIMARY KEY (council, response_id, item),
  FOREIGN KEY (council, person_id) REFERENCES children (council, person_id)
    DEFERRABLE INITIALLY DEFERRED
);
CREATE INDEX survey_responses_by_person ON survey_responses (council, person_id);

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
