import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFindings } from '../helpers/fixtures';
import { testDocExamples } from '../helpers/docs';

const opts = { rules: ['dkms-kernel-glob'] };
const HEAD = 'Name: foo\nVersion: 1.0\nRelease: 1\nSummary: s\nLicense: MIT\nBuildArch: noarch\n%description\nd\n';

test('kernel-version globs under /lib/modules in scriptlets', () => {
  const f = assertFindings(`${HEAD}%post
for k in /lib/modules/[5-6]*; do dkms install foo/1.0 -k \${k##*/} || :; done
#        ^^^^^^^^^^^^^^^^^^^ dkms-kernel-glob
ls -d /usr/lib/modules/6.*/build
#     ^^^^^^^^^^^^^^^^^^^^ dkms-kernel-glob
`, opts);
  assert.match(f[0].message, /^\/lib\/modules\/\[5-6\]\* names kernel versions: the loop skips every kernel outside them \(7\.x kernels/);
});

test('near misses: /lib/modules/*, $(uname -r), %files, %install, CRLF', () => {
  assertFindings(`${HEAD}%install\nls /lib/modules/5.*\n%post\nfor k in /lib/modules/*; do [ -d $k/build ] || continue; done\nls /lib/modules/$(uname -r)\n%files\n/lib/modules/6.1*\n`, { ...opts, crlf: true });
  assert.ok(true);
});

testDocExamples('dkms-kernel-glob');
