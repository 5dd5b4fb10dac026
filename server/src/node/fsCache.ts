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

export class FsCache {
  private readonly dirs = new Map<string, DirEntry[]>();
  private readonly files = new Map<string, ReadResult>();

  /** Entries of a folder; empty when it cannot be read. */
  list(dir: string): DirEntry[] {
    const key = path.resolve(dir);
    let hit = this.dirs.get(key);
    if (!hit) {
      try {
        hit = fs.readdirSync(key, { withFileTypes: true }).map((d) => {
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
        hit = [];
      }
      this.dirs.set(key, hit);
    }
    return hit;
  }

  hasFile(dir: string, name: string): boolean {
    return this.list(dir).some((e) => e.isFile && e.name === name);
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
