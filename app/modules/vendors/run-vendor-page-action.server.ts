import { z } from "zod";
import type { UserActor } from "~/modules/auth/actor";
import { runUseCase } from "~/utils/http.server";
import { archiveVendor, unarchiveVendor } from "./archive-vendor.server";
import { isConfirmed } from "./vendor-forms.server";

export const vendorPageIntentSchema = z.enum(["archive", "unarchive"]);
export type VendorPageIntent = z.infer<typeof vendorPageIntentSchema>;

export type VendorPageActionResult =
  | { kind: "redirect"; to: string }
  /** The archive form without its confirmation box ticked: shown again with the message. */
  | { kind: "unconfirmed"; confirmError: "vendors.errorConfirm" };

/**
 * The vendor page's two forms: archive (the confirmation box is checked on the server too) and
 * unarchive. The use cases check the actor's organisation; an unknown intent is a 400 Response.
 */
export async function runVendorPageAction(
  actor: UserActor,
  input: { vendorId: string; form: FormData },
): Promise<VendorPageActionResult> {
  const { vendorId, form } = input;
  const intent = vendorPageIntentSchema.safeParse(form.get("intent"));
  if (!intent.success) throw new Response("Unknown action", { status: 400 });
  if (intent.data === "archive") {
    if (!isConfirmed(form)) return { kind: "unconfirmed", confirmError: "vendors.errorConfirm" };
    await runUseCase(() => archiveVendor({ actor, input: { vendorId } }));
    return { kind: "redirect", to: `/vendors/${vendorId}?notice=archived` };
  }
  await runUseCase(() => unarchiveVendor({ actor, input: { vendorId } }));
  return { kind: "redirect", to: `/vendors/${vendorId}?notice=unarchived` };
}
