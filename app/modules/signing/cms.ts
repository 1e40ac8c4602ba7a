import { createHash, randomBytes, sign as rsaSign } from "node:crypto";
import * as asn1js from "asn1js";
import * as pkijs from "pkijs";
import type { SigningIdentity } from "./pkcs12";

/**
 * The CMS (PKCS#7) SignedData inside a PAdES signature, built with pkijs/asn1js. The signature
 * itself is computed with node:crypto (RSA PKCS#1 v1.5, SHA-256): deterministic, so the same
 * PDF, certificate and signing time give the same bytes (an RFC 3161 token aside).
 */
export const OID = {
  data: "1.2.840.113549.1.7.1",
  signedData: "1.2.840.113549.1.7.2",
  contentType: "1.2.840.113549.1.9.3",
  messageDigest: "1.2.840.113549.1.9.4",
  signingTime: "1.2.840.113549.1.9.5",
  signingCertificateV2: "1.2.840.113549.1.9.16.2.47",
  signatureTimeStampToken: "1.2.840.113549.1.9.16.2.14",
  tstInfo: "1.2.840.113549.1.9.16.1.4",
  sha256: "2.16.840.1.101.3.4.2.1",
  sha384: "2.16.840.1.101.3.4.2.2",
  sha512: "2.16.840.1.101.3.4.2.3",
  sha1: "1.3.14.3.2.26",
  rsaEncryption: "1.2.840.113549.1.1.1",
  sha256WithRsa: "1.2.840.113549.1.1.11",
  rsaPss: "1.2.840.113549.1.1.10",
  commonName: "2.5.4.3",
} as const;

export const HASH_BY_OID: Record<string, string> = {
  [OID.sha256]: "sha256",
  [OID.sha384]: "sha384",
  [OID.sha512]: "sha512",
  [OID.sha1]: "sha1",
};

export function sha256(...parts: Uint8Array[]): Buffer {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part);
  return hash.digest();
}

function view(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer as ArrayBuffer;
}

function sha256Algorithm(): pkijs.AlgorithmIdentifier {
  return new pkijs.AlgorithmIdentifier({
    algorithmId: OID.sha256,
    algorithmParams: new asn1js.Null(),
  });
}

/**
 * signing-certificate-v2 (RFC 5035): binds the signature to the signer's certificate by its
 * SHA-256. SHA-256 is ESSCertIDv2's DEFAULT hash, so DER omits the algorithm identifier.
 */
