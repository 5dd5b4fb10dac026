// `specwright lint` with release profiles (--distro rhel-8), the project's macro files and
// defines (specwright.json "macroFiles"/"define") and --define.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { ensureBuilt } from '../helpers/lsp';
import { cli, tempDir, type JsonFileReport } from './helpers';

function lintJson(args: string[]): { reports: JsonFileReport[]; status: number | null; stderr: string } {
  // use-of-RPM_SOURCE_DIR (off by default) is the probe of which arms are read: turned on here.
  const r = cli(['lint', '--format', 'json', '--jobs', '1', '--rule', 'use-of-RPM_SOURCE_DIR=information', ...args]);
  assert.ok(r.status === 0 || r.status === 1 || r.status === 2, `exit ${r.status}: ${r.stderr}`);
  return { reports: r.stdout ? (JSON.parse(r.stdout) as JsonFileReport[]) : [], status: r.status, stderr: r.stderr };
}

// `%patch0` (obsolete-patchn-syntax: error on rpm ≥ 4.20, warning before), $RPM_SOURCE_DIR in an
// arm only the project's %acme_feature opens, and another only EL 8 opens.
const SPEC = `Name: hello
Version: 1.0
Release: 1%{?dist}
Summary: Hi
License: MIT
Source0: hello.tar.gz
Patch0: fix.patch

%description
Hi.

%prep
%setup -q
%patch0 -p1

%build
%if 0%{?acme_feature}
cp $RPM_SOURCE_DIR/acme.txt .
%endif
%if 0%{?rhel} == 8
cp $RPM_SOURCE_DIR/el8.txt .
%endif

%install

%files

%changelog
`;

function lines(report: JsonFileReport, rule: string): number[] {
  return report.diagnostics.filter((d) => d.rule === rule).map((d) => d.range.start.line + 1);
}

describe('CLI: release profiles and project macros', () => {
  before(() => ensureBuilt());

  it('--distro takes a release; the family name is the newest release', () => {
    const { dir, cleanup } = tempDir();
    try {
      fs.writeFileSync(path.join(dir, 'hello.spec'), SPEC);
      const el8 = lintJson(['--distro', 'rhel-8', dir]).reports[0];
      assert.deepEqual(lines(el8, 'use-of-RPM_SOURCE_DIR'), [18, 21], 'the EL 8 arm is read on EL 8; the acme arm is unknown (kept)');
      assert.equal(el8.diagnostics.find((d) => d.rule === 'obsolete-patchn-syntax')?.severity, 'warning', 'rpm 4.14 still accepts %patchN');
      const f44 = lintJson(['--distro', 'fedora-44', dir]).reports[0];
      assert.deepEqual(lines(f44, 'use-of-RPM_SOURCE_DIR'), [18], 'the EL 8 arm is dead on Fedora 44');
      assert.equal(f44.diagnostics.find((d) => d.rule === 'obsolete-patchn-syntax')?.severity, 'error');
      const rhel = lintJson(['--distro', 'rhel', dir]).reports[0];
      assert.deepEqual(lines(rhel, 'use-of-RPM_SOURCE_DIR'), [18], 'rhel is EL 10');
    } finally {
      cleanup();
    }
  });

  it('an unknown release is a usage error with a suggestion', () => {
    const r = cli(['lint', '--distro', 'fedora-4', '.']);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--distro must be one of fedora, rhel, opensuse, mageia, generic, fedora-rawhide, fedora-45/);
    assert.match(r.stderr, /fedora-44|fedora-45/);
  });

  it('specwright.json "distro", "macroFiles" and "define" are read; --define wins over them', () => {
    const { dir, cleanup } = tempDir();
    try {
      fs.mkdirSync(path.join(dir, 'rpm'));
      fs.writeFileSync(path.join(dir, 'hello.spec'), SPEC);
      fs.writeFileSync(path.join(dir, 'rpm', 'macros.acme'), '# Acme build macros\n%acme_feature 1\n%acme_prefix /opt/acme\n');
      fs.writeFileSync(path.join(dir, 'specwright.json'), JSON.stringify({ distro: 'rhel-8', macroFiles: ['rpm/macros.acme'], define: { acme_extra: '%{acme_prefix}/extra' } }));
      const withFile = lintJson([dir]);
      assert.equal(withFile.status, 0, withFile.stderr);
      assert.deepEqual(lines(withFile.reports[0], 'use-of-RPM_SOURCE_DIR'), [18, 21], 'both arms are read: the project defines %acme_feature, the profile is EL 8');
      const off = lintJson(['--define', 'acme_feature=0', dir]).reports[0];
      assert.deepEqual(lines(off, 'use-of-RPM_SOURCE_DIR'), [21], '%acme_feature 0: its arm is dead');
      const cliDistro = lintJson(['--distro', 'fedora', dir]).reports[0];
      assert.deepEqual(lines(cliDistro, 'use-of-RPM_SOURCE_DIR'), [18], '--distro wins over the file; the macro files still apply');
    } finally {
      cleanup();
    }
  });

  it('an unreadable macro file or a bad entry is reported with the config file, and linting goes on', () => {
    const { dir, cleanup } = tempDir();
    try {
      fs.writeFileSync(path.join(dir, 'hello.spec'), SPEC);
      fs.writeFileSync(path.join(dir, 'specwright.json'), JSON.stringify({ macroFiles: ['missing.macros'], define: { '9bad': 'x' } }));
      const r = lintJson([dir]);
      assert.equal(r.status, 2);
      assert.match(r.stderr, /specwright\.json: "macroFiles": cannot read missing\.macros/);
      assert.match(r.stderr, /"define"\."9bad": not a macro name/);
      assert.equal(r.reports.length, 1);
    } finally {
      cleanup();
    }
  });
});
