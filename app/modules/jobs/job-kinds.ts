/** The closed set of job kinds; each has a handler in job-handlers.server.ts. */
export const JOB_KINDS = ["mail.send", "reminder.send", "regulations.daily"] as const;
export type JobKind = (typeof JOB_KINDS)[number];

export function isJobKind(kind: string): kind is JobKind {
  return (JOB_KINDS as readonly string[]).includes(kind);
}
