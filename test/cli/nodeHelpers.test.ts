// The Node-side helpers shared by the CLI and the server, tested in-process.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { parseProjectConfig, findProjectConfig } from '../../server/src/node/config';
import { applyTextEdits, fixAll, selectNonOverlapping } from '../../server/src/node/fixes';
import { decodeText, readTextFile } from '../../server/src/node/readText';
import { findRelatedDocuments } from '../../server/src/node/related';
import { findRpmlintFilters, parseRpmlintFilters } from '../../server/src/node/rpmlintrc';
import { closest } from '../../server/src/node/suggest';
import { ALL_RULES } from '../../server/src/service/rules/registry';
import type { Finding, Fix } from '../../server/src/service/types';
import { tempDir } from './helpers';

const at = (line: number, character: number) => ({ line, character });

describe('readText', () => {
  it('keeps a BOM and CRLF as they are', () => {
    const r = decodeText(Buffer.from('\uFEFFName: x\r\n', 'utf8'));
    assert.deepEqual(r, { ok: true, text: '\uFEFFName: x\r\n' });
  });
  it('refuses binary and invalid UTF-8', () => {
    assert.equal((decodeText(Buffer.from([0x4e, 0x00, 0x41])) as { reason: string }).reason, 'binary');
    assert.equal((decodeText(Buffer.from([0x4e, 0xff, 0xfe, 0x41])) as { reason: string }).reason, 'encoding');
  });
  it('reports a folder and a missing file as unreadable', () => {
    const { dir, cleanup } = tempDir();
    try {
      assert.match((readTextFile(dir) as { message: string }).message, /directory/);
      assert.equal((readTextFile(path.join(dir, 'nope.spec')) as { reason: string }).reason, 'unreadable');
    } finally {
      cleanup();
    }
  });
});

describe('rpmlintrc', () => {
  it('extracts addFilter strings in both quote styles', () => {
    const text = [
      '# addFilter("commented-out")',
      'addFilter("W: no-documentation")',
      "addFilter('E: .*-devel-file-in-non-devel-package')",
      'addFilter(r"files-duplicate \\S+")',
      'addFilter("escaped \\\\. dot")',
      'setBadness("x", 0)',
    ].join('\n');
    assert.deepEqual(parseRpmlintFilters(text), ['W: no-documentation', 'E: .*-devel-file-in-non-devel-package', 'files-duplicate \\S+', 'escaped \\. dot']);
  });
  it('reads <name>.rpmlintrc, <name>-rpmlintrc and rpmlintrc next to the spec', () => {
    const { dir, cleanup } = tempDir();
    try {
      fs.writeFileSync(path.join(dir, 'foo.rpmlintrc'), 'addFilter("a")\n');
      fs.writeFileSync(path.join(dir, 'foo-rpmlintrc'), 'addFilter("b")\n');
      fs.writeFileSync(path.join(dir, 'rpmlintrc'), 'addFilter("c")\n');
      fs.writeFileSync(path.join(dir, 'bar.rpmlintrc'), 'addFilter("not for foo")\n');
      assert.deepEqual(findRpmlintFilters(path.join(dir, 'foo.spec')), ['a', 'b', 'c']);
    } finally {
      cleanup();
    }
  });
});

