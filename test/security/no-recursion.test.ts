// Input size never reaches the call stack (reliability run F10: 130k commands in %install made
// make-install-without-destdir throw RangeError), and a rule that throws is reported once, as a
// finding on the file plus the ruleErrors the CLI prints, instead of silently missing findings.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../server/src/service/index';
import { ALL_RULES } from '../../server/src/service/rules/registry';
import { appendAll, maxOf } from '../../server/src/service/text/arrays';
import { SPEC_HEAD } from '../helpers/specs';

const service = createLanguageService();
let version = 0;
const doc = (text: string, languageId: 'rpm-spec' | 'dkms-conf' = 'rpm-spec') => ({ uri: `file:///big/${languageId === 'rpm-spec' ? 'big.spec' : 'dkms.conf'}`, languageId, version: ++version, text });

describe('no input-sized argument lists', () => {
  it('140,000 commands in %install: every rule runs, none throws', { timeout: 300_000 }, () => {
    const text = `${SPEC_HEAD}%install\n${'make install\n'.repeat(140_000)}`;
    const r = service.lint(doc(text));
    assert.deepEqual(r.ruleErrors.map((e) => `${e.rule}: ${e.error.split('\n')[0]}`), []);
    assert.ok(r.findings.some((f) => f.rule === 'make-install-without-destdir'));
  });

  it('appendAll and maxOf', () => {
    const out = [1];
    appendAll(out, Array.from({ length: 500_000 }, (_, i) => i));
    assert.equal(out.length, 500_001);
    assert.equal(maxOf(out), 499_999);
    assert.equal(maxOf([]), -Infinity);
    assert.equal(maxOf([-3, -1, -2]), -1);
  });
});

describe('a rule that throws', () => {
  it('is reported once as a finding on the file and in ruleErrors; the other rules still report', () => {
    const rule = ALL_RULES.find((r) => r.id === 'setup-not-quiet')! as { check: (ctx: unknown) => void };
    const original = rule.check;
    rule.check = () => {
      throw new RangeError('Maximum call stack size exceeded');
    };
    try {
      const r = service.lint(doc(`${SPEC_HEAD}%prep\n%setup\n%files\n/usr/bin/foo\n`));
      assert.deepEqual(r.ruleErrors.map((e) => e.rule), ['setup-not-quiet']);
      const mine = r.findings.filter((f) => f.rule === 'setup-not-quiet');
      assert.equal(mine.length, 1);
      assert.equal(mine[0].severity, 'warning');
      assert.match(mine[0].message, /rule setup-not-quiet failed on this file \(internal error: RangeError: Maximum call stack size exceeded\), so its findings are missing/);
      assert.deepEqual(mine[0].range.start, { line: 0, character: 0 });
      assert.ok(r.findings.some((f) => f.rule === 'hardcoded-path'), 'the other rules still ran');
    } finally {
      rule.check = original;
    }
  });
});
