import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';
import { fixed } from '../helpers/fixing';

const rule = 'scons-install-without-sandbox';
const opts = { rules: [rule] };

test('scons install without a sandbox', () => {
  assertFindings(`Name: foo
%install
scons PREFIX=%{_prefix} install
# <- ${rule}
cd src && scons-3 -j2 install
#         ^^^^^^^^^^^^^^^^^^^ ${rule}
`, opts);
});

test('near misses: sandbox, build root in PREFIX, other sections, not install, comments', () => {
  assertFindings(`Name: foo
%build
scons PREFIX=/usr all
%install
scons install --install-sandbox="$RPM_BUILD_ROOT"
scons PREFIX=%{buildroot}%{_prefix} install
scons all
# scons install
echo "scons install"
`, opts);
});

test('fix appends the sandbox; CRLF and non-ASCII', () => {
  assert.equal(fixed('Name: é\n%install\nscons install # ü\n', rule), 'Name: é\n%install\nscons install --install-sandbox=%{buildroot} # ü\n');
  assertFindings('Name: é\n%install\nscons ÄRGER=1 install\n# <- scons-install-without-sandbox\n', { ...opts, crlf: true });
});

testDocExamples(rule);
