import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFindings } from '../helpers/fixtures';
import { testDocExamples } from '../helpers/docs';
import { dkmsVer, kernelAccepted } from '../../server/src/service/dkms/buildExclusive';

const opts = { rules: ['dkms-build-exclusive'], languageId: 'dkms-conf' as const };

test('[18-19] (bash cannot compile it: every kernel excluded) and [10-19] (one character)', () => {
  const f = assertFindings(`BUILD_EXCLUSIVE_KERNEL="^5\\.[18-19]"
#                           ^^^^^^^ dkms-build-exclusive
`, opts);
  assert.match(f[0].message, /backwards range, which bash cannot compile: .*every kernel as excluded/);
  const g = assertFindings(`BUILD_EXCLUSIVE_KERNEL="^(5\\.[10-19]|6|7)"
#                            ^^^^^^^ dkms-build-exclusive
`, opts);
  assert.match(g[0].message, /^\[10-19\] is a bracket expression: it matches one character \(0, 1, 9\), not the numbers 10 to 19/);
});

test('a literal .x, and patterns that skip every 7.x kernel', () => {
  const f = assertFindings(`BUILD_EXCLUSIVE_KERNEL="^6\\.x"
#                         ^^^ dkms-build-exclusive
BUILD_EXCLUSIVE_KERNEL="^[5-6]\\."
#                      ^^^^^^^^^^ dkms-build-exclusive
BUILD_EXCLUSIVE_KERNEL="^(4|5|6)"
#                      ^^^^^^^^^^ dkms-build-exclusive
BUILD_EXCLUSIVE_KERNEL="^2\\.6"
#                      ^^^^^^^ dkms-build-exclusive
`, opts);
  assert.match(f[0].message, /matches the letter x/);
  assert.match(f[1].message, /^"\^\[5-6\]\\\." matches 5\.4\.0-200-generic, .* but no 7\.x kernel \(7\.0\.5-200\.fc44\.x86_64, 7\.3\.1\): dkms silently skips current kernels/);
  assert.match(f[3].message, /matches none of the sample kernel releases/);
});

test('MIN above MAX, CONFIG_X with !CONFIG_X, Debian arch names', () => {
  assertFindings(`BUILD_EXCLUSIVE_KERNEL_MIN="6.10"
BUILD_EXCLUSIVE_KERNEL_MAX="6.9.99"
#                          ^^^^^^^^ dkms-build-exclusive
BUILD_EXCLUSIVE_CONFIG="CONFIG_PCI !CONFIG_PCI CONFIG_USB"
#                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ dkms-build-exclusive
BUILD_EXCLUSIVE_ARCH="amd64"
#                    ^^^^^^^ dkms-build-exclusive
`, opts);
});

test('near misses: sensible patterns, MIN/MAX in order, variables, the dkms test arch "none", CRLF', () => {
  assertFindings(
    [
      'BUILD_EXCLUSIVE_KERNEL="^(5\\.1[5-9]|6\\.|7\\.)"',
      'BUILD_EXCLUSIVE_KERNEL="^[4-9]\\."',
      'BUILD_EXCLUSIVE_KERNEL="${KPATTERN}"',
      'BUILD_EXCLUSIVE_KERNEL_MIN="5.10"',
      'BUILD_EXCLUSIVE_KERNEL_MAX="7.99"',
      'BUILD_EXCLUSIVE_CONFIG="CONFIG_PCI !CONFIG_X86_32"',
      'BUILD_EXCLUSIVE_ARCH="none"',
      'BUILD_EXCLUSIVE_ARCH="x86_64|aarch64"',
      // a deliberate cap for old kernels (WireGuard's compat module), and exclusion inside an if (v4l2loopback)
      'BUILD_EXCLUSIVE_KERNEL="^((5\\.[0-5]($|[.-]))|(4\\.)|(3\\.1[0-9]))"',
      'if [ -f x ]; then',
      '  BUILD_EXCLUSIVE_KERNEL="REQUIRES CONFIG_VIDEO_DEV"',
      'fi',
      '',
    ].join('\n'),
    { ...opts, crlf: true },
  );
  assert.ok(true);
});

test('the evaluator: dkms VER() order, MIN/MAX and patterns per release', () => {
  assert.equal(dkmsVer('6.1.0-28-amd64'), '006.001.000-028-amd064');
  assert.ok(dkmsVer('6.10.0') > dkmsVer('6.9.12'));
  assert.ok(kernelAccepted({ kernelMin: '5.15' }, '6.1.0-28-amd64'));
  assert.ok(!kernelAccepted({ kernelMin: '5.15' }, '5.10.0-33-amd64'));
  assert.ok(!kernelAccepted({ kernel: '^5\\.[18-19]' }, '5.18.0'), 'an uncompilable pattern excludes every kernel');
  assert.ok(kernelAccepted({ kernel: '^6' }, '6.8.0-49-generic'));
});

testDocExamples('dkms-build-exclusive');
