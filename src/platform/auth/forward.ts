import type { Context } from "hono";
import type { Auth } from "./auth.js";
import { CLIENT_IP_HEADER } from "./auth.js";

export interface AuthCallResult {
  status: number;
  body: { code?: string; message?: string } & Record<string, unknown>;
  setCookies: string[];
  retryAfter: number | null;
}

/**
 * Calls one of Better Auth's endpoints as if the browser had, so its rate limiting, cookies and
 * hooks all apply, while our own pages keep working as plain HTML forms without JavaScript.
 */
export async function callAuth(
  c: Context,
  auth: Auth,
  path: string,
  body: Record<string, unknown>,
  clientIp: string,
): Promise<AuthCallResult> {
  const config = c.get("config") as { baseUrl: string };
  const headers = new Headers({
    "content-type": "application/json",
    origin: config.baseUrl,
    [CLIENT_IP_HEADER]: clientIp,
  });
  const cookie = c.req.header("cookie");
  if (cookie) headers.set("cookie", cookie);
  const userAgent = c.req.header("user-agent");
  if (userAgent) headers.set("user-agent", userAgent);
  const response = await auth.handler(
    new Request(`${config.baseUrl}/api/auth${path}`, { method: "POST", headers, body: JSON.stringify(body) }),
  );
  const text = await response.text();
  let parsed: AuthCallResult["body"] = {};
  try {
    parsed = text ? JSON.parse(text) : {};
  } catch {
    parsed = { message: text };
  }
  const retry = response.headers.get("x-retry-after") ?? response.headers.get("retry-after");
  return {
    status: response.status,
    body: parsed,
    setCookies: response.headers.getSetCookie(),
    retryAfter: retry ? Number(retry) : null,
  };
}

export function copyCookies(c: Context, setCookies: string[]): void {
  for (const cookie of setCookies) c.header("Set-Cookie", cookie, { append: true });
}
