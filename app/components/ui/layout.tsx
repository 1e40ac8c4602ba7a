import type { ReactNode } from "react";

export function PageHeader({
  title,
  actions,
  children,
}: {
  title: ReactNode;
  actions?: ReactNode;
  children?: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-wrap items-start justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold text-slate-900">{title}</h1>
        {children ? <div className="mt-1 text-sm text-slate-600">{children}</div> : null}
      </div>
      {actions ? <div className="flex gap-2">{actions}</div> : null}
    </div>
  );
}

/** A card; `level={1}` when the card is the whole page and its title is the page's heading. */
export function Card({
  title,
  children,
  className = "",
  level = 2,
}: {
  title?: ReactNode;
  children: ReactNode;
  className?: string;
  level?: 1 | 2;
}) {
  const Heading = level === 1 ? "h1" : "h2";
  return (
    <section className={`rounded-lg border border-slate-200 bg-white p-5 shadow-sm ${className}`}>
      {title ? (
        <Heading className="mb-3 text-lg font-semibold text-slate-900">{title}</Heading>
      ) : null}
      {children}
    </section>
  );
}

const ALERT = {
  info: "border-blue-200 bg-blue-50 text-blue-900",
  success: "border-green-200 bg-green-50 text-green-900",
  warning: "border-amber-200 bg-amber-50 text-amber-900",
  error: "border-red-200 bg-red-50 text-red-900",
} as const;

export function Alert({
  tone = "info",
  children,
}: {
  tone?: keyof typeof ALERT;
  children: ReactNode;
}) {
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      className={`rounded-md border p-3 text-sm ${ALERT[tone]}`}
    >
      {children}
    </div>
  );
}
