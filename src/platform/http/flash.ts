import type { Context } from "hono";
import { deleteCookie, getCookie, setCookie } from "hono/cookie";

const COOKIE = "convene_flash";

/** A one-time confirmation ("You joined HR Operations") shown on the page after a redirect. */
export function setFlash(c: Context, message: string): void {
  setCookie(c, COOKIE, encodeURIComponent(message.slice(0, 300)), {
    httpOnly: true,
    sameSite: "Lax",
    path: "/",
  });
}

export function takeFlash(c: Context): string | null {
  const raw = getCookie(c, COOKIE);
  if (!raw) return null;
  deleteCookie(c, COOKIE, { path: "/" });
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}
