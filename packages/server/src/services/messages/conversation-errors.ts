import { conflict } from "../../errors.js";

/** 409 `read_only_conversation`: nobody can post into the conversation any more. */
export function readOnlyConflict(conversationId: string) {
  return conflict("This conversation is read-only: nobody can post into it any more. Reading it still works.", {
    reason: "read_only_conversation",
    conversationId,
  });
}
