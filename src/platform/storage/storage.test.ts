import assert from "node:assert/strict";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { LocalDiskStorage } from "./local-storage.js";
import { defaultStorageDirectory, getStorage, newStorageKey, setStorage } from "./storage.js";

const directory = await mkdtemp(join(tmpdir(), "convene-storage-"));
after(() => rm(directory, { recursive: true, force: true }));
const storage = new LocalDiskStorage(join(directory, "files"));

test("bytes go in and come back unchanged, and are gone once deleted", async () => {
  const key = newStorageKey();
  const bytes = new Uint8Array([0, 1, 2, 250, 255]);
  await storage.put(key, bytes, "application/octet-stream");
  assert.deepEqual(new Uint8Array((await storage.get(key))!), bytes);
  await storage.put(key, new Uint8Array([7]), "application/octet-stream");
  assert.deepEqual(new Uint8Array((await storage.get(key))!), new Uint8Array([7]));
  await storage.delete(key);
  assert.equal(await storage.get(key), null);
  await storage.delete(key); // a second delete is quiet
});

test("an unknown key reads as null", async () => {
  assert.equal(await storage.get(newStorageKey()), null);
});

test("keys cannot name a path: traversal and separators are refused before touching the disk", async () => {
  const hostile = [
    "../../etc/passwd",
    "..%2f..%2fetc",
    "abc/../../x12345",
    "/etc/passwd",
    "..\\..\\windows",
    "",
    "a",
    "ab..cdefgh",
    "key with spaces",
    "ключ-файла-1234",
    `x${"a".repeat(200)}`,
    ".hidden-file-name",
  ];
  for (const key of hostile) {
    await assert.rejects(storage.put(key, new Uint8Array([1]), "text/plain"), /Storage key/, key);
    await assert.rejects(storage.get(key), /Storage key/, key);
    await assert.rejects(storage.delete(key), /Storage key/, key);
  }
  // Nothing was written outside (or inside) the directory by those attempts.
  const entries = await readdir(directory);
  assert.deepEqual(
    entries.sort(),
    ["files"].filter((name) => entries.includes(name)),
  );
});

test("fresh keys are unique and valid; the process storage can be replaced", async () => {
  const keys = new Set(Array.from({ length: 100 }, newStorageKey));
  assert.equal(keys.size, 100);
  setStorage(storage);
  assert.equal(getStorage(), storage);
  assert.equal(defaultStorageDirectory({ CONVENE_STORAGE_DIR: "/srv/convene/files" }), "/srv/convene/files");
});
