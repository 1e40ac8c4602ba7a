import { z } from "zod";
import { db } from "../../utils/db.server";
import { entityIdInput, requireEntityId } from "../../utils/entity-id";
import { parseUseCaseInput } from "../../utils/validation-messages";
import { DomainError } from "../../utils/errors";
import type { UserActor } from "../auth/actor";
import { parseDataCategories, parseHostingRegions } from "./product-json";
import { assertCanReadVendors } from "./vendor-access";
import { parseStoredTags } from "./vendor-tags";

/**
 * One vendor of the actor's organisation with its products and assessments (a DTO: only what
 * the vendor pages show). Unknown or foreign id → NOT_FOUND.
 */
export const getVendorInputSchema = z.object({
  vendorId: entityIdInput,
  locale: z.enum(["en", "de"]).optional(),
});
export type GetVendorInput = z.input<typeof getVendorInputSchema>;

export async function getVendor({
  actor,
  input: rawInput,
}: {
  actor: UserActor;
  input: GetVendorInput;
}) {
  assertCanReadVendors(actor);
  const parsed = parseUseCaseInput(getVendorInputSchema, rawInput);
  // Checked before the query: Prisma reads `id: undefined` as "any vendor".
  const input = { ...parsed, vendorId: requireEntityId(parsed.vendorId, "Vendor") };
  const scope = { organizationId: actor.organizationId };
  const vendor = await db().vendor.findFirst({
    where: { id: input.vendorId, ...scope },
    select: {
      id: true,
      name: true,
      website: true,
      country: true,
      criticality: true,
      description: true,
      tags: true,
      archivedAt: true,
      version: true,
      createdAt: true,
      updatedAt: true,
      products: {
        where: scope,
        orderBy: { id: "asc" },
        select: {
          id: true,
          name: true,
          description: true,
          foundationModel: true,
          hostingRegions: true,
          dataCategories: true,
          version: true,
          updatedAt: true,
          _count: { select: { assessments: true } },
        },
      },
      assessments: {
        where: scope,
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: {
          id: true,
          title: true,
          status: true,
          overallScore: true,
          dueDate: true,
          createdAt: true,
          product: { select: { id: true, name: true } },
        },
      },
    },
  });
  if (!vendor) throw new DomainError("NOT_FOUND", "errors.vendorNotFound");
  // Sorted here, not in SQL: SQLite compares bytes ("Über" after "Z"), PostgreSQL by locale.
  const collator = new Intl.Collator(input.locale ?? "en", { sensitivity: "base", numeric: true });
  return {
    ...vendor,
    tags: parseStoredTags(vendor.tags),
    products: [...vendor.products]
      .sort((a, b) => collator.compare(a.name, b.name))
      .map(({ _count, hostingRegions, dataCategories, ...product }) => ({
        ...product,
        hostingRegions: parseHostingRegions(hostingRegions),
        dataCategories: parseDataCategories(dataCategories),
        assessmentCount: _count.assessments,
      })),
  };
}

export type VendorDetails = Awaited<ReturnType<typeof getVendor>>;
export type ProductDetails = VendorDetails["products"][number];
