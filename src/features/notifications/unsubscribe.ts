import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * One-click unsubscribe links (RFC 8058) carry a signature of person and kind, so they work from
 * a mail client without signing in, and cannot be forged for someone else.
 */
export function unsubscribeSignature(secret: string, personId: string, kind: string): string {
  return createHmac("sha256", secret).update(`unsubscribe:${personId}:${kind}`).digest("base64url");
}

export function unsubscribeUrl(baseUrl: string, secret: string, personId: string, kind: string): string {
  const params = new URLSearchParams({
    p: personId,
    k: kind,
    s: unsubscribeSignature(secret, personId, kind),
  });
  return `${baseUrl}/unsubscribe?${params}`;
}

export function verifyUnsubscribe(
  secret: string,
  personId: string,
  kind: string,
  signature: string,
): boolean {
  const expected = Buffer.from(unsubscribeSignature(secret, personId, kind));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
