import type { UserActor } from "~/modules/auth/actor";
import { runUseCase } from "~/utils/http.server";
import type { MessageKey } from "~/utils/i18n";
import { getVendor } from "./get-vendor.server";
import { updateVendor } from "./update-vendor.server";
import {
  formFieldErrors,
  readVendorForm,
  readVersion,
  vendorFormValuesOf,
  type VendorFormValues,
} from "./vendor-fields";
import { isConflict } from "./vendor-forms.server";
import { vendorFieldsSchema } from "./vendor-schemas";

/**
 * The vendor edit page: the vendor's name, archived flag and form values with the version they
 * were read at. A foreign or unknown vendor is a 404 Response.
 */
export async function getVendorEditPage(actor: UserActor, input: { vendorId: string }) {
  const vendor = await runUseCase(() => getVendor({ actor, input }));
  return {
    id: vendor.id,
    name: vendor.name,
    version: vendor.version,
    archived: Boolean(vendor.archivedAt),
    values: vendorFormValuesOf(vendor),
  };
}

/** What a save that stays on the page returns (what was typed, errors, a conflict). */
export interface VendorEditActionData {
  values: VendorFormValues;
  version: number;
  errors: Partial<Record<string, MessageKey>>;
  /** The values someone else saved first (a conflict), shown beside the user's. */
  current: VendorFormValues | null;
  archived: boolean;
}
export type VendorEditActionResult =
  { redirectTo: string } | { status: number; body: VendorEditActionData };

/**
 * Saves the vendor optimistically: the form carries the version it was read at. A form without
 * a version is a 400 Response (thrown).
 */
export async function runVendorEditAction(
  actor: UserActor,
  input: { vendorId: string; form: FormData },
): Promise<VendorEditActionResult> {
  const { vendorId, form } = input;
  const values = readVendorForm(form);
  const version = readVersion(form);
  if (version === null) throw new Response("The form is missing its version", { status: 400 });
  const parsed = vendorFieldsSchema.safeParse(values);
  if (!parsed.success) {
    // Keep the version the user loaded: a newer one would let the next save overwrite unseen changes.
    const errors = formFieldErrors(parsed.error.issues);
    return { status: 400, body: { values, version, errors, current: null, archived: false } };
  }
  const result = await runUseCase(() =>
    updateVendor({ actor, input: { vendorId, version, ...parsed.data } }).catch(
      (error: unknown) => {
        if (isConflict(error)) return null;
        throw error;
      },
    ),
  );
  if (result)
    return {
      redirectTo: `/vendors/${vendorId}?notice=${result.changed.length ? "updated" : "unchanged"}`,
    };
  // Someone else saved first: show their values next to ours; the form now carries the current
  // version, so saving again is a deliberate choice made after seeing the difference.
  const current = await getVendorEditPage(actor, { vendorId });
  return {
    status: 409,
    body: {
      values,
      version: current.version,
      errors: {},
      current: current.values,
      archived: current.archived,
    },
  };
}
