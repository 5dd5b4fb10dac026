import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RelatedDocument } from '../../server/src/service/rules/types';
import { testDocExamples } from '../helpers/docs';
import { assertFindings, lintText } from '../helpers/fixtures';

const RULE = 'dkms-source-file-missing';
const opts = { rules: [RULE], languageId: 'dkms-conf' as const };
const list = (...files: string[]): RelatedDocument => ({ uri: 'file:///fixture', languageId: 'file-list', text: files.join('\n') });
const TREE = list('Makefile', 'dkms.conf', 'mydrv.c', 'patches/0001-fix-build.patch', 'scripts/post-install.sh');
const HEAD = 'PACKAGE_NAME=mydrv\nPACKAGE_VERSION=1.0\nBUILT_MODULE_NAME[0]=mydrv\nDEST_MODULE_LOCATION[0]=/updates\n';

test(`${RULE}: patches and scripts that are not in the source tree`, () => {
  const findings = assertFindings(`${HEAD}PATCH[0]="0001-fix-build.patch"
PATCH[1]="0002-kernel-6.8.patch"
#        ^^^^^^^^^^^^^^^^^^^^^^^ ${RULE}
PATCH_MATCH[1]="^6\\.8"
POST_INSTALL="scripts/post-install.sh \${kernelver}"
POST_REMOVE="scripts/post-remove.sh"
#           ^^^^^^^^^^^^^^^^^^^^^^^^ ${RULE}
PRE_INSTALL=/usr/lib/mydrv/check.sh
#           ^^^^^^^^^^^^^^^^^^^^^^^ ${RULE}
`, { ...opts, related: [TREE] });
  assert.equal(findings[0].message, 'PATCH[1] "0002-kernel-6.8.patch" is not in the patches/ folder beside dkms.conf: dkms add accepts the file, but dkms build stops with "Patch 0002-kernel-6.8.patch as specified in dkms.conf cannot be found" (exit 5)');
  assert.equal(findings[1].message, 'POST_REMOVE runs scripts/post-remove.sh, which is not in the folder beside dkms.conf (the source tree dkms copies): dkms prints "The post_remove script is not executable." and goes on without running it');
  assert.equal(findings[2].messageId, 'scriptAbsolute');
  assert.match(findings[2].message, /^PRE_INSTALL runs \/usr\/lib\/mydrv\/check\.sh, an absolute path, but dkms looks for its scripts inside the source tree \(\$dkms_tree\/<module>\/<version>\/source\/\/usr\/lib\/mydrv\/check\.sh\)/);
  // an array of patches
  assertFindings(`${HEAD}PATCH=(0001-fix-build.patch missing.patch)
#                           ^^^^^^^^^^^^^ ${RULE}
`, { ...opts, related: [TREE] });
});

test(`${RULE}: silent when the tree is not known or not the source tree`, () => {
  const conf = `${HEAD}PATCH[0]=missing.patch\nPOST_ADD=missing.sh\n`;
  assert.deepEqual(lintText(conf, opts), [], 'no file list');
  assert.deepEqual(lintText(conf, { ...opts, related: [list('dkms.conf', 'mydrv.spec')] }), [], 'a packaging folder (no Makefile or sources at the top)');
  assert.deepEqual(lintText(`${HEAD}PATCH[0]=missing.patch\n`, { ...opts, related: [list('Makefile', 'dkms.conf', 'patches/')] }), [], 'patches/ is deeper than the listing went');
  // variables, placeholders, ../ (dkms-patch-path), a build script that a patch may create
  const other = `${HEAD}PATCH[0]=\${kernelver}.patch\nPATCH[1]=../up.patch\nPATCH[2]=@PATCH@\nPRE_BUILD=generated-by-patch.sh\nPOST_ADD="\${source_tree}/x.sh"\n`;
  assert.deepEqual(lintText(other, { ...opts, related: [TREE] }), []);
});

test(`${RULE}: CRLF`, () => {
  assertFindings(`${HEAD}POST_ADD="nope.sh"
#        ^^^^^^^^^ ${RULE}
`, { ...opts, related: [TREE], crlf: true });
});

testDocExamples(RULE);
