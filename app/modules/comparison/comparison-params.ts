/** How many vendors one comparison takes (shared by the page and the use case). */
export const MIN_CANDIDATES = 2;
export const MAX_CANDIDATES = 5;

/** Splits `?vendors=a,b,c` into unique ids (order kept). */
export function parseVendorIds(value: string | null): string[] {
  return [
    ...new Set(
      (value ?? "")
        .split(",")
        .map((id) => id.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * The picker (a GET form of checkboxes) sends vendor=a&vendor=b; the page's own address is
 * ?vendors=a,b. Returns that canonical address when the request used the picker's form, else null.
 */
export function canonicalCompareUrl(params: URLSearchParams): string | null {
  const picked = params.getAll("vendor");
  if (picked.length === 0) return null;
  const next = new URLSearchParams();
  next.set("vendors", picked.join(","));
  const profile = params.get("profile");
  if (profile) next.set("profile", profile);
  return `/compare?${next.toString()}`;
}
