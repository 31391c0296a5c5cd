import type { Db } from "../../platform/db/client.js";

/**
 * Moves people from the waitlist into places that have become free (someone stopped going, or the
 * organisers raised the capacity), first come first served, and tells each of them. Call inside
 * the transaction that freed the places, after locking the event row. (Owned by the RSVP work.)
 */
export async function fillFreedPlaces(_tx: Db, _eventId: string, _now: Date): Promise<string[]> {
  return [];
}
