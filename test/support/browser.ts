import assert from "node:assert/strict";
import { mkdirSync, readFileSync } from "node:fs";
import type { Server } from "node:http";
import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { after } from "node:test";
import { serve } from "@hono/node-server";
import {
  type Browser,
  type BrowserContext,
  chromium,
  type Locator,
  type Page,
  type Response as PageResponse,
} from "playwright-core";
import { createApp } from "../../src/app.js";
import type { Config } from "../../src/config.js";
import type { DemoAccount, DemoOrganisation } from "../../src/demo/generate.js";
import { seedDemo } from "../../src/demo/seed.js";
import { installStarterToolkit } from "../../src/features/resources/toolkit/install.js";
import { testConfig } from "./app.js";
import { createTestDatabase } from "./database.js";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export const screenshotDir = join(import.meta.dirname, "..", "..", "test-results", "screenshots");

export const viewports = {
  desktop: { width: 1280, height: 800 },
  mobile: { width: 390, height: 844 },
} as const;

const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export interface BrowserApp {
  baseUrl: string;
  config: Config;
  database: Awaited<ReturnType<typeof createTestDatabase>>;
  /** The seeded demo organisation, or null on an empty database. */
  org: DemoOrganisation | null;
  browser: Browser;
  /** A fresh browser context (own cookies) and page; the app's CSP is bypassed so axe can be injected. */
  newPage(options?: { viewport?: { width: number; height: number } }): Promise<Page>;
  /** A demo sign-in by label; throws on an unseeded database. */
  account(label: DemoAccount["label"]): DemoAccount;
}

/**
 * A real HTTP server on a free port over a fresh database, plus Chromium, for one test file.
 * Call at the top level of the file (top-level await) so the `after()` teardown belongs to the file.
 */
export async function startBrowserApp(
  options: {
    seed?: boolean;
    /** Settings that depend on the app's own address (e.g. an identity provider's redirect URI). */
    configure?: (baseUrl: string) => Promise<Partial<Config>> | Partial<Config>;
  } = {},
): Promise<BrowserApp> {
  const database = await createTestDatabase();
  const org = options.seed
    ? await seedDemo(database, { seed: 1, size: "small", emailDomain: "example.org", quiet: true })
    : null;
  // As `convene serve` does on its first run (see src/prepare-database.ts).
  await installStarterToolkit(database.db);

  // The port is only known once listening, and the app needs it in config.baseUrl (auth checks the
  // origin), so the server starts with a late-bound handler.
  let handler: ((request: Request) => Response | Promise<Response>) | null = null;
  const server = await new Promise<Server>((resolve) => {
    const s = serve(
      {
        fetch: (request: Request) => (handler ? handler(request) : new Response("starting", { status: 503 })),
        port: 0,
      },
      () => resolve(s as Server),
    );
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://localhost:${port}`;
  const config = testConfig({ baseUrl, port, ...(await options.configure?.(baseUrl)) });
  const { app } = createApp(config, database);
  handler = (request) => app.fetch(request);

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: chromiumArgs,
  });
  const contexts: BrowserContext[] = [];

  after(async () => {
    for (const context of contexts) await context.close().catch(() => {});
    await browser.close();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.drop();
  });

  return {
    baseUrl,
    config,
    database,
    org,
    browser,
    async newPage({ viewport = viewports.desktop } = {}) {
      const context = await browser.newContext({ baseURL: baseUrl, bypassCSP: true, viewport });
      // Pages render on the server in milliseconds: a missing element should fail fast, not in 30 s.
      context.setDefaultTimeout(5_000);
      contexts.push(context);
      return context.newPage();
    },
    account(label) {
      const found = org?.accounts.find((a) => a.label === label);
      if (!found) throw new Error(`No demo account "${label}" (was the database seeded?)`);
      return found;
    },
  };
}

