import type { ContractRow } from "../../db/schema.js";
import { conflict } from "../../errors.js";

/** 409 `contract_ended`: nothing more can be added to, paid on or ended on an ended contract. */
export const contractEnded = (contract: Pick<ContractRow, "id">) =>
  conflict("This contract has ended; nothing more can be added to it, funded, released or ended on it.", {
    reason: "contract_ended",
    contractId: contract.id,
  });
