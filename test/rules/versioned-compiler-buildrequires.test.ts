import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings } from '../helpers/fixtures';
import { fixed } from '../helpers/fixing';

const rule = 'versioned-compiler-buildrequires';
const opts = { rules: [rule] };

test('Debian-style compiler names', () => {
  assertFindings(`Name: foo
BuildRequires: gcc-4.8, g++-10 clang-11
#              ^^^^^^^ ${rule}
#                       ^^^^^^ ${rule}
#                              ^^^^^^^^ ${rule}
BuildRequires: gfortran-9 >= 9
#              ^^^^^^^^^^ ${rule}
`, opts);
});

test('near misses: rpm names, openSUSE gccNN, toolsets', () => {
  assertFindings('Name: foo\nBuildRequires: gcc gcc-c++ g++ gcc13-c++ gcc-toolset-13-gcc devtoolset-9-gcc clang gcc-plugin-devel\n', opts);
});

test('fix; CRLF and non-ASCII', () => {
  assert.equal(fixed('Summary: é\nBuildRequires: g++-10\n', rule), 'Summary: é\nBuildRequires: gcc-c++\n');
  assertFindings('Summary: é\nBuildRequires: clang-11\n#              ^^^^^^^^ versioned-compiler-buildrequires\n', { ...opts, crlf: true });
});

testDocExamples(rule);
