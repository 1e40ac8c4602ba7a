// Data-residency rating: classifies every data flow (storage, processing, support access,
// inference, backups, sub-processors) by where the data goes and under which law, and rates the
// product by its worst flow. Classes, best to worst:
//   eu_eea > adequacy (an EU adequacy decision in force on the reference date that covers the
//   recipient: the US decision only DPF-certified recipients, the Canadian one only commercial
//   organisations) > third_country_safeguards (SCCs or BCRs) > third_country_no_safeguards >
//   unknown. "unknown" is the worst class but is counted and reported apart from "no safeguards".
// Reference data (EU/EEA states, decisions with their dates) comes in as arguments. Pure.

import { parseIsoDay } from "./iso-day";
import {
  ADEQUACY_SCOPES,
  RESIDENCY_FLOW_KINDS,
  ScoringInputError,
  TRANSFER_SAFEGUARDS,
  type AdequacyDecisionRef,
  type FlowRecipient,
  type ResidencyFlow,
  type ResidencyFlowResult,
  type ResidencyRatingClass,
  type ResidencyReference,
  type ResidencyResult,
  type TransferSafeguard,
} from "./types";
import { isRecord } from "./validate-template";

/** Points of each class when a residency rating feeds a score (countries questions, method 1.1.0). */
export const RESIDENCY_CLASS_POINTS: Readonly<Record<ResidencyRatingClass, number>> = Object.freeze(
  {
    eu_eea: 1,
    adequacy: 0.8,
    third_country_safeguards: 0.5,
    third_country_no_safeguards: 0,
    unknown: 0,
  },
);

const CLASS_LABEL: Readonly<Record<ResidencyRatingClass, string>> = {
  eu_eea: "EU/EEA",
  adequacy: "adequacy decision",
  third_country_safeguards: "third country with safeguards",
  third_country_no_safeguards: "third country without safeguards",
  unknown: "unknown",
};

const CLASS_RANK: Readonly<Record<ResidencyRatingClass, number>> = {
  eu_eea: 0,
  adequacy: 1,
  third_country_safeguards: 2,
  third_country_no_safeguards: 3,
  unknown: 4,
};

const COUNTRY_CODE = /^[A-Z]{2}$/;

/** Human label of a residency class, e.g. "third country with safeguards". */
export function residencyClassLabel(residencyClass: ResidencyRatingClass): string {
  return CLASS_LABEL[residencyClass];
}

/** The worse of two classes (unknown is worst). */
export function worseResidencyClass(
  a: ResidencyRatingClass,
  b: ResidencyRatingClass,
): ResidencyRatingClass {
  return CLASS_RANK[b] > CLASS_RANK[a] ? b : a;
}

/** Reference data checked and indexed for one reference date. */
export interface PreparedResidencyReference {
  euEea: ReadonlySet<string>;
  /** Decisions in force on the reference date, by country code. */
  inForce: ReadonlyMap<string, readonly AdequacyDecisionRef[]>;
  /** Decisions not in force on the reference date, by country code (for explanations). */
  notInForce: ReadonlyMap<string, readonly AdequacyDecisionRef[]>;
  /** The reference date, or null when the decisions carry no dates to check. */
  asOf: string | null;
}

function codeList(codes: unknown, where: string): Set<string> {
  if (!Array.isArray(codes) || !codes.every((code) => typeof code === "string")) {
    throw new ScoringInputError(`${where} must be a list of ISO country codes`);
  }
  return new Set(codes.map((code: string) => code.trim().toUpperCase()));
}

function addTo(
  map: Map<string, AdequacyDecisionRef[]>,
  code: string,
  decision: AdequacyDecisionRef,
): void {
  const list = map.get(code);
  if (list) list.push(decision);
  else map.set(code, [decision]);
}

/**
 * Validates the reference data and indexes the decisions in force on `asOf` (YYYY-MM-DD;
 * validFrom ≤ asOf ≤ validUntil, both inclusive). Throws ScoringInputError with the offending place.
 */
