import { inTransaction } from "../../utils/transaction.server";
import type { UserActor } from "../auth/actor";
import { installBundledTemplates } from "./bundled-templates.server";

/**
 * POST only: installs the bundled templates into the actor's organisation (each installation
 * audited by publishTemplateVersion in the same transaction). The server installs them into every
 * organisation at start; this is for an organisation created since. It used to run inside the
 * /assessments/new loader, which a GET must not do (loaders never write, ADR 0023).
 */
export async function installBundledTemplatesForActor(actor: UserActor): Promise<number> {
  return inTransaction((tx) => installBundledTemplates(tx, actor));
}
