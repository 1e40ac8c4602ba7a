import { X509Certificate } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";

/** The certificates embedded in a signed PDF's CMS (the last signature), as node:crypto objects (tests). */
export function embeddedCertificates(pdf: Uint8Array): X509Certificate[] {
  const source = Buffer.from(pdf).toString("latin1");
  const contents = [...source.matchAll(/\/Contents\s*<([0-9A-Fa-f]+)>/g)].at(-1)?.[1];
  if (!contents) throw new Error("no signature /Contents in the PDF");
  const parsed = asn1js.fromBER(Buffer.from(contents, "hex"));
  const info = new pkijs.ContentInfo({ schema: parsed.result });
  const signed = new pkijs.SignedData({ schema: info.content });
  return (signed.certificates ?? [])
    .filter((c): c is pkijs.Certificate => c instanceof pkijs.Certificate)
    .map((c) => new X509Certificate(Buffer.from(c.toSchema().toBER())));
}
