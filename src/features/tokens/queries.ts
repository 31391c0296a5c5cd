import { and, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { apiTokens } from "./tables.js";

export interface TokenListItem {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
}

/** A person's tokens that still work, newest first. */
export async function listTokens(db: Db, personId: string): Promise<TokenListItem[]> {
  return db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      createdAt: apiTokens.createdAt,
      lastUsedAt: apiTokens.lastUsedAt,
    })
    .from(apiTokens)
    .where(and(eq(apiTokens.personId, personId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

/** A token that has not been revoked, by id; never its hash. */
export async function findActiveToken(db: Db, id: string) {
  const rows = await db
    .select({
      id: apiTokens.id,
      personId: apiTokens.personId,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
    })
    .from(apiTokens)
    .where(and(eq(apiTokens.id, id), isNull(apiTokens.revokedAt)));
  return rows[0] ?? null;
}

export type ActiveToken = NonNullable<Awaited<ReturnType<typeof findActiveToken>>>;

/** The API's lookup: the unique index on token_hash makes this one index probe. */
export async function findActiveTokenByHash(db: Db, tokenHash: string) {
  const rows = await db
    .select({ id: apiTokens.id, personId: apiTokens.personId, lastUsedAt: apiTokens.lastUsedAt })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, tokenHash), isNull(apiTokens.revokedAt)));
  return rows[0] ?? null;
}
