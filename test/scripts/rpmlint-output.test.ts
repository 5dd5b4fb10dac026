// The rpmlint output parser used by scripts/compare-rpmlint.mjs.
import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

interface RpmlintFinding { file: string; line?: number; level: string; id: string; details: string }
interface Module { parseRpmlintOutput(output: string): RpmlintFinding[]; isRpmlintResultStatus(status: number): boolean }

async function load(): Promise<Module> {
  let dir = __dirname;
  while (!dir.endsWith(path.sep + 'out') && path.dirname(dir) !== dir) dir = path.dirname(dir);
  const root = dir.endsWith(path.sep + 'out') ? path.dirname(dir) : process.cwd();
  return (await import(pathToFileURL(path.join(root, 'scripts', 'rpmlint-output.mjs')).href)) as Module;
}

test('rpmlint output: line findings, file findings, details with colons, summary lines ignored', async () => {
  const { parseRpmlintOutput } = await load();
  const out = [
    '============================ rpmlint session starts ============================',
    'gimp.spec:271: E: use-of-RPM_SOURCE_DIR',
    'SpecCheck4.spec:36: E: forbidden-controlchar-found %changelog: - entry',
    '%ifarch-applied-patch.spec: W: %ifarch-applied-patch Patch1: Patch1.patch',
    'gimp.spec:236: W: mixed-use-of-spaces-and-tabs (spaces: line 34, tab: line 236)',
    '1 packages and 0 specfiles checked; 2 errors, 1 warnings, 0 badness; has taken 0.1 s',
    '',
  ].join('\n');
  assert.deepEqual(parseRpmlintOutput(out), [
    { file: 'gimp.spec', line: 271, level: 'E', id: 'use-of-RPM_SOURCE_DIR', details: '' },
    { file: 'SpecCheck4.spec', line: 36, level: 'E', id: 'forbidden-controlchar-found', details: '%changelog: - entry' },
    { file: '%ifarch-applied-patch.spec', level: 'W', id: '%ifarch-applied-patch', details: 'Patch1: Patch1.patch' },
    { file: 'gimp.spec', line: 236, level: 'W', id: 'mixed-use-of-spaces-and-tabs', details: '(spaces: line 34, tab: line 236)' },
  ]);
});

test('rpmlint output: CRLF output and exit statuses', async () => {
  const { parseRpmlintOutput, isRpmlintResultStatus } = await load();
  assert.deepEqual(parseRpmlintOutput('a.spec: W: no-%build-section\r\n'), [{ file: 'a.spec', level: 'W', id: 'no-%build-section', details: '' }]);
  assert.deepEqual([0, 64, 65, 66, 1, 2].map(isRpmlintResultStatus), [true, true, true, true, false, false]);
});
