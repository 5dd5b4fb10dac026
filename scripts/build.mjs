// Bundles the extension, the language server and the CLI with esbuild, plus the web extension
// (VS Code for the Web: client + language server in a Web Worker).
// Type-checking is separate (npm run typecheck).
import { builtinModules } from 'node:module';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  legalComments: 'none',
};

// The web bundles must not need Node. Code on the server's path that touches the file system or
// runs processes (related files, specwright.json, rpmlintrc, external tools) only does so for
// file: documents or on request; in the browser its Node modules resolve to stubs that throw
// when used (callers already catch and log), so nothing Node-only runs at load time.
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
const nodeBuiltinsStub = {
  name: 'node-builtins-stub',
  setup(build) {
    build.onResolve({ filter: /^[a-z_:/]+$/ }, (args) => (builtins.has(args.path) ? { path: args.path, namespace: 'node-stub' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'node-stub' }, (args) => ({
      loader: 'js',
      contents: `const name = ${JSON.stringify(args.path)};
const fail = () => { throw new Error(name + ' is not available in the browser'); };
module.exports = new Proxy(fail, { get: (_t, p) => (p === '__esModule' ? false : p === 'default' ? module.exports : fail) });`,
    }));
  },
};
const web = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  mainFields: ['browser', 'module', 'main'],
  define: { 'process.env.NODE_ENV': production ? '"production"' : '"development"' },
  plugins: [nodeBuiltinsStub],
};

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js', banner: { js: '#!/usr/bin/env node' } }),
  esbuild.build({ ...common, entryPoints: ['server/src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } }),
  esbuild.build({ ...web, format: 'cjs', entryPoints: ['client/src/browserExtension.ts'], outfile: 'dist/web/extension.js', external: ['vscode'] }),
  esbuild.build({
    ...web,
    format: 'iife',
    entryPoints: ['server/src/browserServer.ts'],
    outfile: 'dist/web/server.js',
    // Node-style code reads `process` (platform, env) lazily: give the worker a harmless one.
    banner: { js: 'var process = globalThis.process || { env: {}, platform: "browser", argv: [], versions: {}, cwd: () => "/" };' },
  }),
]);
