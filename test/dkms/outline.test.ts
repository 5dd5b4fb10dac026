import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDkms } from '../../server/src/service/dkms/parser';
import { dkmsDocumentSymbols, dkmsFoldingRanges } from '../../server/src/service/features/dkmsOutline';

const text = '# a\n# b\nPACKAGE_NAME="p"\nBUILT_MODULE_NAME[0]="m0"\nDEST_MODULE_LOCATION[0]="/extra"\nBUILT_MODULE_NAME[1]="m1"\nPATCH=(a\n b)\nf() {\n  x=1\n}\n';

test('symbols: one per assignment, module records grouped, functions', () => {
  const syms = dkmsDocumentSymbols(parseDkms(text));
  assert.deepEqual(syms.map((s) => s.name), ['PACKAGE_NAME', 'module 0', 'module 1', 'PATCH', 'f()', 'x']);
  const m0 = syms[1];
  assert.equal(m0.detail, 'm0');
  assert.deepEqual(m0.children!.map((c) => [c.name, c.detail]), [['BUILT_MODULE_NAME[0]', 'm0'], ['DEST_MODULE_LOCATION[0]', '/extra']]);
  assert.equal(m0.range.end.line, 4);
  assert.equal(syms[3].detail, '(a b)');
});

test('folding: comment blocks, multi-line arrays, functions', () => {
  const ranges = dkmsFoldingRanges(parseDkms(text));
  assert.deepEqual(ranges, [{ startLine: 0, endLine: 1, kind: 'comment' }, { startLine: 6, endLine: 7 }, { startLine: 8, endLine: 10 }]);
});