function signingCertificateV2(
  certificate: pkijs.Certificate,
  certDer: Uint8Array,
): asn1js.Sequence {
  const issuerSerial = new asn1js.Sequence({
    value: [
      // GeneralNames: one directoryName [4] (explicit, Name is a CHOICE).
      new asn1js.Sequence({
        value: [
          new asn1js.Constructed({
            idBlock: { tagClass: 3, tagNumber: 4 },
            value: [certificate.issuer.toSchema()],
          }),
        ],
      }),
      certificate.serialNumber,
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: view(sha256(certDer)) }), issuerSerial],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

/** DER orders a SET OF by the encodings of its elements. */
function derSorted(attributes: pkijs.Attribute[]): pkijs.Attribute[] {
  const encoded = attributes.map((attribute) => ({
    attribute,
    der: Buffer.from(attribute.toSchema().toBER()),
  }));
  return encoded.sort((a, b) => Buffer.compare(a.der, b.der)).map((e) => e.attribute);
}

export interface CmsSignature {
  /** DER of the ContentInfo wrapping SignedData. */
  der: Uint8Array;
  /** Whether an RFC 3161 token was embedded. */
  timestamped: boolean;
}

/** Detached CMS over a message whose SHA-256 is `digest` (PAdES: the PDF's /ByteRange). */
export async function buildCmsSignature(
  digest: Uint8Array,
  identity: Pick<SigningIdentity, "privateKey" | "certificate" | "chain">,
  tsaUrl?: string,
  signal?: AbortSignal,
): Promise<CmsSignature> {
  const certificate = pkijs.Certificate.fromBER(view(identity.certificate));
  const signedAttrs = new pkijs.SignedAndUnsignedAttributes({
    type: 0,
    // No signing-time attribute: PAdES takes the time from the signature dictionary's /M.
    attributes: derSorted([
      new pkijs.Attribute({
        type: OID.contentType,
        values: [new asn1js.ObjectIdentifier({ value: OID.data })],
      }),
      new pkijs.Attribute({
        type: OID.messageDigest,
        values: [new asn1js.OctetString({ valueHex: view(digest) })],
      }),
      new pkijs.Attribute({
        type: OID.signingCertificateV2,
        values: [signingCertificateV2(certificate, identity.certificate)],
      }),
    ]),
  });
  // The signature covers the DER of the attributes with the SET tag (0x31), not the [0] tag.
  const attrsDer = new Uint8Array(signedAttrs.toSchema().toBER());
  attrsDer[0] = 0x31;
  const signatureValue = rsaSign("sha256", attrsDer, identity.privateKey);

  const signerInfo = new pkijs.SignerInfo({
    version: 1,
    sid: new pkijs.IssuerAndSerialNumber({
      issuer: certificate.issuer,
      serialNumber: certificate.serialNumber,
    }),
    digestAlgorithm: sha256Algorithm(),
    signedAttrs,
    signatureAlgorithm: new pkijs.AlgorithmIdentifier({
      algorithmId: OID.sha256WithRsa,
      algorithmParams: new asn1js.Null(),
    }),
    signature: new asn1js.OctetString({ valueHex: view(signatureValue) }),
  });
  let timestamped = false;
  if (tsaUrl) {
    const token = await requestTimestampToken(tsaUrl, sha256(signatureValue), signal);
    signerInfo.unsignedAttrs = new pkijs.SignedAndUnsignedAttributes({
      type: 1,
      attributes: [new pkijs.Attribute({ type: OID.signatureTimeStampToken, values: [token] })],
    });
    timestamped = true;
  }
  const signedData = new pkijs.SignedData({
    version: 1,
    digestAlgorithms: [sha256Algorithm()],
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates: [
      certificate,
      ...identity.chain.map((der) => pkijs.Certificate.fromBER(view(der))),
    ],
    signerInfos: [signerInfo],
  });
  const contentInfo = new pkijs.ContentInfo({
    contentType: OID.signedData,
    content: signedData.toSchema(true),
  });
  return { der: new Uint8Array(contentInfo.toSchema().toBER()), timestamped };
}

/**
 * RFC 3161: asks the TSA to timestamp `imprint` (SHA-256 of the signature value) and returns the
 * token (a ContentInfo) after checking the status, the nonce and the imprint it answered for.
 */
export async function requestTimestampToken(
  tsaUrl: string,
  imprint: Uint8Array,
  signal?: AbortSignal,
): Promise<asn1js.AsnType> {
  const nonce = randomBytes(8);
  nonce[0] = (nonce[0]! & 0x7f) | 0x01; // positive, no leading zero byte
  const request = new pkijs.TimeStampReq({
    version: 1,
    messageImprint: new pkijs.MessageImprint({
      hashAlgorithm: sha256Algorithm(),
      hashedMessage: new asn1js.OctetString({ valueHex: view(imprint) }),
    }),
    nonce: new asn1js.Integer({ valueHex: view(nonce) }),
    certReq: true,
  });
  const response = await fetch(tsaUrl, {
    method: "POST",
    headers: { "Content-Type": "application/timestamp-query" },
    body: Buffer.from(request.toSchema().toBER()),
    // 20 s at most, or less when the caller's attempt ends earlier.
    signal: signal
      ? AbortSignal.any([AbortSignal.timeout(20_000), signal])
      : AbortSignal.timeout(20_000),
  });
  if (!response.ok) throw new Error(`the timestamp authority answered HTTP ${response.status}`);
  const body = new Uint8Array(await response.arrayBuffer());
  const parsed = asn1js.fromBER(body);
  if (parsed.offset === -1)
    throw new Error("the timestamp authority's answer is not a timestamp response");
  const tsResponse = new pkijs.TimeStampResp({ schema: parsed.result });
  const status = tsResponse.status.status;
  if ((status !== 0 && status !== 1) || !tsResponse.timeStampToken)
    throw new Error(`the timestamp authority refused the request (status ${status})`);
  const tstInfo = readTstInfo(tsResponse.timeStampToken);
  if (!tstInfo) throw new Error("the timestamp token holds no TSTInfo");
  if (
    !tstInfo.nonce ||
    Buffer.compare(Buffer.from(tstInfo.nonce.valueBlock.valueHexView), Buffer.from(nonce)) !== 0
  ) {
    throw new Error("the timestamp token answers another request (nonce)");
  }
  if (
    Buffer.compare(
      Buffer.from(tstInfo.messageImprint.hashedMessage.valueBlock.valueHexView),
      Buffer.from(imprint),
    ) !== 0
  ) {
    throw new Error("the timestamp token is for other data (message imprint)");
  }
  // The token exactly as received (its raw bytes parsed again), so its signature stays intact.
  const raw = (parsed.result as asn1js.Sequence).valueBlock.value[1]!.valueBeforeDecodeView;
  return asn1js.fromBER(raw.slice()).result;
}

export function readTstInfo(token: pkijs.ContentInfo): pkijs.TSTInfo | null {
  if (token.contentType !== OID.signedData) return null;
  const signed = new pkijs.SignedData({ schema: token.content });
  const content = signed.encapContentInfo.eContent;
  if (signed.encapContentInfo.eContentType !== OID.tstInfo || !content) return null;
  return pkijs.TSTInfo.fromBER(content.getValue());
}

/** The subject common name of a pkijs certificate, or null. */
export function commonNameOf(certificate: pkijs.Certificate): string | null {
  const attribute = certificate.subject.typesAndValues.find((tv) => tv.type === OID.commonName);
  const value = attribute?.value.valueBlock as { value?: unknown } | undefined;
  return typeof value?.value === "string" ? value.value : null;
}
