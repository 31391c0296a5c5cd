/** Cookies by name, as a browser would keep them for one site. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: Response): void {
    for (const header of response.headers.getSetCookie()) {
      const pair = header.split(";", 1)[0] ?? "";
      const at = pair.indexOf("=");
      if (at <= 0) continue;
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      // An expired or empty cookie is a deletion.
      if (!value || /max-age=0/i.test(header)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  has(name: string): boolean {
    return this.cookies.has(name);
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

export interface Session {
  jar: CookieJar;
  csrfToken: string;
}

/** Signs in through the HTML form, exactly as a browser without JavaScript does. */
export async function signIn(baseUrl: string, email: string, password: string): Promise<Session> {
  const jar = new CookieJar();
  const form = await fetch(`${baseUrl}/sign-in`, { redirect: "manual" });
  jar.take(form);
  const html = await form.text();
  const csrfToken = /<meta name="csrf-token" content="([^"]+)"/.exec(html)?.[1];
  if (form.status !== 200 || !csrfToken || !jar.has("convene_csrf")) {
    throw new Error(`GET /sign-in gave status ${form.status} without a CSRF cookie and token.`);
  }
  const response = await fetch(`${baseUrl}/sign-in`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar.header() },
    body: new URLSearchParams({ _csrf: csrfToken, email, password }),
  });
  jar.take(response);
  const body = await response.text();
  if (response.status !== 303 || !jar.has("convene.session_token")) {
    const hint = response.status === 429 ? " (rate limited: wait a minute)" : "";
    throw new Error(
      `Signing in as ${email} failed: status ${response.status}${hint}.\n${body.replace(/<[^>]+>/g, " ").slice(0, 400)}`,
    );
  }
  return { jar, csrfToken };
}

/** Best effort: ends the bench's session so runs do not pile up sessions. */
export async function signOut(baseUrl: string, session: Session): Promise<void> {
  try {
    const response = await fetch(`${baseUrl}/sign-out`, {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: session.jar.header() },
      body: new URLSearchParams({ _csrf: session.csrfToken }),
    });
    await response.arrayBuffer();
  } catch {
    // The numbers are already taken; a leftover session is harmless.
  }
}
