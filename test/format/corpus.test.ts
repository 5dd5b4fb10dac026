// The formatter over the shared corpus: idempotent, only whitespace changed, macros and tag values
// intact; and a sample of the rpm oracle (scripts/format/oracle.mjs: rpm parses the spec before
// and after formatting; its view must not change). The full runs: `npm run oracle:format`.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { formatSpecText } from '../../server/src/service/features/format';
import { parseSpec } from '../../server/src/service/specfile/parser';
import { querySpec } from '../../server/src/service/specfile/rpmQuery';
import { REPO_ROOT } from '../helpers/lsp';
import { SHARED_MISSING, sharedDir } from '../helpers/fixtures';

function corpusSpecs(shared: string): string[] {
  const out: string[] = [];
  for (const sub of ['spec', 'rpmlint-tests']) {
    const dir = path.join(shared, 'corpus', sub);
    for (const name of fs.readdirSync(dir).sort()) if (/\.spec(\.in)?$/.test(name)) out.push(path.join(dir, name));
  }
  return out;
}

test('formatting the corpus: idempotent, whitespace-only, same macros, tag values and specwright query output', (t) => {
  const shared = sharedDir();
  if (!shared) return t.skip(SHARED_MISSING);
  const problems: string[] = [];
  let changed = 0;
  const files = corpusSpecs(shared);
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    const before = parseSpec(text);
    const once = formatSpecText(before);
    if (once !== text) changed++;
    if (formatSpecText(parseSpec(once)) !== once) problems.push(`${file}: formatting twice differs from once`);
    if (once.replace(/\s+/g, '') !== text.replace(/\s+/g, '')) problems.push(`${file}: something other than whitespace changed`);
    const after = parseSpec(once);
    const macros = (d: typeof before) => d.macroReferences.map((m) => `${m.form}:${m.name}:${d.text.slice(m.start, m.end).replace(/\s+/g, ' ')}`).join('\n');
    if (macros(after) !== macros(before)) problems.push(`${file}: macro references differ`);
    const tags = (d: typeof before) => d.tags.map((x) => `${x.name}=${x.value}`).join('\n');
    if (tags(after) !== tags(before)) problems.push(`${file}: tags differ`);
    const dnl = (d: typeof before) => d.comments.filter((c) => c.kind === 'dnl').map((c) => d.text.slice(d.lines.lineStarts[c.line], d.lines.lineEnd(c.line))).join('\n');
    if (dnl(after) !== dnl(before)) problems.push(`${file}: %dnl lines differ`);
    const changelog = (d: typeof before) => { const s = d.sections.find((x) => x.kind === 'changelog'); return s ? d.text.slice(s.body.start, s.body.end).replace(/\n+$/, '') : ''; };
    if (changelog(after) !== changelog(before)) problems.push(`${file}: %changelog text differs`);
    for (const distro of ['fedora', 'opensuse'] as const) {
      if (JSON.stringify(querySpec(after, distro)) !== JSON.stringify(querySpec(before, distro))) problems.push(`${file}: specwright query (${distro}) differs`);
    }
  }
  assert.ok(files.length > 400, `only ${files.length} corpus specs`);
  assert.ok(changed > 100, `only ${changed} specs changed: is the formatter doing anything?`);
  assert.deepEqual(problems, []);
});

test('rpm oracle sample: rpm sees the same spec before and after formatting', async (t) => {
  const shared = sharedDir();
  if (!shared) return t.skip(SHARED_MISSING);
  const oracle = (await import(pathToFileURL(path.join(REPO_ROOT, 'scripts', 'format', 'oracle.mjs')).href)) as {
    oracleUnavailable(): string | undefined;
    runOracle(files: string[], options?: { jobs?: number }): Promise<{ queryDiffered: string[]; formatted: number; changed: number; rpmRejected: number; byteIdentical: number; sameAfterWhitespace: number; notIdempotent: string[]; rpmRejectedAfter: unknown[]; differed: unknown[] }>;
  };
  const why = oracle.oracleUnavailable();
  if (why) return t.skip(`skipped: ${why}`);
  // Every 12th spec of the shared corpus: about 40 specs, a few seconds.
  const files = corpusSpecs(shared).filter((f) => f.includes(`${path.sep}spec${path.sep}`)).filter((_, i) => i % 12 === 0);
  const r = await oracle.runOracle(files);
  assert.equal(r.formatted, files.length);
  assert.ok(r.changed - r.rpmRejected >= 10, `too few changed specs that rpm accepts (${r.changed - r.rpmRejected})`);
  assert.equal(r.byteIdentical + r.sameAfterWhitespace, r.changed - r.rpmRejected - r.differed.length);
  assert.deepEqual({ differed: r.differed, rejectedAfter: r.rpmRejectedAfter, notIdempotent: r.notIdempotent, queryDiffered: r.queryDiffered }, { differed: [], rejectedAfter: [], notIdempotent: [], queryDiffered: [] });
});
