import { Link } from "@remix-run/react";
import { StatusBadge } from "~/components/assessment-badges";
import { PageHeader } from "~/components/ui/layout";
import {
  RECENT_DECISION_DAYS,
  type HomeAuditChain,
  type HomeGroup,
  type HomeItem,
  type HomePage,
  type HomeSection,
  type HomeSectionId,
  type HomeText,
} from "~/modules/home/home-types";
import { CONDITION_DUE_WITHIN_DAYS } from "~/modules/assessments/assessment-list-filters";
import { HOME_CERTIFICATE_WINDOW_DAYS } from "~/modules/portfolio/certificate-expiry";
import { labelKey, type MessageKey } from "~/utils/i18n";
import { useT } from "~/utils/use-t";

/** Days named in section titles; the modules count with the same constants. */
const TITLE_PARAMS: Partial<Record<HomeSectionId, { days: number }>> = {
  conditionsDue: { days: CONDITION_DUE_WITHIN_DAYS },
  certificatesExpiring: { days: HOME_CERTIFICATE_WINDOW_DAYS },
  recentDecisions: { days: RECENT_DECISION_DAYS },
};

/**
 * The "my work" inbox: one card per section with its count (a link to the filtered list), the
 * first few items and a friendly empty state. One column on a phone, two or three on a desktop.
 */
export function HomePageView({ page, canDecide }: { page: HomePage; canDecide: boolean }) {
  const { t } = useT();
  return (
    <div>
      <PageHeader title={t("home.pageTitle")}>{t("home.intro")}</PageHeader>
      <div className="space-y-8">
        {page.groups.map((group) => (
          <HomeGroupView
            key={group.id}
            group={group}
            canDecide={canDecide}
            auditChain={group.id === "audit" ? page.auditChain : null}
          />
        ))}
      </div>
    </div>
  );
}

function HomeGroupView({
  group,
  canDecide,
  auditChain,
}: {
  group: HomeGroup;
  canDecide: boolean;
  auditChain: HomeAuditChain | null;
}) {
  const { t } = useT();
  const headingId = `home-group-${group.id}`;
  const groupTitle = labelKey("home.group", group.id);
  return (
    <section aria-labelledby={headingId} data-testid={`home-group-${group.id}`}>
      <h2 id={headingId} className="mb-3 text-lg font-semibold text-slate-900">
        {groupTitle ? t(groupTitle) : null}
      </h2>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-3">
        {group.sections.map((section) => (
          <HomeSectionCard key={section.id} section={section} canDecide={canDecide} />
        ))}
        {auditChain ? <AuditChainCard chain={auditChain} /> : null}
      </div>
    </section>
  );
}

function sectionTitleKey(section: HomeSection, canDecide: boolean): MessageKey | undefined {
  if (section.id === "awaitingDecision" && canDecide) return "home.sectionawaitingYourDecision";
  return labelKey("home.section", section.id);
}

function HomeSectionCard({ section, canDecide }: { section: HomeSection; canDecide: boolean }) {
  const { t, number } = useT();
  const key = sectionTitleKey(section, canDecide);
  const title = key ? t(key, TITLE_PARAMS[section.id]) : "";
  const headingId = `home-section-${section.id}`;
  return (
    <section
      aria-labelledby={headingId}
      data-testid={`home-section-${section.id}`}
      className="flex min-w-0 flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <div className="mb-2 flex items-start justify-between gap-3">
        <h3 id={headingId} className="text-base font-semibold text-slate-900">
          {title}
        </h3>
        <Link
          to={section.href}
          aria-label={t("home.openList", { count: number(section.count), section: title })}
          data-testid="home-count"
          className={`shrink-0 rounded-full px-3 py-0.5 text-sm font-semibold tabular-nums underline-offset-2 hover:underline focus-visible:outline focus-visible:outline-2 focus-visible:outline-brand-600 ${
            section.count > 0 ? "bg-brand-50 text-brand-900" : "bg-slate-100 text-slate-700"
          }`}
        >
          {number(section.count)}
        </Link>
      </div>
      {section.items.length === 0 ? (
        <p className="text-sm text-slate-600">{t("home.empty")}</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {section.items.map((item) => (
            <HomeItemRow key={item.key} item={item} />
          ))}
        </ul>
      )}
      {section.count > section.items.length ? (
        <p className="mt-2 text-sm">
          <Link to={section.href} className="text-brand-700 underline">
            {t("home.more", { count: number(section.count) })}
          </Link>
        </p>
      ) : null}
    </section>
  );
}

function HomeItemRow({ item }: { item: HomeItem }) {
  const { t, date, locale } = useT();
  const text = (value: HomeText) => (typeof value === "string" ? value : value[locale]);
  const dateKey = labelKey("home.date", item.dateKind);
  return (
    <li className="py-2 text-sm" data-testid="home-item">
      <Link to={item.href} className="font-medium break-words text-brand-700 underline">
        {text(item.title)}
      </Link>
      <div className="mt-0.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-slate-600">
        {item.detail ? <span className="break-words">{text(item.detail)}</span> : null}
        {item.date && dateKey ? <span>{t(dateKey, { date: date(item.date) })}</span> : null}
        {item.status ? <StatusBadge status={item.status} /> : null}
      </div>
    </li>
  );
}

function AuditChainCard({ chain }: { chain: HomeAuditChain }) {
  const { t, date, number } = useT();
  return (
    <section
      aria-labelledby="home-audit-chain"
      data-testid="home-audit-chain"
      className="flex min-w-0 flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
    >
      <h3 id="home-audit-chain" className="mb-2 text-base font-semibold text-slate-900">
        {t("home.chainTitle")}
      </h3>
      {chain.state === "empty" ? (
        <p className="text-sm text-slate-600">{t("home.chainEmpty")}</p>
      ) : chain.state === "intact" ? (
        <p className="text-sm text-green-800">
          {t("home.chainIntact", {
            checked: number(chain.checkedEvents),
            head: chain.headSeq,
            date: date(chain.lastEventAt, true),
          })}
        </p>
      ) : (
        <p className="text-sm font-medium text-red-800">
          {chain.brokenSeq !== null
            ? t("home.chainBroken", { seq: chain.brokenSeq })
            : t("home.chainCheckpointBroken", { seq: chain.checkpointSeq ?? 0 })}
        </p>
      )}
      <p className="mt-2 text-sm">
        <Link to="/audit" className="text-brand-700 underline">
          {t("home.chainFullCheck")}
        </Link>
      </p>
    </section>
  );
}
