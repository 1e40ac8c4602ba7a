/** How many vendors one comparison takes (shared by the page and the use case). */
export const MIN_CANDIDATES = 2;
export const MAX_CANDIDATES = 5;

/** Splits `?vendors=a,b,c` into unique ids (order kept). */
export function parseVendorIds(value: string | null): string[] {
  return [...new Set((value ?? "").split(",").map((id) => id.trim()).filter(Boolean))];
}
