import { ADEQUACY_CHANGES, ADEQUACY_INSTRUMENTS } from "./adequacy";
import { AI_ACT, AI_ACT_CHANGES } from "./ai-act";
import { BSI_AIC4, BSI_C5, BSI_CHANGES } from "./bsi-standards";
import { DIGITAL_OMNIBUS_CHANGES } from "./digital-omnibus";
import {
  CYBER_RESILIENCE_ACT,
  DATA_ACT,
  DORA,
  GDPR,
  NIS2,
  NIS2_IMPLEMENTING_REGULATION,
  STANDARD_CONTRACTUAL_CLAUSES,
} from "./eu-acts";
import { BDSG, CJEU_C_34_21, GERMAN_CHANGES, GERMAN_NIS2_ACT } from "./german-acts";
import { REFERENCED_INSTRUMENTS } from "./referenced-instruments";
import type { RegulationSnapshot } from "./snapshot-types";

/**
 * The bundled regulation catalogue, loaded into the database at start (idempotently: a version
 * once written never changes; a corrected fact is a new version or a new change event). The
 * snapshot date says how current it is: nothing after it has been checked.
 */
export const REGULATION_SNAPSHOT: RegulationSnapshot = {
  snapshotDate: "2026-12-07",
  instruments: [
    GDPR,
    AI_ACT,
    NIS2,
    NIS2_IMPLEMENTING_REGULATION,
    GERMAN_NIS2_ACT,
    DORA,
    DATA_ACT,
    CYBER_RESILIENCE_ACT,
    STANDARD_CONTRACTUAL_CLAUSES,
    ...ADEQUACY_INSTRUMENTS,
    BDSG,
    CJEU_C_34_21,
    BSI_C5,
    BSI_AIC4,
    ...REFERENCED_INSTRUMENTS,
  ],
  changeEvents: [
    ...AI_ACT_CHANGES,
    ...DIGITAL_OMNIBUS_CHANGES,
    ...ADEQUACY_CHANGES,
    ...GERMAN_CHANGES,
    ...BSI_CHANGES,
  ],
};

export type * from "./snapshot-types";
