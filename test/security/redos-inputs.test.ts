// The attack inputs of the reliability run (../shared/design/reliability-attacks-2026-12.md, F1, F2,
// F8 and the rpmlintrc and glob cases found by the regex checker) finish: each took from seconds to
// hours before. The timeout is what fails when a pattern backtracks again; a healthy run takes
// milliseconds. Plus the word-by-word replacements keep the old patterns' meaning.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRpmlintFilters } from '../../server/src/node/rpmlintrc';
import { createLanguageService, LineIndex } from '../../server/src/service/index';
import { readTargets } from '../../server/src/service/rules/dkms/_util';
import { globMatches } from '../../server/src/service/text/glob';
import { trimTrailingSlashes } from '../../server/src/service/text/trim';
import { DKMS_SPEC_HEAD } from '../helpers/specs';

const TIMEOUT = { timeout: 60_000 };
const service = createLanguageService();
let version = 0;
const lint = (text: string, languageId: 'rpm-spec' | 'dkms-conf', rules: string[]) =>
  service.lint({ uri: `file:///attack/${languageId === 'dkms-conf' ? 'dkms.conf' : 'attack.spec'}`, languageId, version: ++version, text }, {
    rules: Object.fromEntries(rules.map((r) => [r, 'warning' as const])),
  });

describe('attack inputs finish', () => {
  it('F1: a dkms.conf `read -rd -rd … -re=` line (170 bytes took 53 s; 24 repeats, hours)', TIMEOUT, () => {
    const text = 'PACKAGE_NAME="foo"\nPACKAGE_VERSION="1.0"\nread -r' + 'd -rd -r'.repeat(24) + 'e=\n';
    const r = lint(text, 'dkms-conf', ['dkms-unknown-variable']);
    assert.deepEqual(r.ruleErrors, []);
  });

  it('F2: hover on a spec line `dkms --- --- … 1` (126 characters took 88 s)', TIMEOUT, () => {
    const text = `${DKMS_SPEC_HEAD}%post\ndkms ${'--- '.repeat(60)}1\n`;
    const lines = new LineIndex(text);
    const line = lines.lineCount - 2;
    for (const character of [0, 2, 10, 200]) service.hover({ uri: 'file:///attack/h.spec', languageId: 'rpm-spec', version: ++version, text }, { line, character }, { distro: 'fedora' });
  });

  it('F8: a %files path of 1 MB of `/` and `set -eee…` in a DKMS %post (100 KB took 6.2 s and 8.8 s, growing with the square)', TIMEOUT, () => {
    const files = `${DKMS_SPEC_HEAD}%files\n/usr/lib/${'/'.repeat(1_000_000)}x/\n`;
    assert.deepEqual(lint(files, 'rpm-spec', ['hardcoded-path', 'hardcoded-library-path']).ruleErrors, []);
    const post = `${DKMS_SPEC_HEAD}%post\nset -${'e'.repeat(1_000_000)}!\ndkms install -m foo -v 1\n`;
    assert.deepEqual(lint(post, 'rpm-spec', ['dkms-scriptlet-can-fail']).ruleErrors, []);
  });

  it('an rpmlintrc `addFilter("\\i\\i…` line (exponential in the backslashes)', TIMEOUT, () => {
    assert.deepEqual(parseRpmlintFilters('addFilter("' + '\\i'.repeat(40) + '\n'), []);
    assert.deepEqual(parseRpmlintFilters('addFilter("a\\"b\\\\")  # x\naddFilter(r\'c\\.d\')\n'), ['a"b\\', 'c\\.d']);
  });

  it('a `%(echo … | cut -d … )` with long blank runs (found by the checker: degree 4, 620 characters took 97 s)', TIMEOUT, () => {
    const text = `Name: x\nVersion: %(echo ${' '.repeat(240)}|cut -d${' '.repeat(240)}!)\nRelease: 1\nSummary: s\nLicense: MIT\n\n%description\nd\n`;
    const doc = { uri: 'file:///attack/cut.spec', languageId: 'rpm-spec' as const, version: ++version, text };
    service.hover(doc, { line: 1, character: 3 }, { distro: 'fedora' });
    service.inlayHints(doc, { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } });
    assert.deepEqual(lint(text, 'rpm-spec', []).ruleErrors, []);
    const ok = `Name: x\nVersion: %(echo 5.15.18 | cut -d. -f1-2)\n`;
    assert.equal(service.query({ uri: 'file:///attack/ok.spec', languageId: 'rpm-spec', version: ++version, text: ok }, 'fedora').version, '5.15', 'the idiom is still understood');
  });

  it('a /usr/src glob with many stars against a long name', TIMEOUT, () => {
    assert.equal(globMatches('*a'.repeat(30) + 'b', 'a'.repeat(100_000)), false);
  });
});

describe('the word-by-word replacements mean what the patterns meant', () => {
  it('readTargets: options, option values, -a arrays, then names', () => {
    assert.deepEqual(readTargets(' -r line'), ['line']);
    assert.deepEqual(readTargets(' -r -d : a b c'), ['a', 'b', 'c']);
    assert.deepEqual(readTargets(' -rd , x'), ['x']);
    assert.deepEqual(readTargets(' -ra arr'), ['arr']);
    assert.deepEqual(readTargets(' -p prompt -t 5 v'), ['v']);
    assert.deepEqual(readTargets(' x y "$z"'), ['x', 'y']);
    assert.deepEqual(readTargets(' -r' + ' -rd -r'.repeat(20) + ' -re='), []);
  });

  it('globMatches: * and ? with everything else literal', () => {
    assert.ok(globMatches('foo-*', 'foo-1.0'));
    assert.ok(globMatches('foo-?.0', 'foo-1.0'));
    assert.ok(globMatches('*', ''));
    assert.ok(globMatches('a*b*c', 'aXbYc'));
    assert.ok(!globMatches('a*b*c', 'aXbY'));
    assert.ok(globMatches('foo[1]*', 'foo[1]x'), 'a bracket is literal (it made an invalid regex before)');
    assert.ok(!globMatches('foo.?', 'fooxx'));
  });

  it('trimTrailingSlashes', () => {
    assert.equal(trimTrailingSlashes('/usr/lib//'), '/usr/lib');
    assert.equal(trimTrailingSlashes('///'), '');
    assert.equal(trimTrailingSlashes('/usr'), '/usr');
  });
});
