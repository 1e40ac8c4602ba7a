import { auth } from "./auth";
import { common } from "./common";
import { admin } from "./admin";
import { assessments } from "./assessments";
import { audit } from "./audit";
import { portal } from "./portal";
import { vendors } from "./vendors";
import { weights } from "./weights";
import { clarifications } from "./clarifications";
import { mail } from "./mail";
import { access } from "./access";
import { evidence } from "./evidence";
import { templates } from "./templates";
import { reports } from "./reports";
import { review } from "./review";
import { verify } from "./verify";
import { portfolio } from "./portfolio";
import { compare } from "./compare";
import { signing } from "./signing";
import { errors } from "./errors";
import { answers } from "./answers";
import { templateErrors } from "./template-errors";
import { frameworkImport } from "./framework-import";
import { provisionLinks } from "./provision-links";
import { regulationChanges } from "./regulation-changes";
import { impact } from "./impact";
import { reReview } from "./re-review";
import { notifications } from "./notifications";
import { assessmentTabs } from "./assessment-tabs";
import { explain } from "./explain";
import { templateReader } from "./template-reader";
import { home } from "./home";
import { portalFinish } from "./portal-finish";
import { ui } from "./ui";

/** English is the reference dictionary: every other language has exactly these keys. */
export const en = {
  common,
  auth,
  vendors,
  assessments,
  portal,
  admin,
  audit,
  weights,
  mail,
  clarifications,
  access,
  evidence,
  templates,
  reports,
  review,
  verify,
  portfolio,
  compare,
  signing,
  errors,
  answers,
  templateErrors,
  frameworkImport,
  provisionLinks,
  regulationChanges,
  impact,
  reReview,
  notifications,
  assessmentTabs,
  explain,
  templateReader,
  home,
  portalFinish,
  ui,
};
export type Messages = {
  [N in keyof typeof en]: { [K in keyof (typeof en)[N]]: string };
};
