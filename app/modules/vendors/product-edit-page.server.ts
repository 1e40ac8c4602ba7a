import type { UserActor } from "~/modules/auth/actor";
import { notFoundResponse, runUseCase } from "~/utils/http.server";
import type { MessageKey } from "~/utils/i18n";
import { deleteProduct } from "./delete-product.server";
import { getVendor } from "./get-vendor.server";
import { updateProduct } from "./update-product.server";
import {
  formFieldErrors,
  productFormValuesOf,
  readProductForm,
  readVersion,
  type ProductFormValues,
} from "./vendor-fields";
import { isConfirmed, isConflict, readIntent } from "./vendor-forms.server";
import { productFieldsSchema } from "./vendor-schemas";

/**
 * The product edit page: the vendor (name, archived) and the product's form values with the
 * version they were read at. A foreign or unknown vendor or product is a 404 Response.
 */
export async function getProductEditPage(
  actor: UserActor,
  input: { vendorId: string; productId: string },
) {
  const vendor = await runUseCase(() => getVendor({ actor, input: { vendorId: input.vendorId } }));
  const product = vendor.products.find((p) => p.id === input.productId);
  if (!product) throw notFoundResponse();
  return {
    vendor: { id: vendor.id, name: vendor.name, archived: Boolean(vendor.archivedAt) },
    product: {
      id: product.id,
      name: product.name,
      version: product.version,
      assessmentCount: product.assessmentCount,
      values: productFormValuesOf(product),
    },
  };
}

/** What a submission that stays on the page returns (what was typed, errors, a conflict). */
export interface ProductEditActionData {
  intent: "save" | "delete";
  confirmError: MessageKey | null;
  values: ProductFormValues | null;
  version: number | null;
  errors: Partial<Record<string, MessageKey>>;
  /** The values someone else saved first (a conflict), shown beside the user's. */
  current: ProductFormValues | null;
}
export type ProductEditActionResult =
  { redirectTo: string } | { status: number; body: ProductEditActionData };

/**
 * The page's two forms: save (optimistic: the form carries the version it was read at) and
 * delete (confirmed). A form without a known intent or version is a 400 Response (thrown).
 */
export async function runProductEditAction(
  actor: UserActor,
  input: { vendorId: string; productId: string; form: FormData },
): Promise<ProductEditActionResult> {
  const { vendorId, productId, form } = input;
  const intent = readIntent(form, ["save", "delete"] as const);
  const none = { confirmError: null, current: null, errors: {} };

  if (intent === "delete") {
    if (!isConfirmed(form)) {
      const body = {
        ...none,
        intent,
        confirmError: "vendors.errorConfirm",
        values: null,
        version: null,
      } as const;
      return { status: 400, body };
    }
    await runUseCase(() => deleteProduct({ actor, input: { vendorId, productId } }));
    return { redirectTo: `/vendors/${vendorId}?notice=productDeleted#products` };
  }
  if (intent !== "save") throw new Response("Unknown action", { status: 400 });

  const values = readProductForm(form);
  const version = readVersion(form);
  if (version === null) throw new Response("The form is missing its version", { status: 400 });
  const parsed = productFieldsSchema.safeParse(values);
  if (!parsed.success) {
    // Keep the version the user loaded: a newer one would let the next save overwrite unseen changes.
    const errors = formFieldErrors(parsed.error.issues);
    return { status: 400, body: { ...none, intent, values, version, errors } };
  }
  const result = await runUseCase(() =>
    updateProduct({ actor, input: { vendorId, productId, version, ...parsed.data } }).catch(
      (error: unknown) => {
        if (isConflict(error)) return null;
        throw error;
      },
    ),
  );
  if (result) {
    const notice = result.changed.length ? "productUpdated" : "unchanged";
    return { redirectTo: `/vendors/${vendorId}?notice=${notice}#products` };
  }
  // Someone else saved first: show both versions; the form now carries the current version.
  const { product } = await getProductEditPage(actor, { vendorId, productId });
  return {
    status: 409,
    body: { ...none, intent, values, version: product.version, current: product.values },
  };
}
