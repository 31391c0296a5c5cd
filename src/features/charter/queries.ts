import { and, desc, eq, gt, lt } from "drizzle-orm";
import type { Db } from "../../platform/db/client.js";
import { type Cursor, type Page, toPage } from "../../platform/http/pagination.js";
import { people } from "../people/tables.js";
import { charterVersions } from "./tables.js";

/** The community's current charter (its latest version), or null when none has been written. */
export async function currentCharter(db: Db, communityId: string) {
  const rows = await db
    .select()
    .from(charterVersions)
    .where(eq(charterVersions.communityId, communityId))
    .orderBy(desc(charterVersions.version))
    .limit(1);
  return rows[0] ?? null;
}

export type CharterVersion = NonNullable<Awaited<ReturnType<typeof currentCharter>>>;

const withAuthor = {
  version: charterVersions,
  authorName: people.name,
  authorHandle: people.handle,
};

export type CharterVersionWithAuthor = CharterVersion & {
  authorName: string | null;
  authorHandle: string | null;
};

const flatten = (row: {
  version: CharterVersion;
  authorName: string | null;
  authorHandle: string | null;
}) => ({
  ...row.version,
  authorName: row.authorName,
  authorHandle: row.authorHandle,
});

/** The current charter with its author's name, or null. */
export async function currentCharterWithAuthor(
  db: Db,
  communityId: string,
): Promise<CharterVersionWithAuthor | null> {
  const rows = await db
    .select(withAuthor)
    .from(charterVersions)
    .leftJoin(people, eq(people.id, charterVersions.authorId))
    .where(eq(charterVersions.communityId, communityId))
    .orderBy(desc(charterVersions.version))
    .limit(1);
  return rows[0] ? flatten(rows[0]) : null;
}

/** Version `version` and the one before it (for the diff), in one query. */
export async function versionAndPrevious(db: Db, communityId: string, version: number) {
  const rows = await db
    .select(withAuthor)
    .from(charterVersions)
    .leftJoin(people, eq(people.id, charterVersions.authorId))
    .where(
      and(
        eq(charterVersions.communityId, communityId),
        lt(charterVersions.version, version + 1),
        gt(charterVersions.version, version - 2),
      ),
    )
    .orderBy(desc(charterVersions.version));
  const found = rows.map(flatten);
  const current = found.find((v) => v.version === version) ?? null;
  const previous = found.find((v) => v.version === version - 1) ?? null;
  return { current, previous };
}

/** Every version, newest first, a page at a time (keyset on the version number). */
export async function charterHistory(
  db: Db,
  communityId: string,
  cursor: Cursor | null,
  limit = 20,
): Promise<Page<CharterVersionWithAuthor>> {
  const key = cursor && typeof cursor.key === "number" ? cursor.key : null;
  const back = cursor?.direction === "before";
  const rows = await db
    .select(withAuthor)
    .from(charterVersions)
    .leftJoin(people, eq(people.id, charterVersions.authorId))
    .where(
      and(
        eq(charterVersions.communityId, communityId),
        key === null ? undefined : back ? gt(charterVersions.version, key) : lt(charterVersions.version, key),
      ),
    )
    .orderBy(back ? charterVersions.version : desc(charterVersions.version))
    .limit(limit + 1);
  return toPage(rows.map(flatten), {
    limit,
    cursor: key === null ? null : cursor,
    keyOf: (v) => ({ key: v.version, id: v.id }),
  });
}
