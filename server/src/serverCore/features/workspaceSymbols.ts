// workspace/symbol: packages, subpackages and global macros of every spec in the workspace
// folders (open documents as edited, other specs from disk). Specs on disk are found once per
// folder (node_modules and dot-folders skipped, at most MAX_SPECS) and re-parsed when they change.
import fs from 'node:fs';
import path from 'node:path';
import { URI } from 'vscode-uri';
import type { SymbolInformation } from 'vscode-languageserver';
import { matchesSymbolQuery } from '../../service/features/workspaceSymbols';
import { createLanguageService } from '../../service/languageService';
import type { ServerContext } from '../context';
import type { Feature } from '../feature';
import { runSafe } from '../runSafe';

const MAX_SPECS = 5000;
const MAX_RESULTS = 1000;

function findSpecs(dir: string, out: string[]): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (out.length >= MAX_SPECS) return;
    if (e.isDirectory()) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      findSpecs(path.join(dir, e.name), out);
    } else if (e.isFile() && /\.spec$/.test(e.name)) out.push(path.join(dir, e.name));
  }
}

export const workspaceSymbolsFeature: Feature = {
  name: 'workspaceSymbols',
  capabilities: () => ({ workspaceSymbolProvider: true }),
  register(ctx: ServerContext) {
    // A service of its own: parsing hundreds of specs must not evict the open documents' parses.
    const service = createLanguageService();
    const onDisk = new Map<string, { mtimeMs: number; size: number; symbols: ReturnType<typeof service.workspaceSymbols> }>();
    ctx.connection.onWorkspaceSymbol(
      runSafe(ctx.log, 'workspaceSymbol', null, (params): SymbolInformation[] | null => {
        const out: SymbolInformation[] = [];
        const add = (uri: string, symbols: ReturnType<typeof service.workspaceSymbols>) => {
          for (const s of symbols) {
            if (out.length >= MAX_RESULTS) return;
            if (!matchesSymbolQuery(s.name, params.query)) continue;
            out.push({ name: s.name, kind: s.kind, location: { uri, range: s.range }, ...(s.containerName ? { containerName: s.containerName } : {}) });
          }
        };
        const open = new Set<string>();
        for (const d of ctx.documents.all()) {
          const input = ctx.input(d.uri);
          if (!input || input.languageId !== 'rpm-spec') continue;
          open.add(d.uri);
          add(d.uri, ctx.service.workspaceSymbols(input));
        }
        for (const root of ctx.workspaceRoots) {
          const parsed = URI.parse(root);
          if (parsed.scheme !== 'file') continue;
          const files: string[] = [];
          findSpecs(parsed.fsPath, files);
          for (const file of files) {
            const uri = URI.file(file).toString();
            if (open.has(uri)) continue;
            let st: fs.Stats;
            try {
              st = fs.statSync(file);
            } catch {
              continue;
            }
            let hit = onDisk.get(file);
            if (!hit || hit.mtimeMs !== st.mtimeMs || hit.size !== st.size) {
              if (st.size > 4 * 1024 * 1024) continue;
              let text: string;
              try {
                text = fs.readFileSync(file, 'utf8');
              } catch {
                continue;
              }
              hit = { mtimeMs: st.mtimeMs, size: st.size, symbols: service.workspaceSymbols({ uri, languageId: 'rpm-spec', version: 0, text }) };
              service.forget(uri);
              onDisk.set(file, hit);
            }
            add(uri, hit.symbols);
          }
        }
        return out;
      }),
    );
  },
};
