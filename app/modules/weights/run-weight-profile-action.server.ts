import { z } from "zod";
import type { UserActor } from "~/modules/auth/actor";
import { runUseCase } from "~/utils/http.server";
import { errorBodyMessage, type LocalizedMessage, type MessageKey } from "~/utils/i18n";
import { fieldErrors } from "~/utils/validation-messages";
import { weightableSections } from "./template-sections.server";
import { weightProfileInputSchema, weightsFromForm } from "./weight-profile-schema";
import {
  createWeightProfile,
  deleteWeightProfile,
  setDefaultWeightProfile,
  updateWeightProfile,
} from "./weight-profiles.server";

/** The forms of the weight profiles page (/admin/weight-profiles). */
export const weightProfileIntentSchema = z.enum(["setDefault", "delete", "create", "update"]);
export type WeightProfileIntent = z.infer<typeof weightProfileIntentSchema>;

/** What a submission returns. Field errors are message keys with parameters, translated in the reader's language by the view. */
export interface WeightProfileActionData {
  ok: boolean;
  errors?: Record<string, LocalizedMessage>;
  message?: MessageKey;
  /** The profile whose form shows the errors ("" for the new profile's form). */
  profileId?: string;
}
export type WeightProfileActionResult = { status: number; body: WeightProfileActionData };

const saved: WeightProfileActionResult = {
  status: 200,
  body: { ok: true, message: "weights.saved" },
};

/** Dispatches one form of the page to its use case; a version conflict is shown on the form. */
export async function runWeightProfileAction(
  actor: UserActor,
  form: FormData,
): Promise<WeightProfileActionResult> {
  const parsedIntent = weightProfileIntentSchema.safeParse(form.get("intent"));
  if (!parsedIntent.success) {
    return {
      status: 400,
      body: { ok: false, errors: { _form: { key: "common.badRequestTitle" } } },
    };
  }
  const intent = parsedIntent.data;
  const profileId = String(form.get("profileId") ?? "");
  const refused = (errors: Record<string, LocalizedMessage>, status = 400) => ({
    status,
    body: { ok: false, profileId, errors },
  });
  try {
    if (intent === "setDefault") {
      await runUseCase(() => setDefaultWeightProfile(actor, profileId || null));
      return saved;
    }
    if (intent === "delete") {
      if (form.get("confirm") !== "yes")
        return refused({ confirm: { key: "weights.deleteConfirm" } });
      await runUseCase(() => deleteWeightProfile(actor, profileId));
      return saved;
    }
    const weights = weightsFromForm(form);
    if (!weights.ok) return refused(weights.errors);
    const { questionKeys, sections } = await weightableSections(actor);
    const unknown = [
      ...Object.keys(weights.weights.sectionWeights).filter(
        (k) => !sections.some((s) => s.key === k),
      ),
      ...Object.keys(weights.weights.questionWeights).filter((k) => !questionKeys.includes(k)),
    ];
    if (unknown.length > 0)
      return refused({
        questionWeights: { key: "weights.unknownKeys", params: { keys: unknown.join(", ") } },
      });
    const parsed = weightProfileInputSchema.safeParse({
      name: form.get("name"),
      description: form.get("description") ?? undefined,
      weights: weights.weights,
    });
    if (!parsed.success) {
      return refused(fieldErrors(parsed.error.issues));
    }
    if (intent === "create") await runUseCase(() => createWeightProfile(actor, parsed.data));
    else {
      const version = Number(form.get("version"));
      await runUseCase(() => updateWeightProfile(actor, profileId, version, parsed.data));
    }
    return saved;
  } catch (error) {
    // runUseCase turned domain errors into responses; a conflict is shown on the form instead.
    if (error instanceof Response && error.status === 409) {
      const message = errorBodyMessage(await error.json()) ?? { key: "weights.changedMeanwhile" };
      return refused({ name: message }, 409);
    }
    throw error;
  }
}
