// Spec text shared by rule tests.

/** The preamble of a minimal, correct DKMS package (`foo-dkms` 1.2, noarch, requires dkms). */
export const DKMS_SPEC_HEAD = `Name: foo-dkms
Version: 1.2
Release: 1
Summary: Foo
License: MIT
BuildArch: noarch
Requires: dkms
`;

/** The preamble of a minimal, correct spec (`test` 1.0): rule tests put the lines under test after it. */
export const SPEC_HEAD = `Name: test
Version: 1.0
Release: 1
Summary: Test
License: MIT
`;
