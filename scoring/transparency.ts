// Transparency index, counted the way the Foundation Model Transparency Index (FMTI) counts:
// every indicator is binary (satisfied or not, by an explicit award rule); the index score is the
// number of indicators satisfied, with subtotals per domain and subdomain. Pure.

import {
  COUNTRIES_ANSWER_TOKENS,
  RESERVED_ANSWER_VALUES,
  ScoringInputError,
  YES_NO_VALUES,
  type IndicatorCounts,
  type ScoringIndicator,
  type ScoringQuestion,
  type SubdomainCount,
  type DomainCount,
} from "./types";
import { isRecord } from "./validate-template";

/** One indicator as the counting needs it (also what the FMTI importer passes in). */
export interface CountableIndicator {
  domain: string;
  subdomain: string;
  satisfied: boolean;
}

/**
 * Counts indicators like the FMTI: `satisfied` = number satisfied (the index score), `total` =
 * number of indicators, per domain and per subdomain. Domains and subdomains keep the order in
 * which they first appear.
 */
export function countIndicators(indicators: readonly CountableIndicator[]): IndicatorCounts {
  const domains: Array<DomainCount & { index: Map<string, SubdomainCount> }> = [];
  const byName = new Map<string, DomainCount & { index: Map<string, SubdomainCount> }>();
  let satisfied = 0;
  for (const indicator of indicators) {
    let domain = byName.get(indicator.domain);
    if (!domain) {
      domain = {
        domain: indicator.domain,
        satisfied: 0,
        total: 0,
        subdomains: [],
        index: new Map(),
      };
      byName.set(indicator.domain, domain);
      domains.push(domain);
    }
    let subdomain = domain.index.get(indicator.subdomain);
    if (!subdomain) {
      subdomain = { subdomain: indicator.subdomain, satisfied: 0, total: 0 };
      domain.index.set(indicator.subdomain, subdomain);
      domain.subdomains.push(subdomain);
    }
    domain.total += 1;
    subdomain.total += 1;
    if (indicator.satisfied === true) {
      satisfied += 1;
      domain.satisfied += 1;
      subdomain.satisfied += 1;
    }
  }
  return {
    satisfied,
    total: indicators.length,
    byDomain: domains.map(({ domain, satisfied: count, total, subdomains }) => ({
      domain,
      satisfied: count,
      total,
      subdomains,
    })),
  };
}

const COUNTRY_CODE = /^[A-Z]{2}$/;

/** Which award values a question of this type can produce; null when the type cannot carry an indicator. */
function awardValueCheck(question: ScoringQuestion): ((value: string) => boolean) | null {
  const reserved = (value: string) => (RESERVED_ANSWER_VALUES as readonly string[]).includes(value);
  switch (question.type) {
    case "yes_no":
      return (value) => (YES_NO_VALUES as readonly string[]).includes(value);
    case "single_choice":
    case "multi_choice": {
      const options = new Set((question.options ?? []).map((option) => option.value));
      return (value) => options.has(value) || reserved(value);
    }
    case "countries":
      return (value) =>
        COUNTRY_CODE.test(value) || COUNTRIES_ANSWER_TOKENS.includes(value) || reserved(value);
    case "number":
    case "date":
    case "text":
      return null;
  }
}

/** Checks a question's indicator; throws ScoringInputError naming the place. */
export function validateIndicator(question: ScoringQuestion, where: string): void {
  const indicator: unknown = question.indicator;
  if (indicator === undefined) return;
  const at = `${where}.indicator`;
  if (!isRecord(indicator)) throw new ScoringInputError(`${at} must be an object`);
  for (const field of ["domain", "subdomain"] as const) {
    const value = indicator[field];
    if (typeof value !== "string" || value.trim() === "") {
      throw new ScoringInputError(`${at}.${field} must be a non-empty string`);
    }
  }
  if (
    indicator.rule !== undefined &&
    (typeof indicator.rule !== "string" || indicator.rule.trim() === "")
  ) {
    throw new ScoringInputError(`${at}.rule must be a non-empty string when given`);
  }
  const check = awardValueCheck(question);
  if (!check) {
    throw new ScoringInputError(
      `${at}: indicators need a yes_no, single_choice, multi_choice or countries question`,
    );
  }
  const awardWhen = indicator.awardWhen;
  if (!Array.isArray(awardWhen) || awardWhen.length === 0) {
    throw new ScoringInputError(`${at}.awardWhen must list at least one answer value`);
  }
  awardWhen.forEach((value: unknown, index) => {
    if (typeof value !== "string" || !check(value)) {
      throw new ScoringInputError(
        `${at}.awardWhen[${index}]: ${JSON.stringify(value) ?? String(value)} is not an answer value of this ${question.type} question`,
      );
    }
  });
}