interface AxeNode {
  target: unknown[];
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/**
 * App violations already reported (not ours to fix here). They are left out of every check so the
 * rest of each page is still checked; each has a `todo` test that checks it strictly, so it shows
 * in every run until the app is fixed. Matched on rule id and the exact axe target.
 */
export const knownViolations: { id: string; target: string; why: string }[] = [];

/** Runs axe-core's WCAG 2.x A/AA rules on the current page and fails with a readable list. */
export async function checkA11y(
  page: Page,
  options: { label?: string; strict?: boolean } = {},
): Promise<void> {
  const loaded = await page.evaluate(() => "axe" in window);
  if (!loaded) await page.addScriptTag({ content: axeSource });
  const found = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(...args: unknown[]): Promise<{ violations: unknown }> } })
      .axe;
    const result = await axe.run(document, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    });
    return result.violations;
  })) as AxeViolation[];
  const known = (id: string, node: AxeNode) =>
    !options.strict &&
    knownViolations.some((k) => k.id === id && node.target.map(String).join(" ") === k.target);
  const violations = found
    .map((v) => ({ ...v, nodes: v.nodes.filter((node) => !known(v.id, node)) }))
    .filter((v) => v.nodes.length > 0);
  if (violations.length === 0) return;
  const lines = violations.map((v) => {
    const targets = v.nodes
      .slice(0, 5)
      .map((node) => {
        // The summary's last line carries the specifics, e.g. the measured contrast ratio.
        const detail = node.failureSummary?.trim().split("\n").at(-1)?.trim();
        return `      - ${node.target.map(String).join(" >> ")}${detail ? `: ${detail}` : ""}`;
      })
      .join("\n");
    const more = v.nodes.length > 5 ? `\n      … and ${v.nodes.length - 5} more` : "";
    return `  [${v.impact ?? "unknown"}] ${v.id}: ${v.help} (${v.helpUrl})\n${targets}${more}`;
  });
  const where = options.label ?? page.url();
  assert.fail(`${violations.length} accessibility violation(s) on ${where}:\n${lines.join("\n")}`);
}

/** Navigates to a path, checks the status (200 unless told) and runs axe on the page. */
export async function visit(
  page: Page,
  path: string,
  options: { status?: number } = {},
): Promise<PageResponse> {
  const response = await page.goto(path, { waitUntil: "load" });
  assert.ok(response, `no response for ${path}`);
  assert.equal(response.status(), options.status ?? 200, `status of ${path}`);
  await checkA11y(page);
  return response;
}

/**
 * Does something that leaves the page (submits a form, follows a link), waits until the page it
 * lands on after any redirect has loaded, checks its status (200 unless told) and runs axe on it.
 */
export async function submit(
  page: Page,
  action: () => Promise<unknown>,
  options: { status?: number } = {},
): Promise<PageResponse> {
  // Not page.waitForNavigation: with Debian's newer Chromium it sometimes resolves early, on a
  // second `framenavigated` event before the response, and gives null. Instead mark the old
  // document, wait for a loaded document without the mark, and take the last document response.
  let response: PageResponse | null = null;
  const onResponse = (candidate: PageResponse) => {
    const request = candidate.request();
    const redirect = candidate.status() >= 300 && candidate.status() < 400;
    if (request.isNavigationRequest() && request.frame() === page.mainFrame() && !redirect) {
      response = candidate;
    }
  };
  await page.evaluate(() => Object.assign(window, { __conveneLeaving: true }));
  page.on("response", onResponse);
  try {
    await action();
    await page.waitForFunction(() => !("__conveneLeaving" in window) && document.readyState === "complete");
  } finally {
    page.off("response", onResponse);
  }
  const landed = response as PageResponse | null;
  assert.ok(landed, `no document response on the way to ${page.url()}`);
  assert.equal(landed.status(), options.status ?? 200, `status after submitting to ${page.url()}`);
  await checkA11y(page);
  return landed;
}

/**
 * Full-page PNGs at desktop (1280x800) and phone (390x844) widths, as <name>-desktop.png and
 * <name>-mobile.png, then back to the page's own viewport. The phone layout is axe-checked too,
 * since reflow bugs (overlaps, clipped text) only show there.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  const original = page.viewportSize() ?? viewports.desktop;
  for (const [kind, size] of Object.entries(viewports)) {
    await page.setViewportSize(size);
    await page.screenshot({ path: join(screenshotDir, `${name}-${kind}.png`), fullPage: true });
    if (kind === "mobile") await checkA11y(page, { label: `${page.url()} at ${size.width}px` });
  }
  await page.setViewportSize(original);
}

/** Signs in through the form and waits for the page it redirects to. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await visit(page, "/sign-in");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await submit(page, () => page.getByRole("button", { name: "Sign in" }).click());
}

/** Signs out through the account menu in the header. */
export async function signOut(page: Page): Promise<void> {
  await page.locator(".account-menu summary").click();
  await submit(page, () => page.getByRole("button", { name: "Sign out" }).click());
}

/** An element's text with whitespace collapsed (textContent, so visually hidden text is included). */
export async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? "").replace(/\s+/g, " ").trim();
}
