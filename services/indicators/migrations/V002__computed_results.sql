-- Who last set a council's disclosure policy (the caller's identity), for GetDisclosurePolicy.
ALTER TABLE disclosure_policies ADD COLUMN updated_by text NOT NULL DEFAULT '';

-- Every computed result set with its provenance, so a figure can be reproduced and the same
-- computation on the same data returns the stored set unchanged (with its first computed_at).
CREATE TABLE computed_results (
  result_id                       uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  council                         char(9) NOT NULL,
  period_first                    date NOT NULL,
  period_last                     date NOT NULL CHECK (period_last >= period_first),
  intake_data_version             bigint NOT NULL CHECK (intake_data_version >= 0),
  definitions_version             text NOT NULL,
  -- The canonical codes and breakdown dimensions asked for ("codes=*;breakdowns=sex,locality").
  request                         text NOT NULL,
  disclosure_mode                 text NOT NULL CHECK (disclosure_mode IN ('INTERNAL', 'PUBLISHED')),
  -- The policy applied: set for PUBLISHED, NULL for INTERNAL.
  policy_smallest_shown_count     integer,
  policy_min_percent_denominator  integer,
  policy_secondary_suppression    boolean,
  computed_at                     timestamptz NOT NULL DEFAULT now(),
  -- The figures as handed out (see services/indicators/src/store/result_json.h).
  results                         jsonb NOT NULL,
  notes                           jsonb NOT NULL,
  CHECK ((disclosure_mode = 'PUBLISHED') = (policy_smallest_shown_count IS NOT NULL
                                            AND policy_min_percent_denominator IS NOT NULL
                                            AND policy_secondary_suppression IS NOT NULL)),
  CONSTRAINT computed_results_key UNIQUE NULLS NOT DISTINCT
    (council, period_first, period_last, intake_data_version, definitions_version, request,
     disclosure_mode, policy_smallest_shown_count, policy_min_percent_denominator,
     policy_secondary_suppression)
);
