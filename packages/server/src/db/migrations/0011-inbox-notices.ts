/**
 * Change notices for the conversation lists (GET /messages without conversationId), which every
 * server process caches per account (services/messages/inbox-cache.ts). Any write to what a
 * summary shows — the conversation row, its messages, a member's read marker — notifies
 * `opentrain_inbox_changes` with the account's id, and a change to a trainer (the masked name a
 * summary carries) notifies `*` (every account). Triggers rather than calls in the services, so
 * no write path (the API, the sandbox simulator, a later feature, a manual fix in SQL) can leave
 * another process serving an old list. The writing process also drops its own entries at commit
 * (services/messages/inbox-cache.ts `inboxChanged`), before its response goes out.
 *
 * Statement-level triggers over transition tables: one notice per account per statement
 * (PostgreSQL also folds repeats within a transaction), so a bulk write costs one pass over the
 * changed rows, not a function call per row. A transition table takes one event per trigger,
 * hence three triggers per table.
 */
const CHANNEL = "opentrain_inbox_changes";

const perEvent = (table: string, fn: string) =>
  [
    ["insert", "INSERT", "NEW"],
    ["update", "UPDATE", "NEW"],
    ["delete", "DELETE", "OLD"],
  ]
    .map(
      ([name, event, side]) => `
CREATE TRIGGER ${table}_inbox_notice_${name} AFTER ${event} ON ${table}
  REFERENCING ${side} TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}();`,
    )
    .join("");

export const sql = `
CREATE FUNCTION opentrain_inbox_notice_conversations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('${CHANNEL}', a.account_id) FROM (SELECT DISTINCT account_id FROM changed_rows) a;
  RETURN NULL;
END
$$;
${perEvent("conversations", "opentrain_inbox_notice_conversations")}

-- Messages and read markers name their conversation; its account is one primary-key probe away.
CREATE FUNCTION opentrain_inbox_notice_by_conversation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('${CHANNEL}', a.account_id) FROM (
    SELECT DISTINCT c.account_id FROM (SELECT DISTINCT conversation_id FROM changed_rows) r
    JOIN conversations c ON c.id = r.conversation_id) a;
  RETURN NULL;
END
$$;
${perEvent("messages", "opentrain_inbox_notice_by_conversation")}
${perEvent("conversation_reads", "opentrain_inbox_notice_by_conversation")}

-- New trainers change no existing summary; an edited or removed one may change any account's.
CREATE FUNCTION opentrain_inbox_notice_trainers() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('${CHANNEL}', '*');
  RETURN NULL;
END
$$;
CREATE TRIGGER trainers_inbox_notice AFTER UPDATE OR DELETE ON trainers
  FOR EACH STATEMENT EXECUTE FUNCTION opentrain_inbox_notice_trainers();
`;
