import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

/** Files served under /assets, each with a content hash in its URL so browsers may cache them for a year. */
const sources: Record<string, string> = {
  "app.css": fileURLToPath(new URL("./assets/app.css", import.meta.url)),
  "app.js": fileURLToPath(new URL("./assets/app.js", import.meta.url)),
  "htmx.js": require.resolve("htmx.org/dist/htmx.min.js"),
};

interface Asset {
  body: Buffer;
  type: string;
  hashedName: string;
}

const byHashedName = new Map<string, Asset>();
const urls = new Map<string, string>();

// app.css is the base sheet followed by each feature's sheet in assets/css/, in name order, so
// slices can style their own pages without editing one shared file.
const cssDir = fileURLToPath(new URL("./assets/css/", import.meta.url));
const featureSheets = readdirSync(cssDir)
  .filter((file) => file.endsWith(".css"))
  .sort()
  .map((file) => readFileSync(`${cssDir}${file}`));

for (const [name, path] of Object.entries(sources)) {
  const own = readFileSync(path);
  const body =
    name === "app.css" ? Buffer.concat([own, ...featureSheets.flatMap((s) => [Buffer.from("\n"), s])]) : own;
  const hash = createHash("sha256").update(body).digest("hex").slice(0, 12);
  const dot = name.lastIndexOf(".");
  const hashedName = `${name.slice(0, dot)}.${hash}${name.slice(dot)}`;
  const type = name.endsWith(".css") ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
  byHashedName.set(hashedName, { body, type, hashedName });
  urls.set(name, `/assets/${hashedName}`);
}

export function assetUrl(name: "app.css" | "app.js" | "htmx.js"): string {
  const url = urls.get(name);
  if (!url) throw new Error(`Unknown asset ${name}`);
  return url;
}

export function findAsset(hashedName: string): Asset | undefined {
  return byHashedName.get(hashedName);
}
