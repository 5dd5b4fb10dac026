// dkms as the oracle for what happens after `dkms add`: `dkms build` of small source trees against
// a stand-in kernel (helpers/dkmsOracle: MAKE runs a Makefile that writes the .ko files, no kernel
// needed). For each tree, the rules about the tree (built module name and location, patch files,
// scripts) must report exactly where dkms fails or warns, with what dkms says.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { findRelatedDocuments } from '../../server/src/node/related';
import { createLanguageService } from '../../server/src/service/index';
import { dkmsBuild, dkmsOracleUnavailable, dkmsVersion } from '../helpers/dkmsOracle';

const RULES = ['dkms-built-module-mismatch', 'dkms-source-file-missing', 'dkms-build-exclusive'];
const HEAD = 'PACKAGE_NAME="foo"\nPACKAGE_VERSION="1.0"\nDEST_MODULE_LOCATION[0]="/updates/dkms"\nMAKE[0]="make"\n';
/** A module built in src/ by a stand-in for kbuild (src/Makefile writes the .ko that src/Kbuild names). */
const IN_SRC = { Makefile: 'all:\n\t$(MAKE) -C src\n', 'src/Kbuild': 'obj-m := foo.o\n', 'src/Makefile': 'all:\n\ttouch foo.ko\n', 'src/foo.c': '/* foo */\n' };
const AT_TOP = { Makefile: 'all:\n\ttouch foo.ko\n', Kbuild: 'obj-m := foo.o\n', 'foo.c': '/* foo */\n' };
/** Two modules built at the top (BUILD_EXCLUSIVE cases; the oracle's kernel is 6.8.0-oracle). */
const TWO = { Makefile: 'all:\n\ttouch foo.ko bar.ko\n', Kbuild: 'obj-m := foo.o bar.o\n', 'foo.c': '/* foo */\n', 'bar.c': '/* bar */\n' };
const TWO_HEAD = `${HEAD}BUILT_MODULE_NAME[0]="foo"\nBUILT_MODULE_NAME[1]="bar"\nDEST_MODULE_LOCATION[1]="/updates/dkms"\n`;
const EXCLUDED = /includes a BUILD_EXCLUSIVE directive which does not match this kernel/;
const PATCH = '--- /dev/null\n+++ b/added.txt\n@@ -0,0 +1 @@\n+added\n';

interface Case {
  name: string;
  conf: string;
  files: Record<string, string>;
  /** dkms build's exit status, and a line of its output. */
  status: number;
  says?: RegExp;
  /** Specwright's findings: rule:messageId. */
  findings: string[];
  /** Files of the stand-in kernel tree (its .config for BUILD_EXCLUSIVE_CONFIG). */
  kernel?: Record<string, string>;
}

