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

test('per-module BUILD_EXCLUSIVE_*[i]: dkms reads element [0] for the whole package and never reads the others (checked with dkms 3.0.10)', () => {
  const f = assertFindings(`BUILT_MODULE_NAME[0]="foo"
BUILT_MODULE_NAME[1]="bar"
DEST_MODULE_LOCATION[0]="/updates/dkms"
DEST_MODULE_LOCATION[1]="/updates/dkms"
BUILD_EXCLUSIVE_KERNEL[0]="^(6|7)\\."
# <- dkms-build-exclusive
BUILD_EXCLUSIVE_KERNEL[1]="^5\\."
# <- dkms-build-exclusive
BUILD_EXCLUSIVE_CONFIG[1]="CONFIG_X !CONFIG_X"
# <- dkms-build-exclusive
`, opts);
  assert.equal(f[0].messageId, 'elementZeroWholePackage');
  assert.equal(f[0].message, 'BUILD_EXCLUSIVE_KERNEL[0] is the same as BUILD_EXCLUSIVE_KERNEL for dkms: it applies to the whole package (all 2 modules), not only to module 0, and BUILD_EXCLUSIVE_* entries with other indexes are never read (checked with dkms 3.0.10; per-module BUILD_EXCLUSIVE arrays were proposed upstream but are in no release up to 3.2.2). Write BUILD_EXCLUSIVE_KERNEL without an index if the whole package is meant');
  assert.equal(f[1].messageId, 'elementNeverRead');
  assert.match(f[1].message, /^BUILD_EXCLUSIVE_KERNEL\[1\] is never read: dkms reads BUILD_EXCLUSIVE_KERNEL as one setting for the whole package/);
  // the element's own pattern is not judged (dkms never reads it): no "no 7.x kernel", no contradiction
  assert.deepEqual(f.map((x) => x.messageId), ['elementZeroWholePackage', 'elementNeverRead', 'elementNeverRead']);
});

test('per-module: [0] of one setting beside [1] of another (dkms\'s per-module test confs) is package-wide too', () => {
  const f = assertFindings(`BUILD_EXCLUSIVE_KERNEL_MAX[0]="3.99"
# <- dkms-build-exclusive:elementZeroWholePackage
BUILD_EXCLUSIVE_KERNEL_MIN[1]="5.0"
# <- dkms-build-exclusive:elementNeverRead
`, opts);
  assert.match(f[0].message, /^BUILD_EXCLUSIVE_KERNEL_MAX\[0\] is the same as BUILD_EXCLUSIVE_KERNEL_MAX for dkms: it applies to the whole package \(every module\)/);
});

test('BUILD_EXCLUSIVE_CONFIG words that are not option names: excluded everywhere, or a negation with no effect (checked with dkms 3.0.10)', () => {
  const f = assertFindings(`BUILD_EXCLUSIVE_CONFIG="CONFIG_PCI PCI CONFIG_USB=y !NET !CONFIG_X86 CONFIG_(A|B)"
#                                  ^^^ dkms-build-exclusive:configNotAnOption
#                                      ^^^^^^^^^^^^ dkms-build-exclusive:configNotAnOption
#                                                   ^^^^ dkms-build-exclusive:configNegationNoEffect
`, opts);
  assert.equal(f[0].message, "BUILD_EXCLUSIVE_CONFIG lists PCI, which is not a kernel option name (CONFIG_ followed by letters, digits and _): dkms looks for a line PCI=y or PCI=m in the kernel's configuration, never finds one, and excludes every kernel whose configuration it can read. Write the option as CONFIG_PCI");
  assert.match(f[1].message, /Write the option as CONFIG_USB$/);
  assert.match(f[2].message, /^BUILD_EXCLUSIVE_CONFIG lists !NET, but NET is not a kernel option name .* so this entry excludes no kernel\. Write it as !CONFIG_NET$/);
});

test('per-module near misses: [0] alone is the package-wide setting, and an index only the shell knows', () => {
  assertFindings('BUILD_EXCLUSIVE_KERNEL[0]="^(5|6|7)\\."\nBUILD_EXCLUSIVE_ARCH[0]="x86_64"\nBUILD_EXCLUSIVE_KERNEL[$i]="^6"\n', opts);
  assert.ok(true);
});

testDocExamples('dkms-build-exclusive');
