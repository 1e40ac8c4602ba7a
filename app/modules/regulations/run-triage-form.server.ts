import { DomainError, statusForCode } from "../../utils/errors";
import type { LocalizedMessage } from "../../utils/i18n";
import type { UserActor } from "../auth/actor";
import { triageChange } from "./triage-change.server";

export interface TriageFormValues {
  status: string;
  reason: string;
}

export type TriageFormAnswer =
  { ok: true } | { ok: false; status: number; problem: LocalizedMessage; values: TriageFormValues };

/**
 * The triage form of the change's page (no JavaScript): reads the fields, runs triageChange and
 * turns a refusal the user can fix (missing reason, stale form, unknown status) into a message with
 * what they typed, so nothing is lost. Not found and forbidden stay errors (the route throws them).
 */
export async function runTriageForm(
  actor: UserActor,
  changeEventId: string,
  form: FormData,
): Promise<TriageFormAnswer> {
  const values: TriageFormValues = {
    status: stringField(form, "status"),
    reason: stringField(form, "reason"),
  };
  const expected = Number(stringField(form, "expectedVersion"));
  try {
    await triageChange({
      actor,
      input: {
        changeEventId,
        status: values.status as never,
        reason: values.reason,
        expectedVersion: Number.isInteger(expected) && expected >= 0 ? expected : -1,
      },
    });
    return { ok: true };
  } catch (error) {
    if (error instanceof DomainError && (error.code === "VALIDATION" || error.code === "CONFLICT"))
      return { ok: false, status: statusForCode(error.code), problem: error.userMessage, values };
    throw error;
  }
}

function stringField(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}
