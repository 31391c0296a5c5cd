import { randomUUID } from "node:crypto";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { LocalDiskStorage } from "./local-storage.js";

/**
 * Where uploaded bytes live. Keys are ids we make (`newStorageKey()`), never names people typed,
 * so a backend never sees a path. The local-disk backend suits the embedded setup; an object store
 * (S3 and the like) can implement the same three calls when several instances share the files.
 */
export interface Storage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** The stored bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Uint8Array | null>;
  /** Removes the bytes; removing a key that holds nothing is not an error. */
  delete(key: string): Promise<void>;
}

const KEY = /^[A-Za-z0-9][A-Za-z0-9_-]{7,127}$/;

export const isStorageKey = (key: string): boolean => KEY.test(key);

/** A fresh key: random, so keys reveal nothing and cannot be guessed from another. */
export const newStorageKey = (): string => randomUUID();

/**
 * The default directory: `CONVENE_STORAGE_DIR`, else `files` beside the embedded database's
 * directory (`CONVENE_DATA_DIR`, default ./.convene/data, is PGlite's own and is left to it), else
 * a temporary directory under test.
 */
export function defaultStorageDirectory(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CONVENE_STORAGE_DIR) return resolve(env.CONVENE_STORAGE_DIR);
  if (env.NODE_TEST_CONTEXT || process.execArgv.includes("--test"))
    return join(tmpdir(), `convene-test-files-${process.pid}`);
  return resolve(env.CONVENE_DATA_DIR ?? "./.convene/data", "..", "files");
}

let current: Storage | null = null;

/** The process's storage; made on first use from `defaultStorageDirectory()` unless one was set. */
export function getStorage(): Storage {
  current ??= new LocalDiskStorage(defaultStorageDirectory());
  return current;
}

/** Chooses the backend (at start-up, or a test's own directory). */
export function setStorage(storage: Storage): void {
  current = storage;
}