function quoted(values: readonly string[]): string {
  return values.map((value) => `'${value}'`).join(", ");
}

/** The award rule in words: the indicator's own `rule`, or one generated from `awardWhen`. */
export function indicatorRule(question: ScoringQuestion, indicator: ScoringIndicator): string {
  if (indicator.rule !== undefined) return indicator.rule.trim();
  const values = indicator.awardWhen;
  const which = values.length === 1 ? `is ${quoted(values)}` : `is one of ${quoted(values)}`;
  switch (question.type) {
    case "multi_choice":
      return `awarded when a selected option ${which}`;
    case "countries":
      return `awarded when a listed country or its residency class ${which}`;
    default:
      return `awarded when the answer ${which}`;
  }
}

/** The grouping of a template's indicators, worked out once (domains/subdomains in order of first appearance). */
export interface TransparencyPlan {
  /** Per indicator (template order): flat question index, domain index and subdomain index (over all subdomains). */
  questionIndex: Int32Array;
  domainOf: Int32Array;
  subdomainOf: Int32Array;
  domains: Array<{ domain: string; subdomains: number[] }>;
  /** Subdomain names by subdomain index. */
  subdomainNames: string[];
}

/** Groups indicators the way countIndicators does, once per template. */
export function planTransparency(
  indicators: ReadonlyArray<{ questionIndex: number; domain: string; subdomain: string }>,
): TransparencyPlan {
  const plan: TransparencyPlan = {
    questionIndex: new Int32Array(indicators.length),
    domainOf: new Int32Array(indicators.length),
    subdomainOf: new Int32Array(indicators.length),
    domains: [],
    subdomainNames: [],
  };
  const domainIndex = new Map<string, { index: number; subdomains: Map<string, number> }>();
  indicators.forEach((indicator, k) => {
    let domain = domainIndex.get(indicator.domain);
    if (!domain) {
      domain = { index: plan.domains.length, subdomains: new Map() };
      domainIndex.set(indicator.domain, domain);
      plan.domains.push({ domain: indicator.domain, subdomains: [] });
    }
    let subdomain = domain.subdomains.get(indicator.subdomain);
    if (subdomain === undefined) {
      subdomain = plan.subdomainNames.length;
      domain.subdomains.set(indicator.subdomain, subdomain);
      plan.subdomainNames.push(indicator.subdomain);
      plan.domains[domain.index]!.subdomains.push(subdomain);
    }
    plan.questionIndex[k] = indicator.questionIndex;
    plan.domainOf[k] = domain.index;
    plan.subdomainOf[k] = subdomain;
  });
  return plan;
}

/** Same result as countIndicators for the planned indicators, given which are satisfied (plan order). */
export function countPlannedIndicators(
  plan: TransparencyPlan,
  satisfied: readonly boolean[],
): IndicatorCounts {
  const domainCount = plan.domains.length;
  const subdomainCount = plan.subdomainNames.length;
  // [domain satisfied…, domain total…, subdomain satisfied…, subdomain total…]: one small plain array.
  const counts = new Array<number>(2 * (domainCount + subdomainCount)).fill(0);
  const subdomainBase = 2 * domainCount;
  let total = 0;
  for (let k = 0; k < satisfied.length; k++) {
    const domain = plan.domainOf[k]!;
    const subdomain = subdomainBase + plan.subdomainOf[k]!;
    counts[domainCount + domain]! += 1;
    counts[subdomainCount + subdomain]! += 1;
    if (satisfied[k] === true) {
      total += 1;
      counts[domain]! += 1;
      counts[subdomain]! += 1;
    }
  }
  return {
    satisfied: total,
    total: satisfied.length,
    byDomain: plan.domains.map((domain, d) => ({
      domain: domain.domain,
      satisfied: counts[d]!,
      total: counts[domainCount + d]!,
      subdomains: domain.subdomains.map((s) => ({
        subdomain: plan.subdomainNames[s]!,
        satisfied: counts[subdomainBase + s]!,
        total: counts[subdomainBase + subdomainCount + s]!,
      })),
    })),
  };
}
