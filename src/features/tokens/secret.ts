import { createHash, randomBytes } from "node:crypto";

/** `cvn_` marks our tokens, so secret scanners and people can recognise a leaked one. */
export const TOKEN_MARK = "cvn_";
const shape = /^cvn_[A-Za-z0-9_-]{43}$/;

/** A new token: `cvn_` and 32 random bytes in base64url (43 characters). */
export function newTokenSecret(): string {
  return TOKEN_MARK + randomBytes(32).toString("base64url");
}

/** Only this hash is stored: a stolen table row cannot be used as a token. */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** What lists show so people can tell tokens apart: the mark and the first 8 characters. */
export function displayPrefix(token: string): string {
  return token.slice(0, TOKEN_MARK.length + 8);
}

export const looksLikeToken = (text: string): boolean => shape.test(text);
