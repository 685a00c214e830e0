-- Reporting's own store: the council's graded self-evaluations, every version kept.
CREATE TABLE self_evaluations (
  council      char(9) NOT NULL,
  eval_id      text NOT NULL,
  area         smallint NOT NULL CHECK (area BETWEEN 1 AND 10),
  qi_ref       text,
  eval_date    date NOT NULL,
  grade        smallint NOT NULL CHECK (grade BETWEEN 1 AND 6),
  evidence     text,
  approved_by  text,
  recorded_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (council, eval_id)
);
CREATE INDEX self_evaluations_by_area ON self_evaluations (council, area, eval_date);
