import type { UserActor } from "~/modules/auth/actor";
import { runUseCase } from "~/utils/http.server";
import { diffVendorAssessments } from "./diff-vendor-assessments.server";
import { getVendorHistory } from "./get-vendor-history.server";

/**
 * A vendor's score history and the difference between two of its scored assessments (`from`,
 * `to`; by default the two latest). A foreign or unknown vendor or assessment is a 404 Response.
 */
export async function getVendorHistoryPage(
  actor: UserActor,
  input: { vendorId: string; from: string | null; to: string | null },
) {
  const { vendorId } = input;
  const history = await runUseCase(() => getVendorHistory(actor, { vendorId }));
  const ids = history.assessments.map((a) => a.assessmentId);
  const from = input.from ?? ids.at(-2) ?? null;
  const to = input.to ?? ids.at(-1) ?? null;
  const diff =
    from && to && from !== to
      ? await runUseCase(() => diffVendorAssessments(actor, { vendorId, fromId: from, toId: to }))
      : null;
  return { history, from, to, diff };
}
