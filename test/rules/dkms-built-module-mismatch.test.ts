import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { findRelatedDocuments } from '../../server/src/node/related';
import type { RelatedDocument } from '../../server/src/service/rules/types';
import { testDocExamples } from '../helpers/docs';
import { applyFixes, assertFindings, lintText, parseMarkers } from '../helpers/fixtures';
import fs from 'node:fs';

const RULE = 'dkms-built-module-mismatch';
const opts = { rules: [RULE], languageId: 'dkms-conf' as const };
const mk = (rel: string, text: string): RelatedDocument => ({ uri: `file:///fixture/${rel}`, languageId: 'makefile', text });
const list = (...files: string[]): RelatedDocument => ({ uri: 'file:///fixture', languageId: 'file-list', text: files.join('\n') });
const fixed = (source: string, related: RelatedDocument[]) => {
  const { text } = parseMarkers(source);
  return applyFixes(text, lintText(text, { ...opts, related }));
};

test(`${RULE}: a BUILT_MODULE_NAME that obj-m does not build, with the fix`, () => {
  const kbuild = mk('Kbuild', 'obj-m := hid-xpad.o\nhid-xpad-y := main.o usb.o\n');
  const source = `PACKAGE_NAME="xpad"
PACKAGE_VERSION="1.0"
BUILT_MODULE_NAME[0]="hid_xpad"
#                    ^^^^^^^^^^ ${RULE}
DEST_MODULE_LOCATION[0]="/kernel/drivers/hid"
`;
  const [f] = assertFindings(source, { ...opts, related: [kbuild] });
  assert.equal(f.messageId, 'notBuiltSpelling');
  assert.equal(f.message, 'BUILT_MODULE_NAME[0] "hid_xpad" is not a module the Kbuild/Makefile builds (hid-xpad.ko, from obj-m); kbuild keeps the name as written, hid-xpad: after make, dkms looks for hid_xpad.ko and stops with "Build of hid_xpad.ko failed" (exit 7)');
  assert.deepEqual(f.related, [{ uri: 'file:///fixture/Kbuild', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 19 } }, message: 'obj-m builds hid-xpad.ko' }]);
  assert.equal(f.fixes[0].safety, 'unsafe');
  assert.match(fixed(source, [kbuild]), /^BUILT_MODULE_NAME\[0\]="hid-xpad"$/m);
});

test(`${RULE}: PACKAGE_NAME as the default module name, obj-m forms and variables`, () => {
  // dkms names the only module after PACKAGE_NAME: the fix adds BUILT_MODULE_NAME[0]
  const kbuild = mk('Makefile', 'MODULE_NAME := rtl8812au\nobj-m := $(MODULE_NAME).o\n\nall:\n\t$(MAKE) -C $(KSRC) M=$(PWD) modules\n');
  const source = `PACKAGE_NAME="rtl8812au-dkms"
#            ^^^^^^^^^^^^^^^^ ${RULE}
PACKAGE_VERSION="5.6"
DEST_MODULE_LOCATION[0]="/updates"
`;
  const [d] = assertFindings(source, { ...opts, related: [kbuild] });
  assert.equal(d.message, 'BUILT_MODULE_NAME[0] is not set, so dkms uses PACKAGE_NAME "rtl8812au-dkms", which is not a module the Kbuild/Makefile builds (rtl8812au.ko, from obj-m): after make, dkms looks for rtl8812au-dkms.ko and stops with "Build of rtl8812au-dkms.ko failed" (exit 7)');
  assert.equal(fixed(source, [kbuild]), 'PACKAGE_NAME="rtl8812au-dkms"\nBUILT_MODULE_NAME[0]="rtl8812au"\nPACKAGE_VERSION="5.6"\nDEST_MODULE_LOCATION[0]="/updates"\n');
  // several modules, obj-m +=, obj-$(CONFIG_…), continuation lines: both names are built
  const multi = mk('Kbuild', 'obj-m += a.o \\\n  b.o\nobj-$(CONFIG_C) := c.o\n');
  assertFindings(`PACKAGE_NAME=x
PACKAGE_VERSION=1
BUILT_MODULE_NAME[0]=a
DEST_MODULE_LOCATION[0]=/extra
BUILT_MODULE_NAME[1]=c
DEST_MODULE_LOCATION[1]=/extra
BUILT_MODULE_NAME[2]=d
#                    ^ ${RULE}
DEST_MODULE_LOCATION[2]=/extra
`, { ...opts, related: [multi] });
});

