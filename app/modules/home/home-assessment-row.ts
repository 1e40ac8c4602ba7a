/** The columns a home section reads of an assessment, and how it names the vendor (and product). */
export const homeAssessmentSelect = {
  id: true,
  title: true,
  vendor: { select: { name: true } },
  product: { select: { name: true } },
} as const;

export function vendorLabel(row: { vendor: { name: string }; product: { name: string } | null }) {
  return row.product ? `${row.vendor.name} · ${row.product.name}` : row.vendor.name;
}
