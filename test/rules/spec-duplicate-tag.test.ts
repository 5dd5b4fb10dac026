import { describe, test } from 'node:test';
import { assertFindings } from '../helpers/fixtures';
import { testDocExamples } from '../helpers/docs';

const rules = ['spec-duplicate-tag'];

describe('spec-duplicate-tag', () => {
  test('the second singleton tag in the same package and arm', () => {
    assertFindings(`Name: x
Version: 1
Version: 2
# <- spec-duplicate-tag
%package devel
Summary: a
Summary: b
# <- spec-duplicate-tag
%if 1
License: MIT
License: GPL
# <- spec-duplicate-tag
%endif
`, { rules });
  });
  test('different arms, different packages, different languages and multi-value tags stay silent', () => {
    assertFindings(`Name: x
Summary: main
Summary(de): Haupt
Requires: a
Requires: b
Source0: a
Source1: b
%if 0%{?fedora}
Release: 1
%else
Release: 2
%endif
%package devel
Summary: dev
`, { rules });
  });
  test('CRLF', () => {
    assertFindings('Name: x\nEpoch: 1\nEpoch: 2\n# <- spec-duplicate-tag\n', { rules, crlf: true });
  });
  testDocExamples('spec-duplicate-tag');
});
