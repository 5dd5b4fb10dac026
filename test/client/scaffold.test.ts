// The "New DKMS Package…" scaffold: lint-clean with our own linter, names and versions agree
// across the files, and (where rpmbuild exists) it really builds.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { DkmsPackage, DkmsPackageOptions } from '../../client/src/scaffold';
import { lintText } from '../helpers/fixtures';
import { loadClientModule } from './loadClient';

const { changelogDate, generateDkmsPackage, kernelModuleName, validateBuildCommand, validateModuleName, validateVersion } =
  loadClientModule<typeof import('../../client/src/scaffold')>('scaffold');

const DISTROS = ['fedora', 'rhel', 'opensuse', 'mageia', 'generic'] as const;

function file(pkg: DkmsPackage, suffix: string): string {
  const f = pkg.files.find((x) => x.path.endsWith(suffix));
  assert.ok(f, `no generated file ends with ${suffix}: ${pkg.files.map((x) => x.path).join(', ')}`);
  return f.content;
}

function dkmsValue(conf: string, key: string): string | undefined {
  const m = new RegExp(`^${key.replace(/[[\]]/g, '\\$&')}="([^"]*)"$`, 'm').exec(conf);
  return m?.[1];
}

const CASES: DkmsPackageOptions[] = [
  { module: 'acme-wifi', version: '1.0.0', build: { kind: 'kbuild' }, date: new Date(2025, 2, 4) },
  { module: 'hello_mod', version: '0.3~rc1', build: { kind: 'custom', command: "make -C src KVER=$kernelver 'V=1'" } },
  { module: 'x9', version: '2024.05.1+git1', build: { kind: 'kbuild' }, packager: 'Ada Packager <ada@example.org>' },
  { module: 'cm-drv', version: '0.9', build: { kind: 'cmake' } },
];

