import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyFixes, assertFindings } from '../helpers/fixtures';
import { testDocExamples } from '../helpers/docs';

const opts = { rules: ['dkms-uname-r'], languageId: 'dkms-conf' as const };

test('uname -r in MAKE, CLEAN, scripts and helper variables, with the fix', () => {
  const source = `MAKE[0]="make -C /lib/modules/$(uname -r)/build M=\${dkms_tree}/x/1/build"
#                ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ dkms-uname-r
CLEAN="make KVER=\`uname -r\` clean"
#                ^^^^^^^^^^ dkms-uname-r
POST_INSTALL="post.sh $(uname  -r)"
#                     ^^^^^^^^^^^^ dkms-uname-r
KVER=$(uname -r)
#    ^^^^^^^^^^^ dkms-uname-r
MAKE[1]='make KERNELDIR=/lib/modules/$(shell uname -r)/build'
#                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ dkms-uname-r
if [ -d /lib/modules/$(uname -r) ]; then :; fi
#                    ^^^^^^^^^^^ dkms-uname-r
`;
  const findings = assertFindings(source, opts);
  assert.match(findings[0].message, /^MAKE uses the running kernel \(\/lib\/modules\/\$\(uname -r\)\/build\): dkms builds for the kernel in \$kernelver.*Use \$\{kernel_source_dir\}$/);
  assert.equal(findings[5].fixes.length, 0, 'shell code: no automatic fix');
  const text = source.split('\n').filter((l) => !/^#\s/.test(l)).join('\n');
  assert.equal(
    applyFixes(text, findings),
    `MAKE[0]="make -C \${kernel_source_dir} M=\${dkms_tree}/x/1/build"
CLEAN="make KVER=\${kernelver} clean"
POST_INSTALL="post.sh \${kernelver}"
KVER=\${kernelver}
MAKE[1]='make KERNELDIR=\${kernel_source_dir}'
if [ -d /lib/modules/$(uname -r) ]; then :; fi
`,
  );
});

test('near misses: $kernelver, a fallback for running outside dkms, uname -m, comments, CRLF', () => {
  assertFindings('MAKE[0]="make KVER=${kernelver}"\nKVER="${kernelver:-$(uname -r)}"\nARCH=$(uname -m)\n# make KVER=$(uname -r)\n', { ...opts, crlf: true });
  assert.ok(true);
});

test('a Makefile beside dkms.conf that sets KVER from uname -r, reported on the MAKE line it affects', () => {
  const makefile = {
    uri: 'file:///w/src/Makefile',
    languageId: 'makefile' as const,
    text: 'obj-m += mydrv.o\nKVER := $(shell uname -r)\nKDIR = /lib/modules/$(KVER)/build\nifndef KSRC\nKSRC := $(shell uname -r)\nendif\nall:\n\t$(MAKE) -C $(KDIR) M=$(PWD) modules\n',
  };
  const source = `MAKE[0]="make all"
#       ^^^^^^^^^^ dkms-uname-r
MAKE[1]="make KVER=\${kernelver} all"
`;
  const findings = assertFindings(source, { ...opts, related: [makefile] });
  assert.equal(findings[0].message, 'Makefile line 2 sets KVER from uname -r (KVER := $(shell uname -r)) and this MAKE command does not pass KVER: the module is built for the running kernel, not the one dkms builds for. Pass KVER=${kernelver} here, or write KVER ?= $(shell uname -r) in Makefile');
  assert.deepEqual(findings[0].related, [{ uri: 'file:///w/src/Makefile', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 25 } }, message: 'KVER set from uname -r' }]);
  const text = source.split('\n').filter((l) => !/^#\s/.test(l)).join('\n');
  assert.equal(applyFixes(text, findings), 'MAKE[0]="make all KVER=${kernelver}"\nMAKE[1]="make KVER=${kernelver} all"\n');
  // override: even KVER= on the command line loses
  const over = { ...makefile, text: 'override KVER := $(shell uname -r)\n' };
  const [o] = assertFindings(`MAKE[0]="make KVER=\${kernelver}"
#       ^^^^^^^^^^^^^^^^^^^^^^^^ dkms-uname-r
`, { ...opts, related: [over] });
  assert.equal(o.fixes.length, 0);
  // ?=, guarded, KERNELRELEASE, recipe lines: nothing
  const fine = { ...makefile, text: 'KVER ?= $(shell uname -r)\nifeq ($(KVER),)\nKVER := $(shell uname -r)\nendif\nKERNELRELEASE := $(shell uname -r)\nall:\n\tKV=$(shell uname -r) echo\n' };
  assertFindings('MAKE[0]="make all"\n', { ...opts, related: [fine] });
});

testDocExamples('dkms-uname-r');
