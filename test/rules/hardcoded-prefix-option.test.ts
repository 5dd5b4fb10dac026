import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';
import { fixed } from '../helpers/fixing';

const rule = 'hardcoded-prefix-option';
const opts = { rules: [rule] };

test('prefix options set to /usr', () => {
  assertFindings(`Name: foo
%build
scons PREFIX=/usr all
#     ^^^^^^^^^^^ ${rule}
./autogen.sh --prefix=/usr && make prefix="/usr"
#            ^^^^^^^^^^^^^ ${rule}
#                                  ^^^^^^^^^^^^^ ${rule}
cmake -DCMAKE_INSTALL_PREFIX=/usr/ ..
#     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ ${rule}
`, opts);
});

test('near misses: %{_prefix}, other paths, comments, scriptlets, echo text', () => {
  assertFindings(`Name: foo
%build
scons PREFIX=%{_prefix} all
make PREFIX=/usr/local DESTDIR=/usr
# make PREFIX=/usr
./configure --prefix=/usr/lib
%post
make PREFIX=/usr
`, opts);
});

test('fix; CRLF and non-ASCII', () => {
  assert.equal(fixed('Name: é\n%build\nmake PREFIX=/usr LIBDIR=%{_libdir} prefix=\'/usr\'\n', rule), 'Name: é\n%build\nmake PREFIX=%{_prefix} LIBDIR=%{_libdir} prefix=\'%{_prefix}\'\n');
  assertFindings('Name: é\n%build\nmake ÄÖ=1 PREFIX=/usr\n#         ^^^^^^^^^^^ hardcoded-prefix-option\n', { ...opts, crlf: true });
});

testDocExamples(rule);
