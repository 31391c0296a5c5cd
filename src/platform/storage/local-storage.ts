import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join, resolve, sep } from "node:path";
import type { Storage } from "./storage.js";
import { isStorageKey } from "./storage.js";

/**
 * Files on the local disk under one directory, fanned out by the key's first two characters.
 * Only keys of letters, digits, `-` and `_` are accepted, so no key can climb out of the
 * directory; the resolved path is checked as well, in case that rule is ever loosened.
 */
export class LocalDiskStorage implements Storage {
  readonly directory: string;

  constructor(directory: string) {
    this.directory = resolve(directory);
  }

  private pathOf(key: string): string {
    if (!isStorageKey(key)) throw new Error("Storage keys are made of letters, digits, - and _ only.");
    const path = resolve(join(this.directory, key.slice(0, 2), key));
    if (!path.startsWith(this.directory + sep)) throw new Error("Storage key outside the storage directory.");
    return path;
  }

  async put(key: string, bytes: Uint8Array, _contentType: string): Promise<void> {
    const path = this.pathOf(key);
    await mkdir(join(path, ".."), { recursive: true });
    // Write then rename, so a reader never sees half a file.
    const partial = `${path}.partial-${process.pid}`;
    await writeFile(partial, bytes, { mode: 0o600 });
    await rename(partial, path);
  }

  async get(key: string): Promise<Uint8Array | null> {
    try {
      return await readFile(this.pathOf(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