const CASES: Case[] = [
  { name: 'module built in src/, no BUILT_MODULE_LOCATION', conf: `${HEAD}BUILT_MODULE_NAME[0]="foo"\n`, files: IN_SRC, status: 7, says: /Build of foo\.ko failed/, findings: ['dkms-built-module-mismatch:locationUnset'] },
  { name: 'module built in src/, BUILT_MODULE_LOCATION[0]=src/', conf: `${HEAD}BUILT_MODULE_NAME[0]="foo"\nBUILT_MODULE_LOCATION[0]="src/"\n`, files: IN_SRC, status: 0, findings: [] },
  { name: 'module built in src/, BUILT_MODULE_LOCATION[0]=driver/', conf: `${HEAD}BUILT_MODULE_NAME[0]="foo"\nBUILT_MODULE_LOCATION[0]="driver/"\n`, files: IN_SRC, status: 7, says: /Build of foo\.ko failed/, findings: ['dkms-built-module-mismatch:locationWrong'] },
  { name: 'a name obj-m does not build', conf: `${HEAD}BUILT_MODULE_NAME[0]="bar"\n`, files: AT_TOP, status: 7, says: /Build of bar\.ko failed/, findings: ['dkms-built-module-mismatch:notBuilt'] },
  { name: 'PACKAGE_NAME as the default name, not built', conf: HEAD.replace('"foo"', '"foo-dkms"'), files: AT_TOP, status: 7, says: /Build of foo-dkms\.ko failed/, findings: ['dkms-built-module-mismatch:defaultNotBuilt'] },
  { name: 'PACKAGE_NAME as the default name, built', conf: HEAD, files: AT_TOP, status: 0, findings: [] },
  { name: 'a patch missing from patches/', conf: `${HEAD}BUILT_MODULE_NAME[0]="foo"\nPATCH[0]="fix.patch"\n`, files: AT_TOP, status: 5, says: /Patch fix\.patch as specified in dkms\.conf cannot be/, findings: ['dkms-source-file-missing:patchMissing'] },
  { name: 'a patch in patches/', conf: `${HEAD}BUILT_MODULE_NAME[0]="foo"\nPATCH[0]="fix.patch"\n`, files: { ...AT_TOP, 'patches/fix.patch': PATCH }, status: 0, findings: [] },
  { name: 'a POST_ADD script missing', conf: `${HEAD}BUILT_MODULE_NAME[0]="foo"\nPOST_ADD="post-add.sh"\n`, files: AT_TOP, status: 0, says: /The post_add script is not executable\./, findings: ['dkms-source-file-missing:scriptMissing'] },
  { name: 'a POST_ADD script by absolute path', conf: `${HEAD}BUILT_MODULE_NAME[0]="foo"\nPOST_ADD="/bin/true"\n`, files: AT_TOP, status: 0, says: /The post_add script is not executable\./, findings: ['dkms-source-file-missing:scriptAbsolute'] },
  { name: 'a POST_ADD script in the tree', conf: `${HEAD}BUILT_MODULE_NAME[0]="foo"\nPOST_ADD="post-add.sh"\n`, files: { ...AT_TOP, 'post-add.sh': '#!/bin/sh\nexit 0\n' }, status: 0, findings: [] },
  // BUILD_EXCLUSIVE_*: dkms skips the build (exit 77) or builds every module
  { name: 'BUILD_EXCLUSIVE_KERNEL ^6\\.[8-10] (a backwards range bash cannot compile)', conf: `${TWO_HEAD}BUILD_EXCLUSIVE_KERNEL="^6\\.[8-10]"\n`, files: TWO, status: 77, says: EXCLUDED, findings: ['dkms-build-exclusive:backwardsRange'] },
  { name: 'BUILD_EXCLUSIVE_KERNEL ^6\\.x (a literal x)', conf: `${TWO_HEAD}BUILD_EXCLUSIVE_KERNEL="^6\\.x"\n`, files: TWO, status: 77, says: EXCLUDED, findings: ['dkms-build-exclusive:matchesLetterXKernel'] },
  { name: 'BUILD_EXCLUSIVE_CONFIG with CONFIG_X and !CONFIG_X', conf: `${TWO_HEAD}BUILD_EXCLUSIVE_CONFIG="CONFIG_X !CONFIG_X"\n`, files: TWO, kernel: { '.config': 'CONFIG_X=y\n' }, status: 77, says: EXCLUDED, findings: ['dkms-build-exclusive:contradictoryConfig'] },
  { name: 'BUILD_EXCLUSIVE_KERNEL[1] (never read: both modules built)', conf: `${TWO_HEAD}BUILD_EXCLUSIVE_KERNEL[1]="^5\\."\n`, files: TWO, status: 0, findings: ['dkms-build-exclusive:elementNeverRead'] },
  { name: 'BUILD_EXCLUSIVE_ARCH[1] and BUILD_EXCLUSIVE_CONFIG[1] (never read)', conf: `${TWO_HEAD}BUILD_EXCLUSIVE_ARCH[1]="none"\nBUILD_EXCLUSIVE_CONFIG[1]="CONFIG_NOPE"\n`, files: TWO, kernel: { '.config': 'CONFIG_X=y\n' }, status: 0, findings: ['dkms-build-exclusive:elementNeverRead', 'dkms-build-exclusive:elementNeverRead'] },
  { name: 'BUILD_EXCLUSIVE_KERNEL[0] with [1] ([0] excludes the whole package)', conf: `${TWO_HEAD}BUILD_EXCLUSIVE_KERNEL[0]="^5\\."\nBUILD_EXCLUSIVE_KERNEL[1]="^6\\."\n`, files: TWO, status: 77, says: EXCLUDED, findings: ['dkms-build-exclusive:elementZeroWholePackage', 'dkms-build-exclusive:elementNeverRead'] },
  { name: 'BUILD_EXCLUSIVE_CONFIG PCI (not an option name; the kernel has CONFIG_PCI=y)', conf: `${TWO_HEAD}BUILD_EXCLUSIVE_CONFIG="PCI"\n`, files: TWO, kernel: { '.config': 'CONFIG_PCI=y\n' }, status: 77, says: EXCLUDED, findings: ['dkms-build-exclusive:configNotAnOption'] },
  { name: 'BUILD_EXCLUSIVE_CONFIG !CONFIG_PCI=y (a negation that excludes nothing; the kernel has CONFIG_PCI=y)', conf: `${TWO_HEAD}BUILD_EXCLUSIVE_CONFIG="!CONFIG_PCI=y"\n`, files: TWO, kernel: { '.config': 'CONFIG_PCI=y\n' }, status: 0, findings: ['dkms-build-exclusive:configNegationNoEffect'] },
  { name: 'BUILD_EXCLUSIVE_KERNEL ^[67]\\. (builds on 6.8)', conf: `${TWO_HEAD}BUILD_EXCLUSIVE_KERNEL="^[67]\\."\nBUILD_EXCLUSIVE_CONFIG="CONFIG_X"\n`, files: TWO, kernel: { '.config': 'CONFIG_X=y\n' }, status: 0, findings: [] },
];

