// `specwright new dkms`: writes the New DKMS Package templates; the result lints clean with
// Specwright and rpmlint, and Debian's real dkms accepts its dkms.conf.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { dkmsAdd, dkmsOracleUnavailable } from '../helpers/dkmsOracle';
import { cli, tempDir } from './helpers';

describe('specwright new dkms', () => {
  for (const build of ['kbuild', 'make'] as const) {
    it(`--build ${build}: spec, dkms.conf, Makefile and source that lint clean, never overwritten`, () => {
      const { dir, cleanup } = tempDir();
      try {
        const r = cli(['new', 'dkms', '--name', 'acme-wifi', '--version', '1.2.0', '--build', build, '--dir', dir]);
        assert.equal(r.status, 0, r.stderr);
        const files = ['acme-wifi-dkms.spec', 'dkms.conf', 'src/Makefile', 'src/acme_wifi.c'].map((f) => path.join(dir, 'acme-wifi-dkms', f));
        assert.deepEqual(r.stdout.trim().split('\n'), files);
        const conf = fs.readFileSync(files[1], 'utf8');
        assert.match(conf, /^PACKAGE_VERSION="1\.2\.0"$/m);
        assert.match(conf, build === 'make' ? /^MAKE\[0\]="make KDIR=\$\{kernel_source_dir\}"$/m : /^MAKE\[0\]="make -C \$\{kernel_source_dir\} M=/m);
        const lint = cli(['lint', '--format', 'json', path.join(dir, 'acme-wifi-dkms')]);
        assert.equal(lint.status, 0, lint.stdout + lint.stderr);
        const findings = (JSON.parse(lint.stdout) as { files?: { diagnostics: unknown[] }[] } | { diagnostics: unknown[] }[]);
        const all = (Array.isArray(findings) ? findings : findings.files ?? []).flatMap((f) => f.diagnostics ?? []);
        assert.deepEqual(all, []);
        // a second run refuses to overwrite and changes nothing
        fs.writeFileSync(files[0], 'edited\n');
        const again = cli(['new', 'dkms', '--name', 'acme-wifi', '--version', '1.2.0', '--dir', dir]);
        assert.equal(again.status, 2);
        assert.match(again.stderr, /not overwriting/);
        assert.equal(fs.readFileSync(files[0], 'utf8'), 'edited\n');
      } finally {
        cleanup();
      }
    });
  }

  it('the dkms.conf is accepted by the real dkms (the oracle)', { skip: dkmsOracleUnavailable() }, () => {
    const { dir, cleanup } = tempDir();
    try {
      for (const build of ['kbuild', 'make']) {
        assert.equal(cli(['new', 'dkms', '--name', `m-${build}`, '--version', '0.1', '--build', build, '--dir', dir]).status, 0);
        const v = dkmsAdd(fs.readFileSync(path.join(dir, `m-${build}-dkms`, 'dkms.conf'), 'utf8'));
        assert.ok(v.accepted, v.output);
      }
    } finally {
      cleanup();
    }
  });

  it('the spec passes rpmlint without errors', { skip: spawnSync('sh', ['-c', 'command -v rpmlint']).status === 0 ? false : 'skipped: rpmlint is not installed' }, () => {
    const { dir, cleanup } = tempDir();
    try {
      assert.equal(cli(['new', 'dkms', '--name', 'acme-wifi', '--version', '1.2.0', '--dir', dir]).status, 0);
      const r = spawnSync('rpmlint', [path.join(dir, 'acme-wifi-dkms', 'acme-wifi-dkms.spec')], { encoding: 'utf8', timeout: 60_000, env: { ...process.env, HOME: dir } });
      assert.match(r.stdout, / 0 errors,/, r.stdout);
      // Debian's rpmlint still asks for a BuildRoot tag, which rpm ≥ 4.6 ignores (obsolete-buildroot-tag)
      const warnings = r.stdout.split('\n').filter((l) => /: [WE]: /.test(l) && !/no-buildroot-tag/.test(l));
      assert.deepEqual(warnings, []);
    } finally {
      cleanup();
    }
  });

  it('usage errors: missing --name, a bad name, cmake not supported yet', () => {
    assert.match(cli(['new', 'dkms', '--version', '1']).stderr, /needs --name/);
    assert.match(cli(['new', 'dkms', '--name', 'Bad Name', '--version', '1']).stderr, /lower-case/);
    const cmake = cli(['new', 'dkms', '--name', 'x', '--version', '1', '--build', 'cmake']);
    assert.equal(cmake.status, 2);
    assert.match(cmake.stderr, /--build cmake is not supported yet/);
    assert.match(cli(['new', 'rpm']).stderr, /'new' makes a DKMS package/);
  });
});
