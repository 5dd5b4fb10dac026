import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';
import { fixed } from '../helpers/fixing';

const rule = 'duplicate-dependency';
const opts = { rules: [rule] };

test('duplicates on separate lines and in one list', () => {
  assertFindings(`Name: foo
BuildRequires: gcc
BuildRequires: make, gcc
#                    ^^^ ${rule}
Requires(post): systemd
Requires(post): systemd
#               ^^^^^^^ ${rule}
Requires: bar >= 1.0
Requires: bar  >=  1.0
#         ^^^^^^^^^^^^ ${rule}
`, opts);
});

test('near misses: other arms, packages, qualifiers, versions', () => {
  assertFindings(`Name: foo
BuildRequires: gcc
%if 0%{?fedora}
BuildRequires: gcc
%else
BuildRequires: gcc
%endif
Requires: bar
Requires(post): bar
Requires: bar >= 2
Provides: bar
%package devel
Requires: bar
`, opts);
});

test('fix deletes a duplicate line only when it holds one dependency; CRLF', () => {
  assert.equal(fixed('Name: é\nBuildRequires: gcc\nBuildRequires: gcc\nBuildRequires: x\n', rule), 'Name: é\nBuildRequires: gcc\nBuildRequires: x\n');
  assert.equal(fixed('Name: é\r\nBuildRequires: gcc\r\nBuildRequires: gcc\r\n', rule), 'Name: é\r\nBuildRequires: gcc\r\n');
  assert.equal(fixed('Name: é\nBuildRequires: gcc\nBuildRequires: gcc make\n', rule), 'Name: é\nBuildRequires: gcc\nBuildRequires: gcc make\n');
  assertFindings('Name: é\nBuildRequires: bär\nBuildRequires: bär\n#              ^^^ duplicate-dependency\n', { ...opts, crlf: true });
});

testDocExamples(rule);

test('a macro call with its arguments is one dependency: %py3_dist six and %py3_dist argon2_cffi differ', () => {
  // python-autobahn.spec: one `BuildRequires: %py3_dist NAME` line per dependency.
  assertFindings(`Name: foo
BuildRequires: %py3_dist argon2_cffi
BuildRequires: %py3_dist six
BuildRequires: %py3_dist six
#              ^^^^^^^^^^^^^ ${rule}
BuildRequires: %{py3_dist cffi} %{py3_dist six}
`, opts);
});

test('a macro the spec defines with options takes the rest of the line too', () => {
  assertFindings(`Name: foo
%define dep() pkg(%1)
Requires: %dep a
Requires: %dep b
`, opts);
});

test('a repeat in a later group headed by a comment is on purpose (Perl per-phase lists, cabal-rpm groups)', () => {
  // perl-Test-Warnings.spec, ghc-hledger-lib.spec.
  assertFindings(`Name: foo
BuildRequires: perl(ExtUtils::MakeMaker)
BuildRequires: perl(Carp)
# Test Suite
BuildRequires: perl(ExtUtils::MakeMaker)
BuildRequires: perl(Carp)
BuildRequires: perl(Carp)
#              ^^^^^^^^^^ ${rule}
`, opts);
});

test('operators rpm reads another way and %(…) output are not dependencies of their own', () => {
  // rubygem-prawn-table.spec (`=> 1.2` twice), perl-Alien-Brotli.spec (the same `%(perl …)` version for two names).
  assertFindings(`Name: foo
BuildRequires: rubygem(pdf-core) => 0.6
BuildRequires: rubygem(pdf-reader) => 1.2
Requires: brotli %(perl -e 'print qq{ = 1}')
Requires: libbrotli %(perl -e 'print qq{ = 1}')
`, opts);
});

test('the X drivers\' template lines with a command\'s output (xorg-x11-drv-amdgpu.spec); a plain repeat still counts', () => {
  assertFindings(`Name: xorg-x11-drv-amdgpu
Requires: Xorg %(xserver-sdk-abi-requires ansic)
Requires: Xorg %(xserver-sdk-abi-requires videodrv)
Requires: libdrm >= 2.4.121
Requires: Xorg
#         ^^^^ ${rule}
`, opts);
});

test('a spec its generator rewrites at each update is the generator\'s to fix (texlive-collection-latexextra.spec)', () => {
  assertFindings(`%global tl_version 2025
Name: texlive-collection-latexextra
Requires:       texlive-siunitx
Requires:       texlive-siunitx
`, opts);
  // The same lines in a hand-written spec are reported.
  assertFindings(`Name: foo
Requires:       texlive-siunitx
Requires:       texlive-siunitx
#               ^^^^^^^^^^^^^^^ ${rule}
`, opts);
});