export function prepareResidencyReference(
  reference: ResidencyReference,
  asOf: string,
  names: { euEea: string; adequacy: string } = {
    euEea: "reference.euEea",
    adequacy: "reference.adequacy",
  },
): PreparedResidencyReference {
  if (!isRecord(reference)) throw new ScoringInputError("reference must be an object");
  const asOfDay = typeof asOf === "string" ? parseIsoDay(asOf) : null;
  if (asOfDay === null) {
    throw new ScoringInputError(`asOf must be a date YYYY-MM-DD, got ${String(asOf)}`);
  }
  const euEea = codeList(reference.euEea, names.euEea);
  if (!Array.isArray(reference.adequacy)) {
    throw new ScoringInputError(`${names.adequacy} must be a list of adequacy decisions`);
  }
  const inForce = new Map<string, AdequacyDecisionRef[]>();
  const notInForce = new Map<string, AdequacyDecisionRef[]>();
  reference.adequacy.forEach((decision: unknown, index) => {
    const at = `${names.adequacy}[${index}]`;
    if (!isRecord(decision)) throw new ScoringInputError(`${at} must be an object`);
    const code = typeof decision.code === "string" ? decision.code.trim().toUpperCase() : "";
    if (!COUNTRY_CODE.test(code)) {
      throw new ScoringInputError(`${at}.code must be an ISO 3166-1 alpha-2 code`);
    }
    if (!(ADEQUACY_SCOPES as readonly unknown[]).includes(decision.scope)) {
      throw new ScoringInputError(`${at}.scope must be one of ${ADEQUACY_SCOPES.join(", ")}`);
    }
    const from = typeof decision.validFrom === "string" ? parseIsoDay(decision.validFrom) : null;
    if (from === null) throw new ScoringInputError(`${at}.validFrom must be a date YYYY-MM-DD`);
    let until: number | null = null;
    if (decision.validUntil !== undefined) {
      until = typeof decision.validUntil === "string" ? parseIsoDay(decision.validUntil) : null;
      if (until === null || until < from) {
        throw new ScoringInputError(
          `${at}.validUntil must be a date YYYY-MM-DD on or after validFrom`,
        );
      }
    }
    if (decision.scopeNote !== undefined && typeof decision.scopeNote !== "string") {
      throw new ScoringInputError(`${at}.scopeNote must be a string`);
    }
    const normalized: AdequacyDecisionRef = {
      code,
      scope: decision.scope as AdequacyDecisionRef["scope"],
      validFrom: decision.validFrom as string,
      ...(decision.validUntil !== undefined ? { validUntil: decision.validUntil as string } : {}),
      ...(decision.scopeNote ? { scopeNote: decision.scopeNote } : {}),
    };
    const valid = from <= asOfDay && (until === null || asOfDay <= until);
    addTo(valid ? inForce : notInForce, code, normalized);
  });
  return { euEea, inForce, notInForce, asOf };
}

/**
 * Reference data from plain code lists (method 1.0.0 style `adequacyCountries`): every listed
 * country has a whole-country decision with no dates to check.
 */
export function residencyReferenceFromCodes(
  euEeaCountries: unknown,
  adequacyCountries: unknown,
): PreparedResidencyReference {
  const euEea = codeList(euEeaCountries, "options.euEeaCountries");
  const inForce = new Map<string, AdequacyDecisionRef[]>();
  for (const code of codeList(adequacyCountries ?? [], "options.adequacyCountries")) {
    addTo(inForce, code, { code, scope: "whole", validFrom: "0000-01-01" });
  }
  return { euEea, inForce, notInForce: new Map(), asOf: null };
}

