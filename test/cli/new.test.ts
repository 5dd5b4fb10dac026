// `specwright new dkms`: writes the New DKMS Package templates; the result lints clean with
// Specwright and rpmlint, and Debian's real dkms accepts its dkms.conf.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { dkmsAdd, dkmsBuild, dkmsOracleUnavailable } from '../helpers/dkmsOracle';
import { cli, tempDir } from './helpers';

describe('specwright new dkms', () => {
  for (const build of ['kbuild', 'make', 'cmake'] as const) {
    it(`--build ${build}: spec, dkms.conf, build files and source that lint clean, never overwritten`, () => {
      const { dir, cleanup } = tempDir();
      try {
        const r = cli(['new', 'dkms', '--name', 'acme-wifi', '--version', '1.2.0', '--build', build, '--dir', dir]);
        assert.equal(r.status, 0, r.stderr);
        const buildFiles = build === 'cmake' ? ['src/CMakeLists.txt', 'src/Kbuild'] : ['src/Makefile'];
        const files = ['acme-wifi-dkms.spec', 'dkms.conf', ...buildFiles, 'src/acme_wifi.c'].map((f) => path.join(dir, 'acme-wifi-dkms', f));
        assert.deepEqual(r.stdout.trim().split('\n'), files);
        const conf = fs.readFileSync(files[1], 'utf8');
        assert.match(conf, /^PACKAGE_VERSION="1\.2\.0"$/m);
        assert.match(conf, { make: /^MAKE\[0\]="make KDIR=\$\{kernel_source_dir\}"$/m, kbuild: /^MAKE\[0\]="make -C \$\{kernel_source_dir\} M=/m, cmake: /^MAKE\[0\]="cmake -S \. -B _cmake -G 'Unix Makefiles' -DKERNEL_DIR=\$\{kernel_source_dir\} && cmake --build _cmake --"$/m }[build]);
        // clean on the generic profile; on the default (Fedora) one only the note that Fedora's own
        // repositories take no DKMS packages (dkms-distro-convention, information)
        for (const distro of ['generic', 'fedora']) {
          const lint = cli(['lint', '--format', 'json', '--distro', distro, path.join(dir, 'acme-wifi-dkms')]);
          assert.equal(lint.status, 0, lint.stdout + lint.stderr);
          const findings = (JSON.parse(lint.stdout) as { files?: { diagnostics: { rule: string }[] }[] } | { diagnostics: { rule: string }[] }[]);
          const all = (Array.isArray(findings) ? findings : findings.files ?? []).flatMap((f) => f.diagnostics ?? []);
          assert.deepEqual(all.map((f) => f.rule), distro === 'generic' ? [] : ['dkms-distro-convention']);
        }
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
      for (const build of ['kbuild', 'make', 'cmake']) {
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

  it('usage errors: missing --name, a bad name, an unknown --build', () => {
    assert.match(cli(['new', 'dkms', '--version', '1']).stderr, /needs --name/);
    assert.match(cli(['new', 'dkms', '--name', 'Bad Name', '--version', '1']).stderr, /lower-case/);
    const scons = cli(['new', 'dkms', '--name', 'x', '--version', '1', '--build', 'scons']);
    assert.equal(scons.status, 2);
    assert.match(scons.stderr, /--build must be kbuild, make or cmake, not 'scons'/);
    assert.match(cli(['new', 'rpm']).stderr, /'new' makes a DKMS package/);
  });

  // dkms runs MAKE[0] in a copy of the sources, appending CC=clang / LD=ld.lld for kernels built
  // with LLVM (dkms 3.0.10's do_build). No kernel headers here: a stand-in kernel tree whose
  // Makefile records what Kbuild would get and writes the .ko files the Kbuild file names.
  const haveCmake = spawnSync('sh', ['-c', 'command -v cmake && command -v make']).status === 0;
  it('--build cmake: MAKE[0] runs CMake, which runs Kbuild on the sources with dkms\'s CC/LD', { skip: haveCmake ? false : 'skipped: cmake or make is not installed (.ci/run installs cmake)' }, () => {
    const { dir, cleanup } = tempDir();
    try {
      assert.equal(cli(['new', 'dkms', '--name', 'acme-wifi', '--version', '1.2.0', '--build', 'cmake', '--dir', dir]).status, 0);
      const pkg = path.join(dir, 'acme-wifi-dkms');
      const build = path.join(dir, 'build');
      fs.mkdirSync(build);
      for (const f of fs.readdirSync(path.join(pkg, 'src'))) fs.copyFileSync(path.join(pkg, 'src', f), path.join(build, f));
      const kernel = path.join(dir, 'kernel');
      fs.mkdirSync(kernel);
      fs.writeFileSync(path.join(kernel, 'Makefile'), 'modules:\n\t@echo "kbuild M=$(M) CC=$(CC) LD=$(LD)"; for o in $$(sed -n \'s/^obj-m *+= *\\(.*\\)\\.o$$/\\1/p\' $(M)/Kbuild); do echo ko > $(M)/$$o.ko; done\nclean:\n\t@rm -f $(M)/*.ko\n');
      const make = /^MAKE\[0\]="(.*)"$/m.exec(fs.readFileSync(path.join(pkg, 'dkms.conf'), 'utf8'))![1];
      // as dkms does: the value with its variables set, plus the LLVM options, run by bash in the build folder
      const command = `kernel_source_dir=${kernel}; eval "${make.replace(/"/g, '\\"')} CC=clang LD=ld.lld"`;
      const r = spawnSync('bash', ['-c', command], { cwd: build, encoding: 'utf8', timeout: 120_000, env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: dir } });
      assert.equal(r.status, 0, r.stdout + r.stderr);
      assert.match(r.stdout, new RegExp(`kbuild M=${build.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} CC=clang LD=ld.lld`));
      assert.ok(fs.existsSync(path.join(build, 'acme_wifi.ko')), 'the module lands where dkms looks for it (BUILT_MODULE_LOCATION unset: the build folder)');
    } finally {
      cleanup();
    }
  });

  // The real dkms builds the --build cmake package: `dkms build` (3.0.10) copies the sources, runs
  // its CLEAN (make -C <kernel> M=… clean), then MAKE[0] (CMake, which runs Kbuild), and looks
  // for the module in the build folder. The stand-in kernel's Makefile plays Kbuild.
  it('--build cmake: the real dkms builds the package against a stand-in kernel', { skip: dkmsOracleUnavailable() ?? (haveCmake ? false : 'skipped: cmake or make is not installed') }, () => {
    const { dir, cleanup } = tempDir();
    try {
      assert.equal(cli(['new', 'dkms', '--name', 'acme-wifi', '--version', '1.2.0', '--build', 'cmake', '--dir', dir]).status, 0);
      const pkg = path.join(dir, 'acme-wifi-dkms');
      const files: Record<string, string> = {};
      for (const f of fs.readdirSync(path.join(pkg, 'src'))) files[f] = fs.readFileSync(path.join(pkg, 'src', f), 'utf8');
      const kbuild = 'modules:\n\t@for o in $$(sed -n \'s/^obj-m *+= *\\(.*\\)\\.o$$/\\1/p\' $(M)/Kbuild); do echo ko > $(M)/$$o.ko; done\nclean:\n\t@rm -f $(M)/*.ko\n';
      const verdict = dkmsBuild(fs.readFileSync(path.join(pkg, 'dkms.conf'), 'utf8'), files, { Makefile: kbuild });
      assert.ok(verdict.accepted, verdict.output);
      // without the Kbuild stand-in, CMake stops with its own message and dkms reports the failed build
      const broken = dkmsBuild(fs.readFileSync(path.join(pkg, 'dkms.conf'), 'utf8'), files);
      assert.equal(broken.accepted, false);
      assert.equal(broken.status, 10, broken.output);
    } finally {
      cleanup();
    }
  });
});
