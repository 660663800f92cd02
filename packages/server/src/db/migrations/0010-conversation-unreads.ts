/**
 * Which conversations each member of an account has unread (a trainer message after the
 * member's read marker, or any trainer message without a marker), kept by triggers, so
 * `GET /messages?unreadOnly=true` walks the viewer's unread conversations in activity order
 * instead of probing every conversation of the account (5 s at a million read conversations;
 * docs/performance.md, lists).
 *
 * A row exists exactly when the definition in services/messages/list-conversations.ts
 * (`unreadAfterMarker`) holds for the member and the conversation. Kept by:
 * - a trainer message: a row for every member of the conversation's account;
 * - a read marker moved (markers only move forward): the row goes when no trainer message is
 *   left after it;
 * - a member joining: rows for the account's conversations they have unread; leaving: theirs go;
 * - the conversation's activity time: copied, so the rows sort like the conversations list.
 * Lock order: the conversation row, then its unread rows. A trainer message locks the
 * conversation before adding rows, and a marker move takes it FOR SHARE before checking what is
 * left to read, so a message committing meanwhile is either seen by that check or adds its rows
 * after the removal (without the lock, a removal could follow a concurrent message's no-op
 * insert and lose it).
 *
 * Index map: GET /messages?unreadOnly → conversation_unreads_feed_idx.
 */
export const sql = `
CREATE TABLE conversation_unreads (
  user_id text NOT NULL,
  conversation_id text NOT NULL,
  account_id text NOT NULL,
  last_activity_at timestamptz NOT NULL,
  PRIMARY KEY (user_id, conversation_id)
);
CREATE INDEX conversation_unreads_feed_idx
  ON conversation_unreads (user_id, account_id, last_activity_at DESC, conversation_id DESC);
CREATE INDEX conversation_unreads_conversation_idx ON conversation_unreads (conversation_id);

INSERT INTO conversation_unreads (user_id, conversation_id, account_id, last_activity_at)
SELECT mb.user_id, c.id, c.account_id, c.last_activity_at
FROM conversations c
JOIN memberships mb ON mb.account_id = c.account_id
LEFT JOIN conversation_reads r ON r.conversation_id = c.id AND r.user_id = mb.user_id
WHERE EXISTS (
  SELECT 1 FROM messages m
  WHERE m.conversation_id = c.id AND m.sender_kind = 'TRAINER'
    AND (m.created_at, m.id COLLATE "C")
      > (COALESCE(r.last_read_at, '-infinity'::timestamptz), COALESCE(r.last_read_message_id, '') COLLATE "C"));

CREATE FUNCTION opentrain_unreads_on_trainer_message() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM conversations WHERE id = NEW.conversation_id FOR UPDATE;
  INSERT INTO conversation_unreads (user_id, conversation_id, account_id, last_activity_at)
  SELECT mb.user_id, c.id, c.account_id, c.last_activity_at
  FROM conversations c JOIN memberships mb ON mb.account_id = c.account_id
  WHERE c.id = NEW.conversation_id
  ON CONFLICT (user_id, conversation_id) DO NOTHING;
  RETURN NULL;
END
$$;
CREATE TRIGGER messages_unreads AFTER INSERT ON messages
  FOR EACH ROW WHEN (NEW.sender_kind = 'TRAINER') EXECUTE FUNCTION opentrain_unreads_on_trainer_message();

CREATE FUNCTION opentrain_unreads_on_read() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM 1 FROM conversations WHERE id = NEW.conversation_id FOR SHARE;
  IF NOT EXISTS (
    SELECT 1 FROM messages m
    WHERE m.conversation_id = NEW.conversation_id AND m.sender_kind = 'TRAINER'
      AND m.created_at >= NEW.last_read_at
      AND (m.created_at, m.id COLLATE "C") > (NEW.last_read_at, NEW.last_read_message_id COLLATE "C")
  ) THEN
    DELETE FROM conversation_unreads WHERE user_id = NEW.user_id AND conversation_id = NEW.conversation_id;
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER conversation_reads_unreads AFTER INSERT OR UPDATE ON conversation_reads
  FOR EACH ROW EXECUTE FUNCTION opentrain_unreads_on_read();

CREATE FUNCTION opentrain_unreads_on_membership() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM conversation_unreads WHERE user_id = OLD.user_id AND account_id = OLD.account_id;
    RETURN NULL;
  END IF;
  INSERT INTO conversation_unreads (user_id, conversation_id, account_id, last_activity_at)
  SELECT NEW.user_id, c.id, c.account_id, c.last_activity_at
  FROM conversations c
  LEFT JOIN conversation_reads r ON r.conversation_id = c.id AND r.user_id = NEW.user_id
  WHERE c.account_id = NEW.account_id AND EXISTS (
    SELECT 1 FROM messages m
    WHERE m.conversation_id = c.id AND m.sender_kind = 'TRAINER'
      AND (m.created_at, m.id COLLATE "C")
        > (COALESCE(r.last_read_at, '-infinity'::timestamptz), COALESCE(r.last_read_message_id, '') COLLATE "C"))
  ON CONFLICT (user_id, conversation_id) DO NOTHING;
  RETURN NULL;
END
$$;
CREATE TRIGGER memberships_unreads AFTER INSERT OR DELETE ON memberships
  FOR EACH ROW EXECUTE FUNCTION opentrain_unreads_on_membership();

CREATE FUNCTION opentrain_unreads_on_activity() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE conversation_unreads SET last_activity_at = NEW.last_activity_at WHERE conversation_id = NEW.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER conversations_unreads AFTER UPDATE OF last_activity_at ON conversations
  FOR EACH ROW WHEN (OLD.last_activity_at IS DISTINCT FROM NEW.last_activity_at)
  EXECUTE FUNCTION opentrain_unreads_on_activity();
`;
