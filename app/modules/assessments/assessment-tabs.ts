/**
 * The tabs of the assessment page (issue 15 item 4). A tab is a link (`?tab=answers`), so the page
 * works without JavaScript; forms carry their tab in the URL they post to (`?tab=findings`) and
 * the server sends the browser back there. Pure: the route, the review and clarification routes
 * and the components share it.
 */
export const ASSESSMENT_TABS = [
  "overview",
  "answers",
  "findings",
  "conversation",
  "vendor-access",
  "decision",
  "reports",
] as const;
export type AssessmentTab = (typeof ASSESSMENT_TABS)[number];

/** The query parameter that names the tab. */
export const TAB_PARAM = "tab";

export function isAssessmentTab(value: unknown): value is AssessmentTab {
  return (ASSESSMENT_TABS as readonly unknown[]).includes(value);
}

/** The tab a value names; anything else (missing, unknown, a typo) is the overview. */
export function parseAssessmentTab(value: unknown): AssessmentTab {
  return isAssessmentTab(value) ? value : "overview";
}

/** The tab a URL's query names, or null when it names none or an unknown one. */
export function requestedTabOf(url: string | URL): AssessmentTab | null {
  const value = new URL(url, "http://localhost").searchParams.get(TAB_PARAM);
  return isAssessmentTab(value) ? value : null;
}

/** The tab named in a URL's query (`?tab=`), the overview when none or an unknown one is named. */
export function tabOfUrl(url: string | URL): AssessmentTab {
  return requestedTabOf(url) ?? "overview";
}

/**
 * The query parameter that unfolds one closed form (`?tab=decision&open=decide`): a link that
 * opens the form without JavaScript. Its value is the form's anchor id.
 */
export const OPEN_FORM_PARAM = "open";

/**
 * The page address of one tab (the overview has the bare address), with an optional anchor and
 * a form to unfold (`opens`, which is also the anchor then).
 */
export function assessmentTabHref(
  assessmentId: string,
  tab: AssessmentTab,
  anchor?: string,
  opens?: string,
) {
  const base = `/assessments/${encodeURIComponent(assessmentId)}`;
  const params = new URLSearchParams();
  if (tab !== "overview") params.set(TAB_PARAM, tab);
  if (opens) params.set(OPEN_FORM_PARAM, opens);
  const query = params.size > 0 ? `?${params.toString()}` : "";
  const hash = anchor ?? opens;
  return `${base}${query}${hash ? `#${encodeURIComponent(hash)}` : ""}`;
}

/** Where a form of the given tab posts: a route of the assessment page, carrying the tab. */
export function formActionFor(
  assessmentId: string,
  tab: AssessmentTab,
  route: "" | "review" | "clarifications" = "",
) {
  const path = `/assessments/${encodeURIComponent(assessmentId)}${route ? `/${route}` : ""}`;
  return `${path}?${TAB_PARAM}=${tab}`;
}
