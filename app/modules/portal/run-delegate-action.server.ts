import { z } from "zod";
import type { VendorActor } from "~/modules/auth/actor";
import { DomainError } from "~/utils/errors";
import { runUseCase } from "~/utils/http.server";
import { revokeDelegation } from "./delegate-revoke.server";
import { delegateSchema, delegateSections } from "./delegate-sections.server";

/** The forms of the portal's delegation page (/portal/delegate). */
export const delegateIntentSchema = z.enum(["delegate", "revoke"]);

/** What the delegation page shows after a submit; the error is a key under `access.`. */
export type DelegateActionData = {
  intent: string;
  sentTo?: string;
  error?: "delegateInvalidEmail" | "delegateNoSections" | "delegateClosed" | "delegateRateLimited";
  minutes?: number;
};
export type DelegateActionResult = { status: number; body: DelegateActionData };

/**
 * Delegates sections to a colleague or revokes a delegation. A vendor's mistake (bad address,
 * no section, a closed questionnaire, too many invitations) is answered with the page's message
 * and its status; anything else goes the way of every use case (runUseCase).
 */
export async function runDelegateAction(
  actor: VendorActor,
  form: FormData,
): Promise<DelegateActionResult> {
  const intent = String(form.get("intent") ?? "");
  const known = delegateIntentSchema.safeParse(intent);
  if (known.success && known.data === "revoke") {
    await runUseCase(() =>
      revokeDelegation(actor, { inviteId: String(form.get("inviteId") ?? "") }),
    );
    return { status: 200, body: { intent } };
  }
  if (!known.success) return { status: 400, body: { intent } };
  const parsed = delegateSchema.safeParse({
    contactEmail: form.get("contactEmail"),
    contactName: form.get("contactName") ?? undefined,
    locale: form.get("locale") ?? undefined,
    sections: form.getAll("sections"),
  });
  if (!parsed.success) {
    const emailWrong = parsed.error.issues.some((i) => i.path[0] === "contactEmail");
    const error = emailWrong ? "delegateInvalidEmail" : "delegateNoSections";
    return { status: 400, body: { intent, error } };
  }
  try {
    await delegateSections(actor, parsed.data);
  } catch (error) {
    if (error instanceof DomainError && error.code === "INVALID_STATE")
      return { status: 409, body: { intent, error: "delegateClosed" } };
    if (error instanceof DomainError && error.code === "VALIDATION")
      return { status: 400, body: { intent, error: "delegateNoSections" } };
    if (error instanceof DomainError && error.code === "RATE_LIMITED") {
      const seconds = Number(error.details?.retryAfterSeconds ?? 60);
      const minutes = Math.ceil(seconds / 60);
      return { status: 429, body: { intent, error: "delegateRateLimited", minutes } };
    }
    return runUseCase(() => Promise.reject(error));
  }
  return { status: 200, body: { intent, sentTo: parsed.data.contactEmail } };
}
