// The adapters: shell extraction (pure), rpmlint/shellcheck/rpmspec output mapping, and the real
// tools on fixtures (skipped with a message when a tool is not installed here).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseSpec } from '../../server/src/service/specfile/parser';
import { extractShellBodies } from '../../server/src/service/shell/extract';
import { planTool, type SpecTarget } from '../../server/src/node/tools/index';
import { parseRpmlintOutput, rpmlintFinding } from '../../server/src/node/tools/rpmlint';
import { parseRpmMessages } from '../../server/src/node/tools/rpmspec';
import { runToolSync } from '../../server/src/node/tools/run';
import type { ToolName, ToolReport } from '../../server/src/node/tools/types';

const FIXTURE = path.resolve(__dirname, '../../../test/fixtures/tools/menable-dkms.spec');

function installed(tool: string): boolean {
  const r = spawnSync(tool, ['--version'], { stdio: 'ignore' });
  return !r.error;
}
function skipUnless(tool: string): string | false {
  return installed(tool) ? false : `${tool} is not installed (apt-get install ${tool === 'rpmspec' ? 'rpm' : tool})`;
}

function target(file: string, text = fs.readFileSync(file, 'utf8')): SpecTarget {
  return { doc: parseSpec(text), text, fileName: path.basename(file), filePath: file };
}
function run(tool: ToolName, t: SpecTarget): ToolReport {
  const plan = planTool(tool, tool, t);
  assert.ok(plan, `no ${tool} plan`);
  return plan.interpret(runToolSync(plan.invocation, { trusted: true }));
}

const SPEC = [
  'Name: foo', // 0
  'Summary: A foo.', // 1
  'Patch3: fix.patch', // 2
  '%description', // 3
  'x', // 4
  '%build', // 5
  'CFLAGS="%{optflags}" ./configure \\', // 6
  '%if %{with docs}', // 7
  '  --enable-docs \\', // 8
  '%endif', // 9
  '  --prefix=%{_prefix}', // 10
  'date +%Y%m; printf "%%s\\n" x', // 11
  '%post -p <lua>', // 12
  'print("x")', // 13
  '%postun', // 14
  '%define x 1', // 15
  'echo %{expand:a', // 16
  'b} done', // 17
  '',
].join('\n');

describe('shell extraction', () => {
  const doc = parseSpec(SPEC);
  const bodies = extractShellBodies(doc);
  it('keeps every line and column, replacing macros by placeholders of the same length', () => {
    assert.deepEqual(bodies.map((b) => b.label), ['%build', '%postun']);
    const lines = bodies[0].script.split('\n');
    assert.equal(lines[6], 'CFLAGS="___________" ./configure \\');
    assert.equal(lines[10], '  --prefix=__________');
    for (let l = 6; l <= 11; l++) assert.equal(lines[l].length, doc.lines.lineText(l).length, `line ${l}`);
    assert.equal(lines[0], '');
  });
  it('turns conditionals into comments, or into a continuation inside a continued command', () => {
    const lines = bodies[0].script.split('\n');
    assert.match(lines[7], /^ +\\$/);
    assert.match(lines[9], /^ +\\$/);
    const post = bodies[1].script.split('\n');
    assert.equal(post[15], '#define x 1');
  });
  it('leaves %%, printf and date formats alone and keeps multi-line macros on their lines', () => {
    const lines = bodies[0].script.split('\n');
    assert.equal(lines[11], 'date +%Y%m; printf "%%s\\n" x');
    const post = bodies[1].script.split('\n');
    assert.equal(post[16], 'echo _________\\');
    assert.equal(post[17], '__ done');
  });
  it('skips scriptlets with another interpreter', () => {
    assert.ok(!bodies.some((b) => b.label.includes('lua')));
  });
});

describe('rpmlint output', () => {
  const doc = parseSpec(SPEC);
  it('parses messages with and without a line', () => {
    const out = 'rpmlint: 2.4.0\n/tmp/x/foo.spec:7: W: configure-without-libdir-spec\nfoo.spec: E: no-%install-section\n foo.spec: W: summary-ended-with-dot A foo.\n 0 packages and 1 specfiles checked; 1 errors\n';
    assert.deepEqual(parseRpmlintOutput(out), [
      { line: 7, level: 'W', id: 'configure-without-libdir-spec', details: '' },
      { line: undefined, level: 'E', id: 'no-%install-section', details: '' },
      { line: undefined, level: 'W', id: 'summary-ended-with-dot', details: 'A foo.' },
    ]);
  });
  it('puts line-less messages where they belong, never on an empty range at 0:0', () => {
    const summary = rpmlintFinding(doc, { level: 'W', id: 'summary-ended-with-dot', details: 'A foo.' });
    assert.deepEqual(summary.range, { start: { line: 1, character: 9 }, end: { line: 1, character: 15 } });
    const patch = rpmlintFinding(doc, { level: 'W', id: 'patch-not-applied', details: 'Patch3: fix.patch' });
    assert.equal(patch.range.start.line, 2);
    const missing = rpmlintFinding(doc, { level: 'E', id: 'no-%install-section', details: '' });
    assert.deepEqual(missing.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 9 } });
    assert.deepEqual(missing.duplicates, ['no-%install-section']);
    const build = rpmlintFinding(doc, { level: 'W', id: 'superfluous-%build-section', details: '' });
    assert.equal(build.range.start.line, 5);
    const onLine = rpmlintFinding(doc, { line: 11, level: 'W', id: 'macro-in-comment', details: '%Y%m;' });
    assert.equal(onLine.range.start.line, 10);
  });
});