describe('DKMS package scaffold', () => {
  for (const options of CASES) {
    const pkg = generateDkmsPackage(options);
    const spec = file(pkg, '.spec');
    const conf = file(pkg, '/dkms.conf');
    const label = `${options.module} ${options.version} (${options.build.kind})`;

    it(`${label}: the spec lints clean (no errors, no warnings) in every distro profile`, () => {
      for (const distro of DISTROS) {
        const findings = lintText(spec, { uri: `file:///ws/${pkg.specPath}`, distro, related: [{ uri: `file:///ws/${pkg.folder}/dkms.conf`, languageId: 'dkms-conf', text: conf }] })
          .filter((f) => f.severity === 'error' || f.severity === 'warning');
        assert.deepEqual(findings.map((f) => `${distro} ${f.rule}@${f.range.start.line + 1}: ${f.message}`), []);
      }
    });

    it(`${label}: dkms.conf lints clean (no errors, no warnings)`, () => {
      const findings = lintText(conf, { languageId: 'dkms-conf', uri: `file:///ws/${pkg.folder}/dkms.conf`, related: [{ uri: `file:///ws/${pkg.specPath}`, languageId: 'rpm-spec', text: spec }] })
        .filter((f) => f.severity === 'error' || f.severity === 'warning');
      assert.deepEqual(findings.map((f) => `${f.rule}@${f.range.start.line + 1}: ${f.message}`), []);
    });

    it(`${label}: names and versions agree across the files`, () => {
      const module = options.module;
      const kmod = kernelModuleName(module);
      assert.equal(pkg.folder, `${module}-dkms`);
      const buildFiles = options.build.kind === 'cmake' ? [`${module}-dkms/src/CMakeLists.txt`, `${module}-dkms/src/Kbuild`] : [`${module}-dkms/src/Makefile`];
      assert.deepEqual(pkg.files.map((f) => f.path).sort(), [`${module}-dkms/${module}-dkms.spec`, `${module}-dkms/dkms.conf`, `${module}-dkms/src/${kmod}.c`, ...buildFiles].sort());
      assert.equal(pkg.specPath, `${module}-dkms/${module}-dkms.spec`);
      // spec
      assert.match(spec, new RegExp(`^%global module ${module}$`, 'm'));
      assert.match(spec, /^Name:\s+%\{module\}-dkms$/m);
      assert.match(spec, new RegExp(`^Version:\\s+${options.version.replace(/[.+~^]/g, '\\$&')}$`, 'm'));
      assert.match(spec, /^BuildArch:\s+noarch$/m);
      assert.match(spec, /^Requires:\s+dkms$/m);
      assert.match(spec, /^Requires\(post\):\s+dkms$/m);
      assert.match(spec, /^Requires\(preun\):\s+dkms$/m);
      assert.match(spec, /^Requires:\s+kernel-devel$/m);
      // installed to /usr/src/%{module}-%{version} (written with %{_usrsrc}, which is /usr/src)
      assert.match(spec, /^mkdir -p %\{buildroot\}%\{_usrsrc\}\/%\{module\}-%\{version\}$/m);
      assert.match(spec, /^%\{_usrsrc\}\/%\{module\}-%\{version\}\/$/m);
      // scriptlets: add/build/install with -m/-v; remove with --all (never a bare remove)
      for (const verb of ['add', 'build', 'install']) assert.match(spec, new RegExp(`dkms ${verb} -m %\\{module\\} -v %\\{version\\}`));
      assert.match(spec, /dkms remove -m %\{module\} -v %\{version\} --all/);
      assert.doesNotMatch(spec, /dkms remove(?![^\n]*--all)/);
      assert.match(spec, new RegExp(`- ${options.version.replace(/[.+~^]/g, '\\$&')}-1$`, 'm'), 'changelog EVR matches Version-Release');
      // dkms.conf
      assert.equal(dkmsValue(conf, 'PACKAGE_NAME'), module);
      assert.equal(dkmsValue(conf, 'PACKAGE_VERSION'), options.version);
      assert.equal(dkmsValue(conf, 'BUILT_MODULE_NAME[0]'), kmod);
      assert.match(conf, new RegExp(`/usr/src/${module}-${options.version.replace(/[.+~^]/g, '\\$&')}/`));
      const make = dkmsValue(conf, 'MAKE[0]');
      if (options.build.kind === 'custom') assert.equal(make, options.build.command);
      else if (options.build.kind === 'cmake') assert.equal(make, "cmake -S . -B _cmake -G 'Unix Makefiles' -DKERNEL_DIR=${kernel_source_dir} && cmake --build _cmake --");
      else assert.match(make ?? '', /^make -C \$\{kernel_source_dir\} M=\$\{dkms_tree\}\/\$\{PACKAGE_NAME\}\/\$\{PACKAGE_VERSION\}\/build modules$/);
      // sources; with cmake, CMakeLists.txt runs Kbuild on the Kbuild file and the spec requires cmake
      if (options.build.kind === 'cmake') {
        assert.match(file(pkg, 'Kbuild'), new RegExp(`^obj-m \\+= ${kmod}\\.o$`, 'm'));
        assert.match(file(pkg, 'CMakeLists.txt'), /^set\(KBUILD \$\{MAKE_PROGRAM\} -C \$\{KERNEL_DIR\} M=\$\{CMAKE_CURRENT_SOURCE_DIR\}\)$/m);
        assert.match(file(pkg, 'CMakeLists.txt'), new RegExp(`OUTPUT \\$\\{CMAKE_CURRENT_SOURCE_DIR\\}/${kmod}\\.ko`));
        assert.match(spec, /^Requires:\s+cmake$/m);
        assert.match(spec, /^cp -a dkms\.conf CMakeLists\.txt Kbuild \.\/\*\.c /m);
        return;
      }
      assert.doesNotMatch(spec, /cmake/);
      assert.match(file(pkg, 'Makefile'), new RegExp(`^obj-m \\+= ${kmod}\\.o$`, 'm'));
      assert.match(file(pkg, `${kmod}.c`), new RegExp(`module_init\\(${kmod}_init\\);`));
      assert.match(file(pkg, `${kmod}.c`), /MODULE_LICENSE\("GPL"\);/);
      assert.match(file(pkg, 'Makefile'), /^\t\$\(MAKE\)/m, 'recipes are tab-indented');
    });
  }

  it('the changelog date has the rpm format', () => {
    assert.equal(changelogDate(new Date(2025, 2, 4)), 'Tue Mar 04 2025');
    assert.match(file(generateDkmsPackage(CASES[0]), '.spec'), /^\* Tue Mar 04 2025 Packager Name <packager@example\.org> - 1\.0\.0-1$/m);
  });

  it('validates the answers', () => {
    assert.equal(validateModuleName('acme-wifi'), undefined);
    assert.equal(validateModuleName('a_b9'), undefined);
    for (const bad of ['', ' ', 'Acme', '-x', 'a b', 'a/b', 'acme-dkms', 'x'.repeat(65), 'a.b']) assert.ok(validateModuleName(bad), `module name ${JSON.stringify(bad)}`);
    assert.equal(validateVersion('1.0.0'), undefined);
    assert.equal(validateVersion('2.0~rc1'), undefined);
    for (const bad of ['', '1.0-1', 'v1', '1 0', '1/0']) assert.ok(validateVersion(bad), `version ${JSON.stringify(bad)}`);
    assert.equal(validateBuildCommand('make KVER=$kernelver'), undefined);
    for (const bad of ['', 'make "x"', 'make\nmake']) assert.ok(validateBuildCommand(bad), `command ${JSON.stringify(bad)}`);
    assert.throws(() => generateDkmsPackage({ module: 'Bad Name', version: '1', build: { kind: 'kbuild' } }), /lower-case/);
  });

  it('builds with rpmbuild (skipped without rpmbuild/tar)', (t) => {
    const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
    if (!has('rpmbuild') || !has('tar')) {
      t.skip('rpmbuild not installed');
      return;
    }
    const pkg = generateDkmsPackage(CASES[0]);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'specwright-scaffold-'));
    try {
      for (const f of pkg.files) {
        fs.mkdirSync(path.dirname(path.join(root, f.path)), { recursive: true });
        fs.writeFileSync(path.join(root, f.path), f.content);
      }
      const dir = path.join(root, pkg.folder);
      // the two commands the spec's header tells the user to run
      const tar = spawnSync('tar', ['-czf', 'acme-wifi-1.0.0.tar.gz', '--transform', 's,^src,acme-wifi-1.0.0,', 'src'], { cwd: dir, encoding: 'utf8' });
      assert.equal(tar.status, 0, tar.stderr);
      const r = spawnSync('rpmbuild', ['-bb', '--define', `_sourcedir ${dir}`, '--define', `_topdir ${path.join(root, 'rpmbuild')}`, '--nodeps', `${pkg.folder}.spec`], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
      assert.equal(r.status, 0, `rpmbuild failed:\n${r.stdout}\n${r.stderr}`);
      const rpm = path.join(root, 'rpmbuild', 'RPMS', 'noarch', 'acme-wifi-dkms-1.0.0-1.noarch.rpm');
      assert.ok(fs.existsSync(rpm), `expected ${rpm}`);
      const list = spawnSync('rpm', ['-qlp', rpm], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).sort();
      assert.deepEqual(list, ['/usr/src/acme-wifi-1.0.0', '/usr/src/acme-wifi-1.0.0/Makefile', '/usr/src/acme-wifi-1.0.0/acme_wifi.c', '/usr/src/acme-wifi-1.0.0/dkms.conf']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