test(`${RULE}: BUILT_MODULE_LOCATION against the folder whose Kbuild builds the module`, () => {
  const related = [mk('Makefile', 'all:\n\t$(MAKE) -C src\n'), mk('src/Kbuild', 'obj-m := foo.o\n'), list('Makefile', 'dkms.conf', 'src/Kbuild', 'src/foo.c')];
  const missing = `PACKAGE_NAME=foo
PACKAGE_VERSION=1.0
BUILT_MODULE_NAME[0]=foo
#                    ^^^ ${RULE}
DEST_MODULE_LOCATION[0]=/updates/dkms
`;
  const [f] = assertFindings(missing, { ...opts, related });
  assert.equal(f.message, 'BUILT_MODULE_LOCATION[0] is not set, but foo.ko is built in src/ (src/Kbuild line 1): after make, dkms looks for foo.ko at the top of the build directory and stops with "Build of foo.ko failed" (exit 7)');
  assert.equal(fixed(missing, related), 'PACKAGE_NAME=foo\nPACKAGE_VERSION=1.0\nBUILT_MODULE_NAME[0]=foo\nBUILT_MODULE_LOCATION[0]="src/"\nDEST_MODULE_LOCATION[0]=/updates/dkms\n');
  const wrong = `PACKAGE_NAME=foo
PACKAGE_VERSION=1.0
BUILT_MODULE_NAME[0]=foo
BUILT_MODULE_LOCATION[0]="driver/"
#                        ^^^^^^^^^ ${RULE}
DEST_MODULE_LOCATION[0]=/updates/dkms
`;
  const [w] = assertFindings(wrong, { ...opts, related });
  assert.equal(w.messageId, 'locationWrong');
  assert.match(w.message, /^BUILT_MODULE_LOCATION\[0\] is "driver\/", but foo\.ko is built in src\/ \(src\/Kbuild line 1\): after make, dkms looks for driver\/foo\.ko and stops/);
  assert.match(fixed(wrong, related), /^BUILT_MODULE_LOCATION\[0\]="src\/"$/m);
  // right as written, with or without the slash, ./ prefix
  for (const loc of ['src', 'src/', './src/']) {
    assertFindings(`PACKAGE_NAME=foo\nPACKAGE_VERSION=1.0\nBUILT_MODULE_NAME[0]=foo\nBUILT_MODULE_LOCATION[0]=${loc}\nDEST_MODULE_LOCATION[0]=/updates/dkms\n`, { ...opts, related });
  }
  // no Kbuild/Makefile at the top: a packaging folder (the spec copies src/* next to dkms.conf), not the tree dkms gets
  assert.deepEqual(lintText(parseMarkers(missing).text, { ...opts, related: [mk('src/Makefile', 'obj-m += foo.o\n'), list('dkms.conf', 'foo.spec', 'src/Makefile', 'src/foo.c')] }), []);
  // obj-m += src/ in the top Kbuild descends; the module still lands in src/
  const descending = [mk('Kbuild', 'obj-m += src/\n'), mk('src/Kbuild', 'obj-m := foo.o\n')];
  assertFindings(missing, { ...opts, related: descending });
});

