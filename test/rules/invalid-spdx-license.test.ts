import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings, lintText } from '../helpers/fixtures';
import { fixed } from '../helpers/fixing';

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
  assert.match(f[0].message, /GPL-2\.0-or-later/);
  assert.equal(f[1].fixes.length, 0);
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