describe('rpm messages', () => {
  it('reads error and warning lines with and without a line number', () => {
    assert.deepEqual(parseRpmMessages('error: line 6: Unknown tag: Foo: bar\nwarning: bogus date in %changelog: x\nnoise\n'), [
      { level: 'error', line: 6, message: 'Unknown tag: Foo: bar' },
      { level: 'warning', message: 'bogus date in %changelog: x' },
    ]);
  });
});

describe('real tools', () => {
  it('shellcheck finds the broken %post of the DKMS article', { skip: skipUnless('shellcheck') }, () => {
    const report = run('shellcheck', target(FIXTURE));
    assert.equal(report.problem, undefined);
    const codes = report.findings.map((f) => `${f.code}@${f.range.start.line + 1}`);
    assert.ok(codes.includes('SC1073@26'), codes.join(' ')); // the `if` without then/fi
    assert.ok(report.findings.some((f) => f.code === 'SC1050' && f.severity === 'error'));
    assert.ok(report.findings.every((f) => f.href?.startsWith('https://www.shellcheck.net/wiki/SC')));
    // With then/fi added, shellcheck can see the assignment that never runs its command.
    const fixedText = fs.readFileSync(FIXTURE, 'utf8').replace('if [ ! occurrences > 0 ];\n', 'if [ ! occurrences > 0 ]; then\n').replace('--version}\n/usr/sbin/dkms build', '--version}\nfi\n/usr/sbin/dkms build')
      .replace('-v %{version}\n/usr/sbin/dkms build', '-v %{version}\nfi\n/usr/sbin/dkms build');
    const again = run('shellcheck', target(FIXTURE, fixedText));
    const line25 = again.findings.filter((f) => f.range.start.line === 24).map((f) => f.code);
    assert.ok(line25.length > 0, `no finding on the assignment: ${again.findings.map((f) => `${f.code}@${f.range.start.line + 1}`).join(' ')}`);
  });

  it('shellcheck offers its fixes unless they touch a macro placeholder', { skip: skipUnless('shellcheck') }, () => {
    const text = 'Name: x\n%description\nx\n%install\ncp $SRC %{buildroot}/x\necho %{name}$VAR\n';
    const report = run('shellcheck', target('/nonexistent/x.spec', text));
    const src = report.findings.find((f) => f.code === 'SC2086' && f.range.start.line === 4);
    assert.ok(src && src.fixes.length === 1, JSON.stringify(report.findings));
    assert.deepEqual(src.fixes[0].edits.map((e) => e.newText), ['"', '"']);
    const glued = report.findings.find((f) => f.code === 'SC2086' && f.range.start.line === 5);
    assert.ok(glued && glued.fixes.length === 0, 'a fix next to a placeholder was offered');
  });

  it('rpmlint reports on the spec and honours its rpmlintrc', { skip: skipUnless('rpmlint') }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'specwright-rpmlint-'));
    const file = path.join(dir, 'menable-dkms.spec');
    fs.copyFileSync(FIXTURE, file);
    const first = run('rpmlint', target(file));
    assert.equal(first.problem, undefined);
    assert.ok(first.findings.some((f) => f.code === 'invalid-url'), first.findings.map((f) => f.code).join(' '));
    // Ids Specwright implements (or contradicts, as no-buildroot-tag) are left to its rules.
    assert.ok(!first.findings.some((f) => f.code === 'no-buildroot-tag' || f.code === 'macro-in-comment'));
    assert.ok((first.superseded ?? 0) > 0);
    assert.ok(first.findings.every((f) => f.range.end.line > f.range.start.line || f.range.end.character > f.range.start.character));
    fs.writeFileSync(path.join(dir, 'menable-dkms.rpmlintrc'), 'addFilter("invalid-url")\n');
    assert.ok(!run('rpmlint', target(file)).findings.some((f) => f.code === 'invalid-url'));
    // Unsaved content (the CLI's case): a temporary copy with the same name.
    const unsaved = run('rpmlint', target(file, `Fooo: bar\n${fs.readFileSync(file, 'utf8')}`));
    assert.ok(unsaved.findings.some((f) => f.code === 'specfile-error'), unsaved.findings.map((f) => f.code).join(' '));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('rpmspec reports rpm errors at their line', { skip: skipUnless('rpmspec') }, () => {
    const text = 'Name: foo\nVersion: 1\nRelease: 1\nSummary: x\nLicense: MIT\nFoo: bar\n%description\nx\n';
    const report = run('rpmspec', target('/nonexistent/foo.spec', text));
    const error = report.findings.find((f) => f.code === 'error');
    assert.ok(error, JSON.stringify(report));
    assert.equal(error.range.start.line, 5);
  });
});
