import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';
import { fixed } from '../helpers/fixing';

const rule = 'plain-configure';
const opts = { rules: [rule] };

test('./configure without directories in autotools specs', () => {
  assertFindings(`Name: foo
%build
autoreconf -fi
./configure --disable-static
# <- ${rule}
CFLAGS="%{optflags}" ./configure
#                    ^^^^^^^^^^^ ${rule}
`, opts);
  assertFindings(`Name: foo\nBuildRequires: automake\n%build\n./configure\n# <- ${rule}\n`, opts);
});

test('near misses: no autotools, directories by hand, options from variables, %configure', () => {
  assertFindings('Name: foo\n%build\n./configure --enable-foo\n', opts);
  assertFindings('Name: foo\nBuildRequires: autoconf\n%build\n./configure --prefix=%{_prefix}\n./configure --libdir=%{_libdir}\n./configure $OPTS\n%configure\n# ./configure\n', opts);
});

test('fix; CRLF and non-ASCII', () => {
  assert.equal(fixed('Name: é\nBuildRequires: libtool\n%build\n./configure --with-ü\n', rule), 'Name: é\nBuildRequires: libtool\n%build\n%configure --with-ü\n');
  assertFindings('Name: é\nBuildRequires: autoconf\n%build\necho ä; ./configure\n#       ^^^^^^^^^^^ plain-configure\n', { ...opts, crlf: true });
});

testDocExamples(rule);

test('a choice explained in a comment (flocq.spec) and a throwaway run (libfm.spec) are not reported', () => {
  assertFindings(`Name: flocq
BuildRequires: autoconf
%build
# We do NOT want to specify --libdir, and we don't need CFLAGS, etc.
./configure
`, opts);
  assertFindings(`Name: libfm
BuildRequires: autoconf
%build
# Once generate files anyway
./configure
make dist
rm -f config.status
%configure --disable-static
./configure
# <- ${rule}
`, opts);
});
