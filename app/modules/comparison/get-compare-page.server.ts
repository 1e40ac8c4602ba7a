import type { UserActor } from "~/modules/auth/actor";
import { listWeightProfileNames } from "~/modules/weights/weight-profiles.server";
import { runUseCase } from "~/utils/http.server";
import type { Locale } from "~/utils/i18n";
import { compareVendors } from "./compare-vendors.server";
import { parseVendorIds } from "./comparison-params";
import { comparisonPageView } from "./comparison-view";
import { listComparableVendors } from "./list-comparable-vendors.server";

/**
 * Everything the comparison page shows, scoped to the actor's organisation: the picker's choices,
 * the weight profiles and, when vendors are chosen, the comparison as a view model in the reader's
 * language (or the reason it was refused). A foreign vendor or profile is a 404 Response.
 */
export async function getComparePage(actor: UserActor, params: URLSearchParams, locale: Locale) {
  const vendorIds = parseVendorIds(params.get("vendors"));
  const profileId = params.get("profile") || null;
  const search = params.get("q") ?? "";
  const [choices, profiles] = await Promise.all([
    runUseCase(() => listComparableVendors(actor, { search, selected: vendorIds })),
    listWeightProfileNames(actor),
  ]);
  const compared =
    vendorIds.length > 0
      ? await runUseCase(() => compareVendors(actor, { vendorIds, profileId }))
      : null;
  const result = compared?.ok ? comparisonPageView(compared, locale) : compared;
  return { vendorIds, profileId, search, choices, profiles, result };
}
