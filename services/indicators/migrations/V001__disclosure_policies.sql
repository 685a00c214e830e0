-- Indicators' own store: per-council disclosure-control thresholds (indicators.md section 7).
CREATE TABLE disclosure_policies (
  council                 char(9) PRIMARY KEY,
  smallest_shown_count    integer NOT NULL DEFAULT 6 CHECK (smallest_shown_count >= 1),
  min_percent_denominator integer NOT NULL DEFAULT 10 CHECK (min_percent_denominator >= 1),
  secondary_suppression   boolean NOT NULL DEFAULT true,
  updated_at              timestamptz NOT NULL DEFAULT now()
);
