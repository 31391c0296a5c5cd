import { after } from "node:test";
import { createApp } from "../../src/app.js";
import { type Config, loadConfig } from "../../src/config.js";
import { setLogLevel } from "../../src/platform/log.js";
import { createTestDatabase } from "./database.js";

setLogLevel(process.env.TEST_LOG === "1" ? "debug" : "silent");

export function testConfig(overrides: Partial<Config> = {}): Config {
  const base = loadConfig({
    CONVENE_DATA_DIR: "/tmp/convene-test-unused",
    CONVENE_AUTH_SECRET: "test-secret-test-secret-test-secret-123",
    CONVENE_ORG_NAME: "Northfield University",
    BASE_URL: "http://localhost:3000",
    LOG_LEVEL: "silent",
  });
  return { ...base, ...overrides };
}

/** An app on its own fresh database, torn down when the test file ends. */
export async function createTestApp(overrides: Partial<Config> = {}) {
  const database = await createTestDatabase();
  const config = testConfig(overrides);
  const { app, auth } = createApp(config, database);
  after(() => database.drop());
  return { app, auth, database, db: database.db, config };
}

export type TestApp = Awaited<ReturnType<typeof createTestApp>>;
