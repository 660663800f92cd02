import { badRequest } from "../../errors.js";

/** A cursor's timestamp back to a Date; a 400 when it is not one. */
export function cursorDate(iso: string): Date {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) {
    throw badRequest("cursor is not valid: pass nextCursor from the previous page unchanged.", { field: "cursor" });
  }
  return d;
}
