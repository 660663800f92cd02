/**
 * The definition that migration 0010's triggers keep `conversation_unreads` equal to, as one
 * SELECT of its rows (user_id, conversation_id, account_id, last_activity_at): every member of
 * the conversation's account with a trainer message after their read marker (any, without a
 * marker). For whatever checks or rebuilds the table outside the triggers — the unread audit of
 * the tests, the list bench after a bulk seed that bypassed them. (The migration keeps its own
 * copy: released migrations are never edited.)
 */
export const EXPECTED_UNREADS_SQL = `
  SELECT mb.user_id, c.id AS conversation_id, c.account_id, c.last_activity_at
  FROM conversations c
  JOIN memberships mb ON mb.account_id = c.account_id
  LEFT JOIN conversation_reads r ON r.conversation_id = c.id AND r.user_id = mb.user_id
  WHERE EXISTS (
    SELECT 1 FROM messages m
    WHERE m.conversation_id = c.id AND m.sender_kind = 'TRAINER'
      AND (m.created_at, m.id COLLATE "C")
        > (COALESCE(r.last_read_at, '-infinity'::timestamptz), COALESCE(r.last_read_message_id, '') COLLATE "C"))`;