/** Specwright's view: the tree written to a folder, its related files found as the CLI finds them. */
function specwright(c: Case): string[] {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'specwright-dkms-tree-'));
  try {
    for (const [rel, text] of Object.entries(c.files)) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    }
    const file = path.join(dir, 'dkms.conf');
    fs.writeFileSync(file, c.conf);
    const related = findRelatedDocuments(file, 'dkms-conf');
    const uri = `${related.find((r) => r.languageId === 'file-list')!.uri}/dkms.conf`;
    const result = createLanguageService().lint({ uri, languageId: 'dkms-conf', version: 1, text: c.conf }, { distro: 'generic', rules: {}, related });
    return result.findings.filter((f) => RULES.includes(f.rule)).map((f) => `${f.rule}:${f.messageId}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const unavailable = dkmsOracleUnavailable();

test(`dkms ${unavailable ? '' : dkmsVersion()} build of small trees: Specwright reports where dkms fails or warns`, { skip: unavailable }, () => {
  const problems: string[] = [];
  for (const c of CASES) {
    const verdict = dkmsBuild(c.conf, c.files, c.kernel);
    if (verdict.status !== c.status) problems.push(`${c.name}: dkms build exited ${verdict.status}, expected ${c.status}\n${verdict.output}`);
    if (c.says && !c.says.test(verdict.output)) problems.push(`${c.name}: dkms did not say ${c.says}\n${verdict.output}`);
    if (!c.says && /Warning!|Error!/.test(verdict.output.replace(/Warning: The .* script is not executable\./, ''))) problems.push(`${c.name}: dkms warned\n${verdict.output}`);
    const found = specwright(c);
    if (found.join() !== c.findings.join()) problems.push(`${c.name}: Specwright reports [${found.join(', ')}], expected [${c.findings.join(', ')}]`);
  }
  assert.deepEqual(problems, []);
});
