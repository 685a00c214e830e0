-- Erasure of one person's records and redaction of rejected copies (issue 11):
--   * `erasures`: one row per erasure, so that a request sent again returns its first answer;
--     it keeps who, why, when and the counts, and a digest of the person id (to refuse the
--     same request id for another person), never the id itself.
--   * Redaction: from this release the store replaces a corrected rejection's kept cells and its
--     errors' messages by '[redacted]' (names, rule codes, positions, file and row stay), in the
--     rejections table and in the copy a batch summary lists; the rejections corrected before
--     are redacted here.

CREATE TABLE erasures (
  council        char(9) NOT NULL,
  request_id     text NOT NULL CHECK (length(request_id) BETWEEN 1 AND 128),
  -- sha256 of '<council>:<person id>'.
  person_digest  bytea NOT NULL,
  reason         text NOT NULL,
  caller         text NOT NULL,
  erased_at      timestamptz NOT NULL,
  data_version   bigint NOT NULL,
  -- What the erasure answered (the store's own JSON), returned unchanged on replay.
  result         jsonb NOT NULL,
  PRIMARY KEY (council, request_id)
);

-- Rejections corrected before this migration lose their values now, as the store redacts every
-- rejection it clears CORRECTED from here on (the same expressions as store_sql.cc's
-- RedactedCellsSql, RedactedErrorsSql and RedactedSummarySql).
UPDATE import_batches b
   SET summary = jsonb_set(b.summary, '{rejections}', (
         SELECT coalesce(jsonb_agg(
                  CASE WHEN r ->> 'rejection_id' = ANY (c.ids) THEN
                    jsonb_set(r, '{errors}', (
                      SELECT coalesce(jsonb_agg(jsonb_set(e, '{message}', '"[redacted]"')
                                                ORDER BY eo), '[]'::jsonb)
                      FROM jsonb_array_elements(r -> 'errors') WITH ORDINALITY AS y(e, eo)))
                  ELSE r END ORDER BY o), '[]'::jsonb)
         FROM jsonb_array_elements(b.summary -> 'rejections') WITH ORDINALITY AS x(r, o)))
  FROM (SELECT council, batch_id, array_agg(rejection_id) AS ids FROM rejections
         WHERE cleared_reason = 'CORRECTED' GROUP BY council, batch_id) c
 WHERE b.council = c.council AND b.batch_id = c.batch_id
   AND jsonb_typeof(b.summary -> 'rejections') = 'array';

UPDATE rejections r
   SET cells = (SELECT coalesce(jsonb_agg(jsonb_build_array(c -> 0, '[redacted]') ORDER BY o),
                                '[]'::jsonb)
                FROM jsonb_array_elements(r.cells) WITH ORDINALITY AS x(c, o)),
       errors = (SELECT coalesce(jsonb_agg(jsonb_set(e, '{message}', '"[redacted]"') ORDER BY o),
                                 '[]'::jsonb)
                 FROM jsonb_array_elements(r.errors) WITH ORDINALITY AS x(e, o))
 WHERE cleared_reason = 'CORRECTED';
