// Message ids: rules report an id from their `messages` table and the engine renders the text.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatJsonFile } from '../../server/src/cli/formatJson';
import { toDiagnostic } from '../../server/src/serverCore/diagnostics';
import { ALL_RULES } from '../../server/src/service/rules/registry';
import { defineDkmsRule, defineSpecRule, renderMessage } from '../../server/src/service/rules/types';
import { lintText } from '../helpers/fixtures';

test('renderMessage fills {{name}} placeholders and leaves unknown ones visible', () => {
  assert.equal(renderMessage('{{a}} and {{ b }} and {{a}}', { a: 'x', b: 2 }), 'x and 2 and x');
  assert.equal(renderMessage('{{missing}} stays', { a: 'x' }), '{{missing}} stays');
  // data values are not scanned again
  assert.equal(renderMessage('{{a}}', { a: '{{b}}', b: 'no' }), '{{b}}');
  assert.equal(renderMessage('no data'), 'no data');
});

test('TypeScript accepts only the ids a rule declares', () => {
  const rule = defineSpecRule({
    id: 'example-only',
    category: 'style',
    defaultSeverity: 'warning',
    description: 'An example',
    fixSafety: 'none',
    messages: { tooLong: '{{name}} is too long', missing: 'nothing here' },
    check(ctx) {
      ctx.report({ start: 0, end: 1, messageId: 'tooLong', data: { name: 'x' } });
      // @ts-expect-error: 'tooShort' is not one of this rule's message ids (npm run typecheck fails if this compiles)
      ctx.report({ start: 0, end: 1, messageId: 'tooShort' });
    },
  });
  assert.deepEqual(Object.keys(rule.messages), ['tooLong', 'missing']);
  const dkms = defineDkmsRule({
    id: 'example-dkms',
    category: 'dkms',
    defaultSeverity: 'warning',
    description: 'An example',
    fixSafety: 'none',
    messages: { only: 'only' },
    check(ctx) {
      // @ts-expect-error: unknown id
      ctx.report({ start: 0, end: 1, messageId: 'other' });
    },
  });
  assert.equal(dkms.language, 'dkms-conf');
});

test('every rule declares its messages; findings carry the id and the rendered text', () => {
  for (const rule of ALL_RULES) {
    assert.ok(Object.keys(rule.messages).length > 0, `${rule.id} declares messages`);
    for (const [id, text] of Object.entries(rule.messages)) {
      assert.match(id, /^[a-z][A-Za-z0-9]*$/, `${rule.id}: message id ${id} is camelCase`);
      assert.ok(text.length > 0, `${rule.id}.${id} has text`);
    }
  }
  const findings = lintText('AUTOINSTALL=true\n', { languageId: 'dkms-conf', rules: ['dkms-yes-no-value'] });
  assert.equal(findings.length, 1);
  assert.equal(findings[0].messageId, 'notYesNo');
  assert.match(findings[0].message, /^AUTOINSTALL="true" is not yes or no: .*\. Write yes$/);
});

test('the message id reaches the LSP diagnostic data and the CLI JSON output', () => {
  const findings = lintText('AUTOINSTALL=true\n', { languageId: 'dkms-conf', rules: ['dkms-yes-no-value'] });
  const diagnostic = toDiagnostic(findings[0], 'file:///x/dkms.conf', 1);
  assert.equal((diagnostic.data as { messageId?: string }).messageId, 'notYesNo');
  const json = JSON.parse(formatJsonFile({ file: 'dkms.conf', languageId: 'dkms-conf', findings, ruleErrors: [] }, false));
  assert.equal(json.diagnostics[0].messageId, 'notYesNo');
  assert.equal(json.diagnostics[0].rule, 'dkms-yes-no-value');
});

test('parse problems keep the id the parser gave them', () => {
  const unclosed = lintText('Name: a\n%if 0%{?fedora}\nBuildRequires: x\n', { rules: ['spec-unclosed-if'] });
  assert.deepEqual(unclosed.map((f) => [f.messageId, f.message]), [['noEndif', "'%if' has no matching '%endif'"]]);
  const malformed = lintText('PACKAGE_NAME = foo\n', { languageId: 'dkms-conf', rules: ['dkms-malformed-line'] });
  assert.deepEqual(malformed.map((f) => f.messageId), ['spacesAroundEquals']);
  assert.match(malformed[0].message, /make bash run PACKAGE_NAME as a command/);
});
