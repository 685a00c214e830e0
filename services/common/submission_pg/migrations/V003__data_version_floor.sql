-- Data versions unique across restores (docs/operations.md, "Restoring one store alone").
--
-- Another service keeps results under a council's data version (indicators names it in every
-- result set), so a version once handed out must never name other records. A database restored
-- from a backup has lost the versions handed out since that backup; counting on from the
-- restored counter would hand them out again for other records.
--
-- data_version_floor remembers which database the versions were last handed out in: the
-- cluster's system identifier, the WAL timeline and the database's oid. Every way of restoring
-- changes one of them (a dump restored into a new database or cluster, a physical restore or
-- point-in-time recovery, which ends on a new timeline). When the store sees another identity
-- than the one recorded, it raises the floor to the current time in microseconds, and every
-- version it hands out from then on is at least that floor: above any version the lost history
-- can have handed out. A failover of the cluster (a new timeline) raises it too, harmlessly.
-- The identity expression is the store's (services/common/submission_pg/src/store_commit.cc).
CREATE TABLE IF NOT EXISTS data_version_floor (
  singleton      boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  identity       text NOT NULL,
  version_floor  bigint NOT NULL CHECK (version_floor >= 0),
  changed_at     timestamptz NOT NULL DEFAULT now()
);

-- The database as it is now: the versions handed out in it so far are its own. (A backup made
-- before this migration existed and restored later is not told apart: raise its floor by hand,
-- as docs/operations.md says.)
INSERT INTO data_version_floor (identity, version_floor)
VALUES ((SELECT system_identifier FROM pg_control_system())::text || '/' ||
          substr(pg_walfile_name(pg_current_wal_lsn()), 1, 8) || '/' ||
          (SELECT oid FROM pg_database WHERE datname = current_database())::text,
        0)
ON CONFLICT (singleton) DO NOTHING;
