import { getEnv } from "../../utils/env.server";

/** The absolute address of an assessment for mails: recipients open it straight from the mail. */
export function assessmentUrl(assessmentId: string): string {
  return `${getEnv().APP_URL}/assessments/${assessmentId}`;
}
