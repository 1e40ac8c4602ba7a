import { db, type Db, type Tx } from "../../utils/db.server";
import { requireEntityId } from "../../utils/entity-id";
import { DomainError } from "../../utils/errors";
import { validationError } from "../../utils/validation-messages";
import { inTransaction } from "../../utils/transaction.server";
import { recordAuditEvent } from "../audit/record-audit-event.server";
import type { UserActor } from "../auth/actor";
import {
  parseStoredWeights,
  weightProfileInputSchema,
  type ParsedWeightProfileInput,
  type WeightProfileInput,
} from "./weight-profile-schema";
import { assertCan } from "../../utils/permissions";

function requireAdmin(actor: UserActor): void {
  assertCan(actor, "weight-profile:manage", "errors.weightsForbidden");
}

export async function listWeightProfiles(actor: UserActor) {
  const rows = await db().weightProfile.findMany({
    where: { organizationId: actor.organizationId },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      description: true,
      weights: true,
      isDefault: true,
      version: true,
      updatedAt: true,
    },
  });
  return rows.map((row) => ({ ...row, weights: parseStoredWeights(row.weights) }));
}

/**
 * The organisation's profiles by name, id and name only: what the comparison's profile picker
 * shows. Plain SQL (every view of the comparison runs it; the query builder compiles each call
 * anew), without the stored weights that listWeightProfiles() parses.
 */
export async function listWeightProfileNames(
  actor: UserActor,
): Promise<{ id: string; name: string }[]> {
  return db().$queryRaw<{ id: string; name: string }[]>`
    SELECT "id", "name" FROM "WeightProfile" WHERE "organizationId" = ${actor.organizationId} ORDER BY "name" ASC, "id" ASC`;
}

export async function getWeightProfile(actor: UserActor, rawProfileId: string) {
  const profileId = requireEntityId(rawProfileId, "Weight profile");
  const row = await db().weightProfile.findFirst({
    where: { id: profileId, organizationId: actor.organizationId },
    select: {
      id: true,
      name: true,
      description: true,
      weights: true,
      isDefault: true,
      version: true,
    },
  });
  if (!row) throw new DomainError("NOT_FOUND", "errors.weightProfileNotFound");
  return { ...row, weights: parseStoredWeights(row.weights) };
}

/** The organisation's default profile (what new scores use), or null for the template's own weights. */
export async function defaultWeightProfile(organizationId: string, client: Tx | Db = db()) {
  const row = await client.weightProfile.findFirst({
    where: { organizationId, isDefault: true },
    select: { id: true, name: true, weights: true, version: true },
  });
  return row ? { ...row, weights: parseStoredWeights(row.weights) } : null;
}

/** Parsed again here (idempotent): the name is stored cleaned whoever calls. */
function parseProfileInput(input: WeightProfileInput): ParsedWeightProfileInput {
  const parsed = weightProfileInputSchema.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  return parsed.data;
}

export async function createWeightProfile(actor: UserActor, rawInput: WeightProfileInput) {
  const input = parseProfileInput(rawInput);
  requireAdmin(actor);
  return inTransaction(async (tx) => {
    const clash = await tx.weightProfile.findFirst({
      where: { organizationId: actor.organizationId, name: input.name },
      select: { id: true },
    });
    if (clash) throw new DomainError("CONFLICT", "weights.nameTaken");
    const profile = await tx.weightProfile.create({
      data: {
        organizationId: actor.organizationId,
        name: input.name,
        description: input.description ?? null,
        weights: JSON.stringify(input.weights),
      },
    });
    await recordAuditEvent(tx, actor, {
      action: "weights.profile_created",
      target: { type: "weight_profile", id: profile.id },
      payload: { name: input.name, weights: input.weights },
    });
    return profile;
  });
}

export async function updateWeightProfile(
  actor: UserActor,
  rawProfileId: string,
  expectedVersion: number,
  rawInput: WeightProfileInput,
) {
  const profileId = requireEntityId(rawProfileId, "Weight profile");
  const input = parseProfileInput(rawInput);
  requireAdmin(actor);
  return inTransaction(async (tx) => {
    const existing = await tx.weightProfile.findFirst({
      where: { id: profileId, organizationId: actor.organizationId },
      select: { id: true },
    });
    if (!existing) throw new DomainError("NOT_FOUND", "errors.weightProfileNotFound");
    const clash = await tx.weightProfile.findFirst({
      where: { organizationId: actor.organizationId, name: input.name, id: { not: profileId } },
      select: { id: true },
    });
    if (clash) throw new DomainError("CONFLICT", "weights.nameTaken");
    const updated = await tx.weightProfile.updateMany({
      where: { id: profileId, version: expectedVersion },
      data: {
        name: input.name,
        description: input.description ?? null,
        weights: JSON.stringify(input.weights),
        version: { increment: 1 },
      },
    });
    if (updated.count !== 1) throw new DomainError("CONFLICT", "weights.changedMeanwhile");
    await recordAuditEvent(tx, actor, {
      action: "weights.profile_updated",
      target: { type: "weight_profile", id: profileId },
      payload: { name: input.name, weights: input.weights },
    });
  });
}

/** Makes one profile the default (or none, with null); new scores use it. */
export async function setDefaultWeightProfile(actor: UserActor, rawProfileId: string | null) {
  requireAdmin(actor);
  // null (or "") means "no default"; anything else must be an id.
  const profileId =
    rawProfileId === null || rawProfileId === ""
      ? null
      : requireEntityId(rawProfileId, "Weight profile");
  await inTransaction(async (tx) => {
    if (profileId) {
      const exists = await tx.weightProfile.findFirst({
        where: { id: profileId, organizationId: actor.organizationId },
        select: { id: true },
      });
      if (!exists) throw new DomainError("NOT_FOUND", "errors.weightProfileNotFound");
    }
    await tx.weightProfile.updateMany({
      where: { organizationId: actor.organizationId, isDefault: true },
      data: { isDefault: false },
    });
    if (profileId)
      await tx.weightProfile.update({ where: { id: profileId }, data: { isDefault: true } });
    await recordAuditEvent(tx, actor, {
      action: "weights.default_changed",
      target: profileId ? { type: "weight_profile", id: profileId } : undefined,
      payload: { profileId },
    });
  });
}

export async function deleteWeightProfile(actor: UserActor, rawProfileId: string) {
  requireAdmin(actor);
  const profileId = requireEntityId(rawProfileId, "Weight profile");
  await inTransaction(async (tx) => {
    const existing = await tx.weightProfile.findFirst({
      where: { id: profileId, organizationId: actor.organizationId },
      select: { id: true, name: true },
    });
    if (!existing) throw new DomainError("NOT_FOUND", "errors.weightProfileNotFound");
    // Assessments scored with it keep their stored result; the link is cleared (SetNull).
    await tx.weightProfile.delete({ where: { id: profileId } });
    await recordAuditEvent(tx, actor, {
      action: "weights.profile_deleted",
      target: { type: "weight_profile", id: profileId },
      payload: { name: existing.name },
    });
  });
}
