import { describe, test } from 'node:test';
import { assertFindings } from '../helpers/fixtures';
import { testDocExamples } from '../helpers/docs';

const rules = ['spec-missing-required-tag'];

describe('spec-missing-required-tag', () => {
  test('missing main tags are reported once at the first tag; subpackages need Summary', () => {
    assertFindings(`Name: x
# <- spec-missing-required-tag
Version: 1
%description
x
%package devel
# <- spec-missing-required-tag
%description devel
y
`, { rules });
  });
  test('complete packages, Copyright as License, %include and preamble-writing macros stay silent', () => {
    assertFindings('Name: x\nVersion: 1\nRelease: 1\nSummary: s\nCopyright: GPL\n%package devel\nSummary: d\n', { rules });
    assertFindings('%include common.inc\nName: x\n', { rules });
    assertFindings('Version: 1\n%global fontlicense OFL\n%fontpkg\n', { rules });
    assertFindings('Name: @NAME@\n@CPACK_RPM_SPEC_MORE_DEFINE@\n', { rules });
  });
  testDocExamples('spec-missing-required-tag');
});
