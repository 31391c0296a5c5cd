#!/usr/bin/env node
// tsc compiles only TypeScript; the CSS and client script travel to dist/ beside the compiled UI code.
import { cpSync } from "node:fs";

const root = new URL("..", import.meta.url);
cpSync(new URL("src/ui/assets/", root), new URL("dist/src/ui/assets/", root), { recursive: true });
console.log("Copied src/ui/assets to dist/src/ui/assets");
