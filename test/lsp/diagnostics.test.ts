// Finding → Diagnostic: plain-text messages (the Problems panel shows Markdown literally) and
// documentation links that are valid URLs for every rule id, `%` ids included.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { toDiagnostic } from '../../server/src/serverCore/diagnostics';
import { ALL_RULES, ruleDocUrl } from '../../server/src/service/rules/registry';
import { plainMessage } from '../../server/src/service/text/plainText';
import { REPO_ROOT } from '../helpers/lsp';

const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };

describe('diagnostics', () => {
  it('turn backticked code into quotes', () => {
    assert.equal(plainMessage('call it as `dkms` (or %{_sbindir}/dkms)'), "call it as 'dkms' (or %{_sbindir}/dkms)");
    assert.equal(plainMessage("`dkms remove` and `echo 'x'`"), `'dkms remove' and "echo 'x'"`);
    assert.equal(plainMessage('a lone ` stays'), 'a lone ` stays');
    const d = toDiagnostic({ rule: 'dkms-hardcoded-sbin-path', severity: 'warning', message: 'so call it as `dkms`', range, fixes: [] }, 'file:///a.spec', 1);
    assert.equal(d.message, "so call it as 'dkms'");
  });

  it('link every rule to its page with a valid, percent-encoded URL', () => {
    const percent = ALL_RULES.filter((r) => r.id.startsWith('%'));
    assert.ok(percent.length > 0, 'some rule ids start with %');
    for (const rule of ALL_RULES) {
      const url = new URL(ruleDocUrl(rule.id));
      const file = decodeURIComponent(url.pathname.split('/').at(-1)!);
      assert.equal(file, `${rule.id}.md`);
      assert.ok(fs.existsSync(path.join(REPO_ROOT, 'docs/rules', file)), file);
    }
    assert.ok(ruleDocUrl(percent[0].id).includes('/%25'), ruleDocUrl(percent[0].id));
  });
});
