import forge from "node-forge";

/**
 * An uploaded PKCS#12 file decides how much work opening it takes: its MAC and each encrypted bag
 * name a PBKDF iteration count, and node-forge derives keys in JavaScript on the event loop
 * (100,000 iterations took 1.6 s here). Before forge opens an upload, this sums the counts the
 * file asks for, so a file asking for billions is refused instead of stalling every request.
 * Common tools export 2,048 (OpenSSL), 2,000 (Windows) or 10,000 (Java) per derivation.
 */
export const PKCS12_MAX_TOTAL_ITERATIONS = 50_000;

const MAX_DEPTH = 24;
// PBKDF2 params: SEQUENCE { salt, iterationCount, … }.
const PBKDF2 = "1.2.840.113549.1.5.12";
// PKCS#12 PBE (1.2.840.113549.1.12.1.x) and PKCS#5 PBES1 params: SEQUENCE { salt, iterations }.
const SALT_AND_COUNT =
  /^(1\.2\.840\.113549\.1\.12\.1\.[1-6]|1\.2\.840\.113549\.1\.5\.(1|3|4|6|10|11))$/;

function integerOf(node: forge.asn1.Asn1 | undefined): number {
  if (!node || node.type !== forge.asn1.Type.INTEGER || typeof node.value !== "string") return 0;
  const bytes = node.value;
  // More than six bytes is beyond any sane count: treat it as infinite.
  if (bytes.length > 6) return Number.POSITIVE_INFINITY;
  let value = 0;
  for (let i = 0; i < bytes.length; i++) value = value * 256 + bytes.charCodeAt(i);
  return value;
}

function children(node: forge.asn1.Asn1): forge.asn1.Asn1[] {
  return Array.isArray(node.value) ? node.value : [];
}

function oidOf(node: forge.asn1.Asn1 | undefined): string | null {
  if (!node || node.type !== forge.asn1.Type.OID || typeof node.value !== "string") return null;
  return forge.asn1.derToOid(forge.util.createBuffer(node.value));
}

function parseDer(bytes: string): forge.asn1.Asn1 | null {
  try {
    // The typings know only the old boolean argument; forge 1.x takes these options.
    const options = {
      strict: true,
      parseAllBytes: true,
      decodeBitStrings: false,
    } as unknown as boolean;
    return forge.asn1.fromDer(forge.util.createBuffer(bytes), options);
  } catch {
    return null;
  }
}

function walk(node: forge.asn1.Asn1, depth: number): number {
  if (depth > MAX_DEPTH) return Number.POSITIVE_INFINITY;
  let total = 0;
  const items = children(node);
  const oid = oidOf(items[0]);
  if (oid === PBKDF2) total += integerOf(children(items[1] ?? ({} as forge.asn1.Asn1))[1]);
  else if (oid && SALT_AND_COUNT.test(oid))
    total += integerOf(children(items[1] ?? ({} as forge.asn1.Asn1))[1]);
  for (const child of items) total += walk(child, depth + 1);
  // Data content (authSafe, SafeContents) is DER wrapped in an OCTET STRING.
  if (
    node.type === forge.asn1.Type.OCTETSTRING &&
    typeof node.value === "string" &&
    node.value.length > 1
  ) {
    const inner = parseDer(node.value);
    if (inner) total += walk(inner, depth + 1);
  }
  return total;
}

/** The iterations opening the file would cost: MAC (MacData.iterations) plus every PBE parameter set. */
export function pkcs12IterationTotal(bytes: Uint8Array): number {
  const pfx = parseDer(Buffer.from(bytes).toString("binary"));
  if (!pfx) return 0; // not DER: forge will reject it as unreadable, cheaply
  const macData = children(pfx)[2];
  const macIterations = macData ? integerOf(children(macData)[2]) || 1 : 0;
  return macIterations + walk(pfx, 0);
}
