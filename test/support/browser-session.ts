import type { Hono } from "hono";

/**
 * Drives the app in-process the way a browser would: keeps cookies, reads the CSRF token from
 * each page, submits forms, and follows nothing automatically so tests see every redirect.
 */
export class Visitor {
  private cookies = new Map<string, string>();
  csrfToken = "";

  constructor(private readonly app: Hono<never>) {}

  async get(path: string, headers: Record<string, string> = {}) {
    const response = await this.app.request(path, { headers: { ...headers, cookie: this.cookieHeader() } });
    this.absorb(response);
    const html = await response.text();
    const token = /<meta name="csrf-token" content="([^"]+)"/.exec(html)?.[1];
    if (token) this.csrfToken = token;
    return { status: response.status, html, headers: response.headers };
  }

  /** Submits a form, adding the CSRF token unless `csrf: false`. */
  async post(path: string, fields: Record<string, string | string[]> = {}, options: { csrf?: boolean } = {}) {
    if (options.csrf !== false && !this.csrfToken) await this.get("/");
    const body = new URLSearchParams();
    if (options.csrf !== false) body.set("_csrf", this.csrfToken);
    for (const [key, value] of Object.entries(fields)) {
      for (const item of Array.isArray(value) ? value : [value]) body.append(key, item);
    }
    const response = await this.app.request(path, {
      method: "POST",
      body: body.toString(),
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: this.cookieHeader() },
    });
    this.absorb(response);
    return {
      status: response.status,
      html: await response.text(),
      location: response.headers.get("location"),
    };
  }

  async signUp(name: string, email: string, password = "correct horse battery") {
    return this.post("/sign-up", { name, email, password, confirm: password });
  }

  async signIn(email: string, password = "correct horse battery") {
    return this.post("/sign-in", { email, password });
  }

  get signedIn(): boolean {
    return [...this.cookies.keys()].some((name) => name.endsWith("convene.session_token"));
  }

  cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private absorb(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair, ...attributes] = line.split(";");
      const index = pair?.indexOf("=") ?? -1;
      if (!pair || index < 0) continue;
      const name = pair.slice(0, index).trim();
      const value = pair.slice(index + 1).trim();
      const expired = attributes.some(
        (a) => /max-age=0/i.test(a.trim()) || /expires=Thu, 01 Jan 1970/i.test(a.trim()),
      );
      if (expired || value === "") this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
}