test(`${RULE}: silent when unsure`, () => {
  const conf = 'PACKAGE_NAME=foo\nPACKAGE_VERSION=1.0\nBUILT_MODULE_NAME[0]=foo\nDEST_MODULE_LOCATION[0]=/updates\n';
  const cases: [string, RelatedDocument[]][] = [
    ['no Makefile supplied', []],
    ['a wrapper Makefile without obj-m', [mk('Makefile', 'all:\n\t$(MAKE) -C $(KDIR) M=$(PWD)/src\n')]],
    ['an unknown variable', [mk('Kbuild', 'obj-m := $(TARGET).o\n')]],
    ['a variable from an include', [mk('Kbuild', 'include config.mk\nobj-m := bar.o\n')]],
    ['a sub-folder whose Kbuild is not supplied', [mk('Kbuild', 'obj-m := bar.o\nobj-m += sub/\n')]],
    ['a Makefile the listing has but the caller did not supply', [mk('Kbuild', 'obj-m := bar.o\n'), list('Kbuild', 'dkms.conf', 'other/Makefile')]],
    ['a recipe that runs make in a folder whose Makefile is not supplied', [mk('Makefile', 'obj-m := bar.o\nall: sub\n\t$(MAKE) -C $(KDIR) M=$(PWD) modules\nsub:\n\t$(MAKE) -C hid-tminit KDIR="$(KDIR)"\n')]],
    ['an empty folder in the listing (a git submodule not checked out)', [mk('Kbuild', 'obj-m := bar.o\n'), list('Kbuild', 'dkms.conf', 'hid-tminit/')]],
    ['a Makefile that copies the .ko', [mk('Makefile', 'obj-m := foo.o\nall:\n\tmake -C $(KDIR) M=$(PWD)/src\n\tcp src/foo.ko .\n'), mk('src/Kbuild', 'obj-m := foo.o\n')]],
  ];
  for (const [why, related] of cases) assert.deepEqual(lintText(conf, { ...opts, related }).map((f) => f.message), [], why);
  // the MAKE command passes the variable, runs other commands, or names another Makefile
  const kbuild = [mk('Kbuild', 'NAME ?= bar\nobj-m := $(NAME).o\n')];
  for (const make of ['make NAME=foo', './build.sh', 'make -f Makefile.dkms', 'cd src && make']) {
    assert.deepEqual(lintText(`${conf}MAKE[0]="${make}"\n`, { ...opts, related: kbuild }).map((f) => f.message), [], make);
  }
  // names set in an if, or from variables
  assert.deepEqual(lintText('PACKAGE_NAME=foo\nPACKAGE_VERSION=1.0\nif true; then BUILT_MODULE_NAME[0]=x; fi\nDEST_MODULE_LOCATION[0]=/updates\n', { ...opts, related: kbuild }), []);
  assert.deepEqual(lintText('PACKAGE_NAME=foo\nPACKAGE_VERSION=1.0\nBUILT_MODULE_NAME[0]=${PACKAGE_NAME}\nDEST_MODULE_LOCATION[0]=/updates\n', { ...opts, related: kbuild }), []);
});

test(`${RULE}: CRLF dkms.conf and Makefile`, () => {
  assertFindings(`PACKAGE_NAME="föö"
PACKAGE_VERSION="1.0"
BUILT_MODULE_NAME[0]="foo"
#                    ^^^^^ ${RULE}
DEST_MODULE_LOCATION[0]="/extra"
`, { ...opts, crlf: true, related: [mk('Kbuild', 'obj-m := bar.o\r\n')] });
});

test(`${RULE}: the CLI reads the Kbuild in a sub-folder and the file list (fixture tree)`, () => {
  const file = path.resolve(__dirname, '../../../test/fixtures/dkms/trees/module-in-subfolder/dkms.conf');
  const related = findRelatedDocuments(file, 'dkms-conf');
  assert.deepEqual(related.map((r) => [r.uri.replace(/^.*\/module-in-subfolder/, ''), r.languageId]), [['', 'file-list'], ['/Makefile', 'makefile'], ['/src/Kbuild', 'makefile']]);
  assert.equal(related[0].text, 'Makefile\ndkms.conf\nsrc/Kbuild\nsrc/mydrv.c');
  const findings = lintText(fs.readFileSync(file, 'utf8'), { ...opts, uri: related[0].uri + '/dkms.conf', related });
  assert.deepEqual(findings.map((f) => f.message), ['BUILT_MODULE_LOCATION[0] is not set, but mydrv.ko is built in src/ (src/Kbuild line 1): after make, dkms looks for mydrv.ko at the top of the build directory and stops with "Build of mydrv.ko failed" (exit 7)']);
});

testDocExamples(RULE, { related: [mk('Kbuild', 'obj-m := hid-xpadneo.o\nhid-xpadneo-y := xpadneo.o\n')] });
