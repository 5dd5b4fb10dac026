import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RelatedDocument } from '../../server/src/service/rules/types';
import { testDocExamples } from '../helpers/docs';
import { assertFindings, lintText } from '../helpers/fixtures';

const RULE = 'dkms-make-installs-modules';
const opts = { rules: [RULE], languageId: 'dkms-conf' as const };
const mk = (rel: string, text: string): RelatedDocument => ({ uri: `file:///fixture/${rel}`, languageId: 'makefile', text });
const HEAD = 'PACKAGE_NAME=foo\nPACKAGE_VERSION=1.0\nBUILT_MODULE_NAME[0]=foo\nDEST_MODULE_LOCATION[0]=/updates\n';

test(`${RULE}: modules_install, depmod and copies into /lib/modules in MAKE`, () => {
  const findings = assertFindings(`${HEAD}MAKE[0]="make -C \${kernel_source_dir} M=\${dkms_tree}/foo/1.0/build modules modules_install"
#       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ ${RULE}
MAKE[1]="make KVER=\${kernelver} && /sbin/depmod -a \${kernelver}"
#       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ ${RULE}
MAKE_MATCH[1]="^5"
MAKE[2]="make && cp foo.ko /lib/modules/\${kernelver}/extra/"
#       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ ${RULE}
MAKE_MATCH[2]="^6"
`, opts);
  assert.match(findings[0].message, /^This MAKE command installs into the live system \(make modules_install \(without INSTALL_MOD_PATH\) installs the modules into \/lib\/modules\): dkms installs the built modules itself/);
  assert.match(findings[1].message, /\(depmod rewrites the live modules\.dep\)/);
  assert.match(findings[2].message, /\(cp into \/lib\/modules writes into the live module tree\)/);
});

test(`${RULE}: a make target whose recipe in the Makefile installs`, () => {
  const makefile = mk('Makefile', `KVER ?= $(shell uname -r)
KSRC ?= /lib/modules/$(KVER)/build
MODDESTDIR := /lib/modules/$(KVER)/kernel/drivers/net/wireless/
obj-m := foo.o

all: modules install

modules:
\t$(MAKE) -C $(KSRC) M=$(CURDIR) modules

install:
\tinstall -p -m 644 foo.ko $(MODDESTDIR)
\t/sbin/depmod -a $(KVER)
`);
  const [f] = assertFindings(`${HEAD}MAKE[0]="make KVER=\${kernelver}"
#       ^^^^^^^^^^^^^^^^^^^^^^^^ ${RULE}
MAKE[1]="make KVER=\${kernelver} modules"
MAKE_MATCH[1]="^6"
MAKE[2]="'make' KVER=\${kernelver} install"
#       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ ${RULE}
MAKE_MATCH[2]="^5"
`, { ...opts, related: [makefile] });
  assert.equal(f.message, 'This MAKE command runs the target all of Makefile, whose recipe installs into the live system (Makefile line 13: depmod rewrites the live modules.dep): dkms installs the built modules itself (dkms install copies them to /lib/modules/$kernelver/ and DEST_MODULE_LOCATION, runs depmod, and takes them out again on uninstall or remove); files the build writes into /lib/modules are not tracked by dkms or the package, stay behind on removal and may land in the wrong kernel\'s tree. Build only (the modules target) and let dkms install');
  assert.deepEqual(f.related?.[0].range, { start: { line: 12, character: 0 }, end: { line: 12, character: 24 } });
});

test(`${RULE}: near misses stay silent`, () => {
  const staged = mk('Makefile', 'all:\n\t$(MAKE) -C $(KSRC) M=$(CURDIR) modules\ninstall:\n\t$(MAKE) -C $(KSRC) M=$(CURDIR) INSTALL_MOD_PATH=$(DESTDIR) modules_install\n\tinstall -m644 foo.ko $(DESTDIR)/lib/modules/$(KVER)/extra\n');
  for (const make of [
    'make -C ${kernel_source_dir} M=${dkms_tree}/foo/1.0/build',
    'make INSTALL_MOD_PATH=${dkms_tree}/staging modules_install',
    'make install',
    'make all',
    'make -C src install', // another folder's Makefile: not read
    'make modules_install_prepare SKIP-depmod=1',
  ]) {
    assert.deepEqual(lintText(`${HEAD}MAKE[0]="${make}"\n`, { ...opts, related: [staged] }).map((f) => f.message), [], make);
  }
  // a comment, and CLEAN (not MAKE)
  assert.deepEqual(lintText(`${HEAD}# MAKE[0]="make modules_install"\nCLEAN="make clean && depmod -a"\n`, opts), []);
});

test(`${RULE}: CRLF and non-ASCII`, () => {
  assertFindings(`PACKAGE_NAME="äöü"
MAKE[0]="make modules_install"
#       ^^^^^^^^^^^^^^^^^^^^^^ ${RULE}
`, { ...opts, crlf: true });
});

testDocExamples(RULE);
