import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { evrInRange, rpmvercmp } from '../../server/src/service/specfile/rpmVersion';

// The distribution's python: python3-rpm is installed for it only (as scripts/oracle/rpm.mjs).
const PYTHON = '/usr/bin/python3';

// rpm 4.18's answers (python3-rpm's labelCompare with equal epochs and releases).
const TABLE: [string, string, number][] = [
  ['1.0', '1.0', 0], ['1.0', '2.0', -1], ['2.0.1', '2.0', 1], ['1.0a', '1.0', 1], ['1.0~rc1', '1.0', -1],
  ['1.0^', '1.0', 1], ['1.0^git1', '1.0.1', -1], ['1.0^git1', '1.0', 1], ['a', '1', -1], ['10', '9', 1],
  ['1.010', '1.10', 0], ['2.1.7', '9', -1], ['0.12.0', '0.12.0', 0], ['1.0~rc1', '1.0~rc2', -1],
  ['1.0^git1~pre', '1.0^git1', -1], ['xyz', 'xyz.1', -1], ['1.0_1', '1.0.1', 0], ['5.5p1', '5.5p10', -1],
  ['2a', '2.0', -1], ['1.0~', '1.0', -1], ['1.0', '1.0^', -1], ['001', '1', 0],
];

test('rpmvercmp orders versions as rpm 4.18 does', () => {
  for (const [a, b, want] of TABLE) {
    assert.equal(rpmvercmp(a, b), want, `${a} vs ${b}`);
    assert.equal(rpmvercmp(b, a), want === 0 ? 0 : -want, `${b} vs ${a}`);
  }
});

test('evrInRange: a bound without a release matches every release; a missing epoch is 0', () => {
  const evr = (version: string, release = '1', epoch = '') => ({ epoch, version, release });
  assert.equal(evrInRange(evr('2.1.7'), '<', '9'), true, "fwupd 2.1.7 is inside 'Obsoletes: dbxtool < 9'");
  assert.equal(evrInRange(evr('9'), '<', '9'), false);
  assert.equal(evrInRange(evr('0.12.0', '5'), '<=', '0.12.0'), true);
  assert.equal(evrInRange(evr('0.12.0', '5'), '<=', '0.12.0-4'), false);
  assert.equal(evrInRange(evr('1.6.2'), '<', '14.2-3'), true);
  assert.equal(evrInRange(evr('1.0', '1', '1'), '<', '9'), false, 'epoch 1 is above any epoch-0 bound');
  assert.equal(evrInRange(evr('2019'), '<=', '9:2019-15'), true);
  // only the release could decide, and it is unknown
  assert.equal(evrInRange({ epoch: '', version: '14.2' }, '<', '14.2-3'), undefined);
  assert.equal(evrInRange({ epoch: '', version: '2.1.7' }, '<', '14.2-3'), true);
});

test('rpmvercmp agrees with rpm on generated versions (python3-rpm when installed)', (t) => {
  const probe = spawnSync(PYTHON, ['-c', 'import rpm'], { encoding: 'utf8' });
  if (probe.status !== 0) return t.skip('python3-rpm is not installed (apt-get install python3-rpm)');
  // Deterministic pseudo-random versions built from the pieces rpm's comparison cares about.
  const pieces = ['0', '1', '2', '10', '01', 'a', 'b', 'rc', '.', '_', '~', '^', '+', 'git'];
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const version = () => Array.from({ length: 1 + Math.floor(next() * 5) }, () => pieces[Math.floor(next() * pieces.length)]).join('');
  const pairs = Array.from({ length: 400 }, () => [version(), version()]);
  const script = 'import json,sys,rpm\nfor a,b in json.load(sys.stdin): print(rpm.labelCompare(("0",a,"1"),("0",b,"1")))';
  const run = spawnSync(PYTHON, ['-c', script], { input: JSON.stringify(pairs), encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const answers = run.stdout.trim().split('\n').map(Number);
  const differ = pairs.filter(([a, b], k) => rpmvercmp(a, b) !== answers[k]).map(([a, b], k) => `${a} vs ${b}: rpm ${answers[k]}`);
  assert.deepEqual(differ, []);
});
