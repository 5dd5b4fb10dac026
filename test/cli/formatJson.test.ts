// The JSON report's elements: a file with nothing to report is written directly, and must read
// exactly as the stringified element does.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { formatJsonFile, indentedJson } from '../../server/src/cli/formatJson';
import type { FileResult } from '../../server/src/cli/lintCommand';

/** The element as JSON.stringify([entry], null, 2) prints it. */
function stringified(entry: object): string {
  return JSON.stringify([entry], null, 2).slice(2, -2);
}

describe('formatJsonFile', () => {
  it('writes a file without findings as JSON.stringify would, for any file name', () => {
    for (const file of ['x.spec', 'dir with space/dkms.conf', 'quo"te\\back\u00e9\u2028.spec', 'tab\tnew\nline.spec']) {
      for (const languageId of ['rpm-spec', 'dkms-conf'] as const) {
        const r: FileResult = { file, languageId, findings: [], ruleErrors: [] };
        const text = formatJsonFile(r, false);
        assert.equal(text, stringified({ file, language: languageId, diagnostics: [] }));
        assert.deepEqual(JSON.parse(text), { file, language: languageId, diagnostics: [] });
      }
    }
  });

  it('keeps the full form with --fix (the fixed count) and with rule errors', () => {
    const fixed: FileResult = { file: 'a.spec', languageId: 'rpm-spec', findings: [], ruleErrors: [], fixed: 2 };
    assert.equal(formatJsonFile(fixed, true), stringified({ file: 'a.spec', language: 'rpm-spec', fixed: 2, diagnostics: [] }));
    const failed: FileResult = { file: 'a.spec', languageId: 'rpm-spec', findings: [], ruleErrors: [{ rule: 'r', error: 'e' }] };
    assert.equal(formatJsonFile(failed, false), indentedJson({ file: 'a.spec', language: 'rpm-spec', diagnostics: [], ruleErrors: [{ rule: 'r', error: 'e' }] }, 1));
  });
});
