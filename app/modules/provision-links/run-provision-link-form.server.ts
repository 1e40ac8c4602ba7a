import { DomainError, statusForCode } from "../../utils/errors";
import { readFormData } from "../../utils/form-data.server";
import type { LocalizedMessage } from "../../utils/i18n";
import type { TemplateActor } from "../templates/template-access";
import { changeProvisionLink } from "./change-provision-link.server";

export type ProvisionLinkFormAnswer =
  | { kind: "done"; redirectTo: string }
  | { kind: "problem"; status: number; problem: LocalizedMessage };

/**
 * One post of the link editor page: the form's fields to the use case, its refusal to a message
 * with the status it means (400, 403, 409). A foreign template stays NOT_FOUND (thrown: a 404 page).
 */
export async function runProvisionLinkForm(
  actor: TemplateActor,
  templateId: string,
  request: Request,
): Promise<ProvisionLinkFormAnswer> {
  const form = await readFormData(request);
  const fields = Object.fromEntries(
    [...form.entries()].map(([key, value]) => [key, typeof value === "string" ? value : ""]),
  );
  try {
    const { questionKey } = await changeProvisionLink(actor, templateId, fields);
    return {
      kind: "done",
      redirectTo: `/templates/${templateId}/links?notice=saved#q-${encodeURIComponent(questionKey)}`,
    };
  } catch (error) {
    if (!(error instanceof DomainError) || error.code === "NOT_FOUND") throw error;
    return { kind: "problem", status: statusForCode(error.code), problem: error.userMessage };
  }
}