describe('related files', () => {
  it('finds dkms.conf beside and one level below a spec, and specs beside and above a dkms.conf', () => {
    const { dir, cleanup } = tempDir();
    try {
      fs.mkdirSync(path.join(dir, 'src', 'deeper'), { recursive: true });
      fs.mkdirSync(path.join(dir, 'node_modules'));
      fs.writeFileSync(path.join(dir, 'pkg.spec'), 'Name: pkg\n');
      fs.writeFileSync(path.join(dir, 'pkg.spec.in'), 'Name: @NAME@\n');
      fs.writeFileSync(path.join(dir, 'src', 'dkms.conf'), 'PACKAGE_NAME=pkg\n');
      fs.writeFileSync(path.join(dir, 'src', 'deeper', 'dkms.conf'), 'PACKAGE_NAME=too-deep\n');
      fs.writeFileSync(path.join(dir, 'node_modules', 'dkms.conf'), 'PACKAGE_NAME=skipped\n');
      const forSpec = findRelatedDocuments(path.join(dir, 'pkg.spec'), 'rpm-spec');
      assert.deepEqual(forSpec.map((r) => [path.basename(path.dirname(r.uri)), r.languageId, r.text]), [['src', 'dkms-conf', 'PACKAGE_NAME=pkg\n']]);
      const forDkms = findRelatedDocuments(path.join(dir, 'src', 'dkms.conf'), 'dkms-conf');
      assert.deepEqual(forDkms.filter((r) => r.languageId !== 'file-list').map((r) => r.uri.replace(/^.*\//, '')).sort(), ['pkg.spec', 'pkg.spec.in']);
      // the files under a dkms.conf's folder (its source tree), relative to it
      assert.deepEqual(forDkms.filter((r) => r.languageId === 'file-list').map((r) => r.text), ['deeper/dkms.conf\ndkms.conf']);
      // the Makefile/Kbuild beside a dkms.conf, first, as text for the dkms.conf rules
      fs.writeFileSync(path.join(dir, 'src', 'Makefile'), 'KVER := $(shell uname -r)\n');
      fs.writeFileSync(path.join(dir, 'Kbuild'), 'obj-m := not-beside.o\n');
      fs.writeFileSync(path.join(dir, 'src', 'deeper', 'Kbuild'), 'obj-m := deeper.o\n');
      const withMakefile = findRelatedDocuments(path.join(dir, 'src', 'dkms.conf'), 'dkms-conf');
      assert.deepEqual(withMakefile.map((r) => [path.relative(dir, decodeURIComponent(new URL(r.uri).pathname)), r.languageId]), [['src', 'file-list'], ['src/Makefile', 'makefile'], ['src/deeper/Kbuild', 'makefile'], ['pkg.spec', 'rpm-spec'], ['pkg.spec.in', 'rpm-spec']]);
      const overlay = findRelatedDocuments(path.join(dir, 'pkg.spec'), 'rpm-spec', { overlay: () => 'EDITED\n' });
      assert.equal(overlay[0].text, 'EDITED\n');
    } finally {
      cleanup();
    }
  });
});

describe('specwright.json', () => {
  it('accepts a valid file and explains every problem in an invalid one', () => {
    const rule = ALL_RULES[0]?.id;
    const ok = parseProjectConfig(JSON.stringify({ distro: 'rhel', rules: rule ? { [rule]: 'off' } : {} }), '/p/specwright.json');
    assert.deepEqual(ok.errors, []);
    assert.equal(ok.config.distro, 'rhel');
    const bad = parseProjectConfig('{"distro": "fedorra", "rulez": {}, "rules": {"no-such-rule": "off"}}', '/p/specwright.json');
    assert.equal(bad.errors.length, 3);
    assert.match(bad.errors[0], /\/p\/specwright\.json: "distro" must be one of .* \(did you mean 'fedora'\?\)/);
    assert.match(bad.errors[1], /unknown property "rulez".*did you mean 'rules'/);
    assert.match(bad.errors[2], /"no-such-rule": unknown rule/);
    assert.match(parseProjectConfig('{ nope', '/p/specwright.json').errors[0], /invalid JSON/);
    assert.match(parseProjectConfig('[]', '/p/specwright.json').errors[0], /expected a JSON object/);
  });
  it('is found in a parent folder', () => {
    const { dir, cleanup } = tempDir();
    try {
      fs.mkdirSync(path.join(dir, 'a', 'b'), { recursive: true });
      fs.writeFileSync(path.join(dir, 'specwright.json'), '{"distro": "opensuse"}');
      const found = findProjectConfig(path.join(dir, 'a', 'b', 'x.spec'));
      assert.equal(found?.file, path.join(dir, 'specwright.json'));
      assert.equal(found?.config.distro, 'opensuse');
    } finally {
      cleanup();
    }
  });
});

describe('fixes', () => {
  const fix = (title: string, edits: Fix['edits'], safety: Fix['safety'] = 'safe'): Fix => ({ title, safety, edits });
  it('applies non-overlapping fixes whole and skips clashing ones', () => {
    const text = 'aaa bbb ccc\nddd\n';
    const fixes = [
      fix('first', [{ range: { start: at(0, 0), end: at(0, 3) }, newText: 'AAA' }]),
      fix('clash', [{ range: { start: at(0, 2), end: at(0, 5) }, newText: 'X' }, { range: { start: at(1, 0), end: at(1, 3) }, newText: 'never' }]),
      fix('two edits', [{ range: { start: at(0, 8), end: at(0, 11) }, newText: 'CCC' }, { range: { start: at(1, 0), end: at(1, 0) }, newText: '>' }]),
    ];
    const { edits, applied } = selectNonOverlapping(text, fixes);
    assert.equal(applied, 2);
    assert.equal(applyTextEdits(text, edits), 'AAA bbb CCC\n>ddd\n');
  });
  it('repeats until stable and ignores unsafe fixes', () => {
    // A fake rule: every "x" has a safe fix to "y", every "y" an unsafe fix to "z".
    const lint = (t: string): Finding[] =>
      [...t.matchAll(/[xy]/g)].map((m) => ({
        rule: 'fake',
        severity: 'warning',
        message: m[0],
        range: { start: at(0, m.index!), end: at(0, m.index! + 1) },
        fixes: [fix(m[0], [{ range: { start: at(0, m.index!), end: at(0, m.index! + 1) }, newText: m[0] === 'x' ? 'y' : 'z' }], m[0] === 'x' ? 'safe' : 'unsafe')],
      }));
    assert.deepEqual(fixAll('x-x-y', lint), { text: 'y-y-y', fixed: 2 });
    assert.deepEqual(fixAll('none', lint), { text: 'none', fixed: 0 });
  });
});

describe('did you mean', () => {
  it('suggests close ids and fragments', () => {
    assert.equal(closest('spec-unclosd-if', ['spec-unclosed-if', 'spec-unknown-tag']), 'spec-unclosed-if');
    assert.equal(closest('unclosed-if', ['spec-unclosed-if', 'spec-unknown-tag']), 'spec-unclosed-if');
    assert.equal(closest('zzzzzz', ['spec-unclosed-if']), undefined);
  });
});