/** Checks the structure of the flows; throws ScoringInputError naming the offending flow and field. */
export function validateResidencyFlows(flows: unknown, where = "residencyFlows"): ResidencyFlow[] {
  if (!Array.isArray(flows)) throw new ScoringInputError(`${where} must be a list`);
  flows.forEach((flow: unknown, index) => {
    const at = `${where}[${index}]`;
    if (!isRecord(flow)) throw new ScoringInputError(`${at} must be an object`);
    if (!(RESIDENCY_FLOW_KINDS as readonly unknown[]).includes(flow.kind)) {
      throw new ScoringInputError(`${at}.kind must be one of ${RESIDENCY_FLOW_KINDS.join(", ")}`);
    }
    if (typeof flow.label !== "string") throw new ScoringInputError(`${at}.label must be text`);
    if (typeof flow.country !== "string") {
      throw new ScoringInputError(`${at}.country must be an ISO country code or "unknown"`);
    }
    if (
      flow.safeguard !== undefined &&
      !(TRANSFER_SAFEGUARDS as readonly unknown[]).includes(flow.safeguard)
    ) {
      throw new ScoringInputError(
        `${at}.safeguard must be one of ${TRANSFER_SAFEGUARDS.join(", ")}`,
      );
    }
    validateRecipient(flow.recipient, `${at}.recipient`);
  });
  return flows as ResidencyFlow[];
}

/** Checks an optional recipient: an object whose dpfCertified/commercial, when present, are booleans. */
export function validateRecipient(recipient: unknown, where: string): void {
  if (recipient === undefined) return;
  if (
    !isRecord(recipient) ||
    (recipient.dpfCertified !== undefined && typeof recipient.dpfCertified !== "boolean") ||
    (recipient.commercial !== undefined && typeof recipient.commercial !== "boolean")
  ) {
    throw new ScoringInputError(
      `${where} must be { dpfCertified?: boolean, commercial?: boolean }`,
    );
  }
}

export interface CountryClassification {
  class: ResidencyRatingClass;
  /** Upper-cased code or "unknown". */
  country: string;
  /** e.g. "US: third country (the adequacy decision covers only DPF-certified recipients); safeguard SCC". */
  reason: string;
}

function scopeCovers(decision: AdequacyDecisionRef, recipient: FlowRecipient | undefined): boolean {
  switch (decision.scope) {
    case "whole":
      return true;
    case "dpf_certified_only":
      return recipient?.dpfCertified === true;
    case "commercial_only":
      return recipient?.commercial === true;
  }
}

function scopeKindText(decision: AdequacyDecisionRef): string {
  switch (decision.scope) {
    case "whole":
      return "whole country";
    case "dpf_certified_only":
      return "DPF-certified recipients only";
    case "commercial_only":
      return "commercial organisations only";
  }
}

/** The scope in words; with the decision's own scope note where it limits the decision. */
function scopeText(decision: AdequacyDecisionRef): string {
  const kind = scopeKindText(decision);
  return decision.scopeNote ? `${kind}: ${decision.scopeNote}` : kind;
}

function validityText(decision: AdequacyDecisionRef): string {
  return decision.validUntil
    ? `valid ${decision.validFrom} to ${decision.validUntil}`
    : `valid from ${decision.validFrom}`;
}

/** Classifies one destination country for a recipient and safeguard. Never throws. */
export function classifyCountry(
  rawCountry: string,
  safeguard: TransferSafeguard | undefined,
  recipient: FlowRecipient | undefined,
  reference: PreparedResidencyReference,
): CountryClassification {
  const trimmed = rawCountry.trim();
  if (trimmed.toLowerCase() === "unknown" || trimmed === "") {
    return { class: "unknown", country: "unknown", reason: "country unknown" };
  }
  const code = trimmed.toUpperCase();
  if (!COUNTRY_CODE.test(code)) {
    const shown = trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed;
    return {
      class: "unknown",
      country: "unknown",
      reason: `'${shown}' is not an ISO country code`,
    };
  }
  if (reference.euEea.has(code))
    return { class: "eu_eea", country: code, reason: `${code}: in the EU/EEA` };

  const notes: string[] = [];
  const inForce = reference.inForce.get(code);
  if (inForce) {
    for (const decision of inForce) {
      if (scopeCovers(decision, recipient)) {
        const on = reference.asOf ? ` in force on ${reference.asOf}` : "";
        return {
          class: "adequacy",
          country: code,
          reason: `${code}: adequacy decision (${scopeText(decision)})${on}`,
        };
      }
      notes.push(`the adequacy decision covers ${scopeText(decision)}`);
    }
  }
  for (const decision of reference.notInForce.get(code) ?? []) {
    notes.push(`adequacy decision ${validityText(decision)}, not in force on ${reference.asOf}`);
  }
  const context = notes.length > 0 ? ` (${notes.join("; ")})` : "";
  switch (safeguard) {
    case "scc":
    case "bcr":
      return {
        class: "third_country_safeguards",
        country: code,
        reason: `${code}: third country${context}; safeguard ${safeguard.toUpperCase()}`,
      };
    case "unknown":
      return {
        class: "unknown",
        country: code,
        reason: `${code}: third country${context}; safeguard unknown`,
      };
    case "none":
      return {
        class: "third_country_no_safeguards",
        country: code,
        reason: `${code}: third country${context}; no safeguard`,
      };
    case undefined:
      return {
        class: "third_country_no_safeguards",
        country: code,
        reason: `${code}: third country${context}; no safeguard declared`,
      };
  }
}

