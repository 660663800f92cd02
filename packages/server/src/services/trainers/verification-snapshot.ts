import { iso } from "../../clock.js";
import type { TrainerRow, VerificationSnapshot } from "../../db/schema.js";

/** The trainer's location and identity verification as a proposal records it (null location: never checked). */
export function verificationSnapshot(
  t: Pick<TrainerRow, "locationStatus" | "locationMethod" | "locationCheckedAt" | "identityVerified">,
): VerificationSnapshot {
  return {
    location:
      t.locationStatus === "NOT_STARTED"
        ? null
        : { status: t.locationStatus, method: t.locationMethod, checkedAt: iso(t.locationCheckedAt) },
    identity: { verified: t.identityVerified },
  };
}
