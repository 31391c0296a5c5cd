import { and, count, eq, isNull, lt, or } from "drizzle-orm";
import { recordActivity } from "../../platform/activity.js";
import type { Db } from "../../platform/db/client.js";
import { AppError } from "../../platform/errors.js";
import type { PersonActor } from "../../platform/policy.js";
import { authorize } from "../../platform/policy.js";
import type { TokenInput } from "./inputs.js";
import type { ActiveToken } from "./queries.js";
import { displayPrefix, hashToken, newTokenSecret } from "./secret.js";
import "./policy.js";
import { apiTokens } from "./tables.js";

/** Enough for every script a person runs; a cap keeps forgotten tokens from piling up. */
export const MAX_ACTIVE_TOKENS = 25;

/** How stale `last_used_at` may get: writing it on every request would turn each read into a write. */
export const LAST_USED_PRECISION_MS = 60_000;

/** Makes a token and returns its secret: the only time the secret exists outside the caller's hands. */
export async function createToken(db: Db, actor: PersonActor, input: TokenInput) {
  authorize(actor, "token.manage", { personId: actor.id });
  const [active] = await db
    .select({ n: count() })
    .from(apiTokens)
    .where(and(eq(apiTokens.personId, actor.id), isNull(apiTokens.revokedAt)));
  if ((active?.n ?? 0) >= MAX_ACTIVE_TOKENS) {
    throw new AppError(
      422,
      "too_many_tokens",
      `You have ${MAX_ACTIVE_TOKENS} tokens, the most you can have. Revoke one you no longer use first.`,
      { field: "name" },
    );
  }
  const secret = newTokenSecret();
  return db.transaction(async (tx) => {
    const [token] = await tx
      .insert(apiTokens)
      .values({
        personId: actor.id,
        name: input.name,
        tokenHash: hashToken(secret),
        prefix: displayPrefix(secret),
      })
      .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix });
    if (!token) throw new Error("insert returned nothing");
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "token.created",
      object: { type: "api_token", id: token.id },
      data: { name: token.name, prefix: token.prefix },
    });
    return { ...token, secret };
  });
}

/** Revokes a token at once; a second revoke of the same token changes nothing. */
export async function revokeToken(db: Db, actor: PersonActor, token: ActiveToken): Promise<void> {
  authorize(actor, "token.manage", { personId: token.personId });
  await db.transaction(async (tx) => {
    const revoked = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, token.id), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (revoked.length === 0) return;
    await recordActivity(tx, {
      actorId: actor.id,
      verb: "token.revoked",
      object: { type: "api_token", id: token.id },
      data: { name: token.name, prefix: token.prefix },
    });
  });
}

/** Notes a use of the token, unless another request (on any instance) did so within the last minute. */
export async function touchToken(db: Db, tokenId: string, now = new Date()): Promise<void> {
  const staleBefore = new Date(now.getTime() - LAST_USED_PRECISION_MS);
  await db
    .update(apiTokens)
    .set({ lastUsedAt: now })
    .where(
      and(eq(apiTokens.id, tokenId), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, staleBefore))),
    );
}
