import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings, lintText } from '../helpers/fixtures';
import { fixed } from '../helpers/fixing';
import SPDX_IDS from 'spdx-license-ids/index.json';
import { LEGACY_LICENSES } from '../../server/src/service/catalog/legacyLicenses';

const rule = 'invalid-spdx-license';
const opts = { rules: [rule] };

test('legacy names and free text', () => {
  const f = assertFindings(`Name: foo
License: GPLv2+
#        ^^^^^^ ${rule}
%package a
License:   BSD   
#          ^^^ ${rule}
%package b
License: Public Domain
#        ^^^^^^^^^^^^^ ${rule}
`, opts);
  assert.match(f[0].message, /in SPDX it is GPL-2\.0-or-later/);
  // "BSD" meant several licences to Fedora: each candidate is offered, none is picked.
  assert.deepEqual(f[1].fixes.map((x) => [x.title, x.safety]), [['Replace with BSD-3-Clause', 'unsafe'], ['Replace with BSD-2-Clause', 'unsafe']]);
  assert.match(f[1].message, /"BSD" may be BSD-3-Clause or BSD-2-Clause/);
  assert.equal(f[2].fixes.length, 0);
  assert.match(f[2].message, /see https:\/\/spdx\.org\/licenses/);
});

test('legacy names: one fix per meaning, combined over an expression; none when a name is unknown or the choices explode', () => {
  const titles = (src: string) => lintText(src, opts).flatMap((f) => f.fixes.map((x) => x.title));
  assert.deepEqual(titles('Name: foo\nLicense: GPL+ or Artistic\n'), ['Replace with GPL-1.0-or-later OR Artistic-1.0-Perl']);
  assert.deepEqual(titles('Name: foo\nLicense: LGPLv2+ and BSD with advertising\n'), ['Replace with LGPL-2.1-or-later AND BSD-4-Clause', 'Replace with LGPL-2.0-or-later AND BSD-4-Clause']);
  // The same ambiguous name twice takes the same meaning in each choice.
  assert.deepEqual(titles('Name: foo\nLicense: BSD and (BSD or MIT)\n'), ['Replace with BSD-3-Clause AND (BSD-3-Clause OR MIT)', 'Replace with BSD-2-Clause AND (BSD-2-Clause OR MIT)']);
  assert.deepEqual(titles('Name: foo\nLicense: BSD and LGPLv2 and PHP\n'), []);
  assert.match(lintText('Name: foo\nLicense: BSD and LGPLv2 and PHP\n', opts)[0].message, /too many combinations/);
  assert.deepEqual(titles('Name: foo\nLicense: GPLv2+ with exceptions\n'), []);
  assert.deepEqual(titles('Name: foo\nLicense: GPLv2 and Copyright only\n'), []);
  // Every SPDX id of the table exists in the SPDX list, and every entry parses.
  for (const l of LEGACY_LICENSES) for (const id of l.spdx) assert.ok((SPDX_IDS as string[]).includes(id), `${l.legacy} -> ${id}`);
});

test('deprecated SPDX ids: safe fix on fedora, silent on opensuse', () => {
  const src = 'Name: foo\nLicense: GPL-2.0+ AND LGPL-2.1\n';
  assert.equal(fixed(src, rule, { which: 'safe' }), 'Name: foo\nLicense: GPL-2.0-or-later AND LGPL-2.1-only\n');
  assert.equal(lintText(src, { rules: [rule], distro: 'opensuse' }).length, 0);
});

test('near misses: valid expressions, case, newer ids, macros, placeholders, other distros', () => {
  assertFindings('Name: foo\nLicense: MIT AND (Apache-2.0 OR BSD-3-Clause)\n%package a\nLicense: GPL-2.0-only WITH Linux-syscall-note\n%package b\nLicense: %{lic}\n%package c\nLicense: @LICENSE@\n%package d\nLicense: gpl-2.0-or-later OR mit\n%package e\nLicense: HPND-Some-Future-Variant AND LicenseRef-Fedora-Public-Domain\n', opts);
  assertFindings('Name: foo\nLicense: GPLv2+\n', { ...opts, distro: 'rhel' });
  assertFindings('Name: foo\nLicense: GPLv2+\n', { ...opts, distro: 'mageia' });
});

test('unsafe legacy fix, CRLF and non-ASCII', () => {
  assert.equal(fixed('Name: é\nLicense: GPLv2+ and ASL 2.0\n', rule), 'Name: é\nLicense: GPL-2.0-or-later AND Apache-2.0\n');
  assert.equal(fixed('Name: é\r\nLicense: LGPLv3+ or (MIT)\r\n', rule), 'Name: é\r\nLicense: LGPL-3.0-or-later OR (MIT)\r\n');
  assertFindings('Name: é\nLicense: Lizenz frei\n#        ^^^^^^^^^^^ invalid-spdx-license\n', { ...opts, crlf: true });
});

testDocExamples(rule);
