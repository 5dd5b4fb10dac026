// Loads a pure client/src module in a test. scripts/run-tests.mjs transpiles only server/src and
// test/ to out/, so the module is bundled here on the fly (esbuild, in memory) and evaluated.
import Module from 'node:module';
import path from 'node:path';
import * as esbuild from 'esbuild';

const cache = new Map<string, unknown>();

export function loadClientModule<T>(name: string): T {
  const hit = cache.get(name);
  if (hit) return hit as T;
  const root = path.resolve(__dirname, '../../..');
  const entry = path.join(root, 'client', 'src', `${name}.ts`);
  const out = esbuild.buildSync({ entryPoints: [entry], bundle: true, platform: 'node', format: 'cjs', target: 'node20', write: false, external: ['vscode'], sourcemap: 'inline', logLevel: 'silent' });
  const m = new Module(entry);
  m.filename = entry;
  m.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(entry));
  (m as unknown as { _compile(code: string, file: string): void })._compile(out.outputFiles[0].text, entry);
  cache.set(name, m.exports);
  return m.exports as T;
}
