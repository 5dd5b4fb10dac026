// A per-run memo of directory listings and small file reads. The CLI keeps one for a whole run
// (hundreds of files in the same folders); the language server makes a fresh one per validation
// so it always sees the current disk.
import fs from 'node:fs';
import path from 'node:path';
import { readTextFile, type ReadResult } from './readText';

export interface DirEntry {
  name: string;
  isFile: boolean;
  isDirectory: boolean;
}

interface DirListing {
  entries: DirEntry[];
  /** Names of the regular files (and links to files), for constant-time lookups: a Fedora-sized
   * folder holds 23,000 specs, and every spec asks for a few names in it. */
  files: Set<string>;
  subdirectories: string[];
}

export class FsCache {
  private readonly dirs = new Map<string, DirListing>();
  private readonly files = new Map<string, ReadResult>();
  private readonly values = new Map<string, unknown>();

  /** Entries of a folder; empty when it cannot be read. */
  list(dir: string): DirEntry[] {
    return this.listing(dir).entries;
  }

  /** Names of the subfolders of a folder (links to folders included). */
  subdirectories(dir: string): readonly string[] {
    return this.listing(dir).subdirectories;
  }

  private listing(dir: string): DirListing {
    // Every file of a folder asks for it by the same string: looked up before `path.resolve`,
    // which costs more than the lookup (a few per spec, ~1% of a Fedora-corpus lint).
    const known = this.dirs.get(dir);
    if (known) return known;
    const key = path.resolve(dir);
    let hit = this.dirs.get(key);
    if (!hit) {
      let entries: DirEntry[];
      try {
        entries = fs.readdirSync(key, { withFileTypes: true }).map((d) => {
          let isFile = d.isFile();
          let isDirectory = d.isDirectory();
          if (d.isSymbolicLink()) {
            try {
              const st = fs.statSync(path.join(key, d.name));
              isFile = st.isFile();
              isDirectory = st.isDirectory();
            } catch {
              // dangling link: neither
            }
          }
          return { name: d.name, isFile, isDirectory };
        });
      } catch {
        entries = [];
      }
      hit = {
        entries,
        files: new Set(entries.filter((e) => e.isFile).map((e) => e.name)),
        subdirectories: entries.filter((e) => e.isDirectory).map((e) => e.name),
      };
      this.dirs.set(key, hit);
    }
    if (dir !== key) this.dirs.set(dir, hit);
    return hit;
  }

  /** A value computed from the disk once per key and kept with the listings (the specwright.json that applies to a folder). */
  derived<T>(kind: string, key: string, compute: () => T): T {
    const k = `${kind}\u0000${key}`;
    if (this.values.has(k)) return this.values.get(k) as T;
    const value = compute();
    this.values.set(k, value);
    return value;
  }

  hasFile(dir: string, name: string): boolean {
    return this.listing(dir).files.has(name);
  }

  read(file: string): ReadResult {
    const key = path.resolve(file);
    let hit = this.files.get(key);
    if (!hit) {
      hit = readTextFile(key);
      this.files.set(key, hit);
    }
    return hit;
  }
}
