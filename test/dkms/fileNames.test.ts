import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { collectTargets } from '../../server/src/cli/files';
import { isDkmsConfName, isDkmsTemplateName } from '../../server/src/service/dkms/fileNames';
import { languageOfPath as languageFromFileName } from '../../server/src/service/languageOfPath';

test('dkms.conf, its templates, dkms-*.conf and debian/*.dkms are dkms-conf', () => {
  const dkms = ['dkms.conf', '/src/dkms.conf.in', 'x/dkms-rtl8821ce.conf', 'dkms-foo.conf.in', 'evdi.dkms.conf', '/w/debian/v4l2loopback-dkms.dkms', 'file:///w/debian/foo.dkms', 'C:\\w\\debian\\foo.dkms', 'dkms.conf.tmpl', 'dkms.conf.cmake'];
  for (const p of dkms) assert.equal(languageFromFileName(p), 'dkms-conf', p);
  const not = ['foo.conf', 'mydkms.conf.bak', 'dkms.conf~', 'src/foo.dkms', 'dkms-foo.conf.orig', 'dkms.spec', 'debian/dkms'];
  for (const p of not) assert.notEqual(languageFromFileName(p), 'dkms-conf', p);
  assert.equal(languageFromFileName('zfs-dkms.spec.in'), 'rpm-spec');
});

test('templates: placeholders are filled in before dkms reads them', () => {
  for (const p of ['dkms.conf.in', 'a/dkms-x.conf.in', 'dkms.conf.template', '/w/debian/foo.dkms']) assert.ok(isDkmsTemplateName(p), p);
  for (const p of ['dkms.conf', 'dkms-x.conf', 'x.dkms.conf', 'foo.spec.in']) assert.ok(!isDkmsTemplateName(p), p);
  assert.ok(isDkmsConfName('file:///w/dkms.conf.in?x=1'));
});

test('the CLI finds them when walking a folder', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'specwright-dkms-names-'));
  try {
    for (const rel of ['dkms.conf.in', 'dkms-extra.conf', 'debian/foo-dkms.dkms', 'other/bar.dkms', 'README']) {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), 'PACKAGE_NAME=x\n');
    }
    const { targets } = collectTargets([dir]);
    assert.deepEqual(
      targets.map((t) => `${path.relative(dir, t.file)} ${t.languageId}`).sort(),
      ['debian/foo-dkms.dkms dkms-conf', 'dkms-extra.conf dkms-conf', 'dkms.conf.in dkms-conf'],
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
