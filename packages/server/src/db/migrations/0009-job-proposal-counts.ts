/**
 * Proposal counts per job, kept by a trigger on `proposals`, so GET /jobs/mine reads one row per
 * job of its page instead of counting every proposal of each (a job with a million proposals
 * made that page cost 145 ms; docs/performance.md, lists).
 *
 * The trigger covers every write path (the API, the sandbox simulator, anything later) in the
 * transaction of the proposal write. Counts live in their own table, locked only by this
 * trigger right after a proposal row is written: every transaction locks a job's proposal
 * before its counts row, and none waits for another lock while holding it, so the counter adds
 * no lock-order cycle (a column on `jobs` would: the job row is locked first by publish, close,
 * edit and invite).
 */
export const sql = `
CREATE TABLE job_proposal_counts (
  -- No foreign key: its check would lock the job row (KEY SHARE) from inside the trigger.
  job_id text PRIMARY KEY,
  total integer NOT NULL CHECK (total >= 0),
  unreviewed integer NOT NULL CHECK (unreviewed >= 0)
);

INSERT INTO job_proposal_counts (job_id, total, unreviewed)
SELECT job_id, count(*), count(*) FILTER (WHERE status = 'UNREVIEWED') FROM proposals GROUP BY job_id;

-- A new proposal adds to its job's counts (creating them); a status change moves one between
-- "unreviewed" and the rest; a deleted one subtracts. Decrements are plain UPDATEs: the CHECKs
-- apply to an upsert's candidate row before the conflict is found.
CREATE FUNCTION opentrain_job_proposal_counts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO job_proposal_counts AS c (job_id, total, unreviewed)
    VALUES (NEW.job_id, 1, (NEW.status = 'UNREVIEWED')::int)
    ON CONFLICT (job_id) DO UPDATE SET total = c.total + 1, unreviewed = c.unreviewed + EXCLUDED.unreviewed;
  ELSIF TG_OP = 'UPDATE' THEN
    UPDATE job_proposal_counts
    SET unreviewed = unreviewed - (OLD.status = 'UNREVIEWED')::int + (NEW.status = 'UNREVIEWED')::int
    WHERE job_id = NEW.job_id;
  ELSE
    UPDATE job_proposal_counts
    SET total = total - 1, unreviewed = unreviewed - (OLD.status = 'UNREVIEWED')::int
    WHERE job_id = OLD.job_id;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER proposals_count_insert_delete AFTER INSERT OR DELETE ON proposals
  FOR EACH ROW EXECUTE FUNCTION opentrain_job_proposal_counts();
-- A proposal never moves to another job (job_id is not updated anywhere).
CREATE TRIGGER proposals_count_update AFTER UPDATE OF status ON proposals
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION opentrain_job_proposal_counts();
`;
