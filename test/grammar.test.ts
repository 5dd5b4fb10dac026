// TextMate grammar tests: every annotated sample under test/grammar/ is checked with vscode-tmgrammar-test
// (one node:test per sample), plus structural checks of the grammar and language-configuration JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

function repoRoot(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'syntaxes', 'rpm-spec.tmLanguage.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('repository root (with syntaxes/) not found above ' + __dirname);
    dir = parent;
  }
  return dir;
}

const ROOT = repoRoot();
const SAMPLES_DIR = path.join(ROOT, 'test', 'grammar');
const STUBS_DIR = path.join(SAMPLES_DIR, 'stubs');
const GRAMMARS = {
  'source.rpm-spec': path.join(ROOT, 'syntaxes', 'rpm-spec.tmLanguage.json'),
  'source.dkms-conf': path.join(ROOT, 'syntaxes', 'dkms-conf.tmLanguage.json'),
};
// Stand-ins for the shell and Lua grammars VS Code ships, so embedded scopes resolve in the test.
const STUBS = {
  'source.shell': path.join(STUBS_DIR, 'shell.tmLanguage.json'),
  'source.lua': path.join(STUBS_DIR, 'lua.tmLanguage.json'),
};

function toolEntry(): string {
  const pkgPath = require.resolve('vscode-tmgrammar-test/package.json', { paths: [ROOT] });
  const pkg = JSON.parse(fs.readFileSync(pkgPath, 'utf8')) as { bin: Record<string, string> };
  return path.join(path.dirname(pkgPath), pkg.bin['vscode-tmgrammar-test']);
}

const samples = fs
  .readdirSync(SAMPLES_DIR, { withFileTypes: true })
  .filter((d) => d.isFile() && fs.readFileSync(path.join(SAMPLES_DIR, d.name), 'utf8').includes('SYNTAX TEST'))
  .map((d) => d.name)
  .sort();

test('grammar samples exist for both languages', () => {
  const headers = samples.map((s) => fs.readFileSync(path.join(SAMPLES_DIR, s), 'utf8').split('\n')[0]);
  assert.ok(headers.some((h) => h.includes('"source.rpm-spec"')), 'an rpm-spec sample');
  assert.ok(headers.some((h) => h.includes('"source.dkms-conf"')), 'a dkms-conf sample');
});

for (const sample of samples) {
  test(`grammar sample ${sample}`, () => {
    const grammarArgs = [...Object.values(GRAMMARS), ...Object.values(STUBS)].flatMap((g) => ['-g', g]);
    // --config points at an empty manifest so the run does not depend on package.json's grammar list.
    const args = [toolEntry(), '--config', path.join(STUBS_DIR, 'no-grammars.json'), ...grammarArgs, path.join(SAMPLES_DIR, sample)];
    const result = spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    assert.equal(result.status, 0, `vscode-tmgrammar-test failed for ${sample}:\n${result.stdout}\n${result.stderr}`);
  });
}

type Json = unknown;

function walk(node: Json, visit: (obj: Record<string, Json>) => void): void {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') {
    visit(node as Record<string, Json>);
    for (const v of Object.values(node)) walk(v, visit);
  }
}

for (const [scopeName, file] of Object.entries({ ...GRAMMARS, ...STUBS })) {
  test(`grammar ${path.basename(file)} parses and every include resolves`, () => {
    const grammar = JSON.parse(fs.readFileSync(file, 'utf8')) as { scopeName: string; repository?: Record<string, Json>; patterns: Json[] };
    assert.equal(grammar.scopeName, scopeName);
    assert.ok(Array.isArray(grammar.patterns) && grammar.patterns.length > 0, 'top-level patterns');
    const repository = grammar.repository ?? {};
    const used = new Set<string>();
    const unresolved: string[] = [];
    walk(grammar, (obj) => {
      const inc = obj.include;
      if (typeof inc !== 'string') return;
      if (inc.startsWith('#')) {
        used.add(inc.slice(1));
        if (!(inc.slice(1) in repository)) unresolved.push(inc);
      } else if (inc !== '$self' && inc !== '$base' && !(inc in STUBS) && !(inc in GRAMMARS)) unresolved.push(inc);
    });
    assert.deepEqual(unresolved, [], 'includes without a target');
    assert.deepEqual(Object.keys(repository).filter((k) => !used.has(k)), [], 'repository entries nobody includes');
    // Own scope names carry the language suffix.
    if (scopeName in GRAMMARS) {
      const suffix = scopeName.replace(/^source/, '');
      const bad: string[] = [];
      // The root object's `name` is the display name; every scope below it carries the suffix.
      walk([grammar.patterns, repository, (grammar as { injections?: Json }).injections ?? {}], (obj) => {
        for (const key of ['name', 'contentName']) {
          const v = obj[key];
          if (typeof v === 'string') for (const s of v.split(/\s+/)) if (!s.endsWith(suffix)) bad.push(s);
        }
      });
      assert.deepEqual(bad, [], `scopes without the ${suffix} suffix`);
    }
  });
}

for (const lang of ['rpm-spec', 'dkms-conf']) {
  test(`language configuration ${lang}.json`, () => {
    const conf = JSON.parse(fs.readFileSync(path.join(ROOT, 'language-configuration', `${lang}.json`), 'utf8')) as {
      comments: { lineComment: string };
      brackets: [string, string][];
      autoClosingPairs: { open: string; close: string }[];
      wordPattern: string;
    };
    assert.equal(conf.comments.lineComment, '#');
    assert.deepEqual(conf.brackets.map((b) => b.join('')).sort(), ['()', '[]', '{}']);
    const opens = conf.autoClosingPairs.map((p) => p.open);
    for (const o of ['{', '(', '[', '"', "'"]) assert.ok(opens.includes(o), `auto-closes ${o}`);
    const word = new RegExp(conf.wordPattern, 'g');
    const words = (s: string) => s.match(word) ?? [];
    assert.deepEqual(words('Version: @VERSION@'), ['Version', '@VERSION@']);
    if (lang === 'rpm-spec') {
      for (const o of ['%{', '%(', '%[']) assert.ok(opens.includes(o), `auto-closes ${o}`);
      assert.deepEqual(words('cp %{?name}.conf %_libdir/x'), ['cp', '%{?name}', 'conf', '%_libdir', 'x']);
      assert.deepEqual(words('%{!?with_docs:0}'), ['%{!?with_docs', '0']);
    } else {
      assert.deepEqual(words('MAKE[0]="make -C ${kernel_source_dir} M=$dkms_tree"'), ['MAKE', '0', 'make', 'C', '${kernel_source_dir}', 'M', '$dkms_tree']);
    }
  });
}