function describeFlow(flow: ResidencyFlowResult): string {
  const label = flow.label === "" ? "" : ` '${flow.label}'`;
  return `${flow.kind}${label} (${flow.country})`;
}

/** Rates already validated flows against prepared reference data. */
export function rateResidencyPrepared(
  flows: readonly ResidencyFlow[],
  reference: PreparedResidencyReference,
): ResidencyResult {
  const counts: Record<ResidencyRatingClass, number> = {
    eu_eea: 0,
    adequacy: 0,
    third_country_safeguards: 0,
    third_country_no_safeguards: 0,
    unknown: 0,
  };
  const results: ResidencyFlowResult[] = flows.map((flow, index) => {
    const classified = classifyCountry(flow.country, flow.safeguard, flow.recipient, reference);
    counts[classified.class] += 1;
    return {
      index,
      kind: flow.kind,
      label: flow.label,
      country: classified.country,
      class: classified.class,
      points: RESIDENCY_CLASS_POINTS[classified.class],
      reason: classified.reason,
    };
  });
  if (results.length === 0) {
    return {
      rating: "unknown",
      points: RESIDENCY_CLASS_POINTS.unknown,
      ratingOfKnownFlows: null,
      reason: "no data flows declared → unknown",
      setBy: [],
      counts,
      flows: results,
    };
  }
  let rating: ResidencyRatingClass = "eu_eea";
  let ratingOfKnownFlows: ResidencyRatingClass | null = null;
  for (const flow of results) {
    rating = worseResidencyClass(rating, flow.class);
    if (flow.class !== "unknown") {
      ratingOfKnownFlows =
        ratingOfKnownFlows === null
          ? flow.class
          : worseResidencyClass(ratingOfKnownFlows, flow.class);
    }
  }
  const setters = results.filter((flow) => flow.class === rating);
  const shown = setters.slice(0, 5).map(describeFlow).join(", ");
  const more = setters.length > 5 ? ` and ${setters.length - 5} more` : "";
  const by =
    setters.length === 1 ? `set by ${shown}` : `set by ${setters.length} flows: ${shown}${more}`;
  const known =
    rating === "unknown" && ratingOfKnownFlows !== null
      ? `; the known flows rate ${CLASS_LABEL[ratingOfKnownFlows]}`
      : "";
  return {
    rating,
    points: RESIDENCY_CLASS_POINTS[rating],
    ratingOfKnownFlows,
    reason: `${CLASS_LABEL[rating]}, ${by}${known}`,
    setBy: setters.map((flow) => flow.index),
    counts,
    flows: results,
  };
}

/**
 * Rates a product's data flows on `asOf` (YYYY-MM-DD): every flow gets a class and a reason; the
 * product gets the worst class and the flows that set it. Throws ScoringInputError for malformed
 * flows or reference data; a country that is not an ISO code is rated "unknown", never an error.
 */
export function rateResidency(
  flows: ResidencyFlow[],
  reference: ResidencyReference,
  asOf: string,
): ResidencyResult {
  const prepared = prepareResidencyReference(reference, asOf);
  return rateResidencyPrepared(validateResidencyFlows(flows, "flows"), prepared);
}
