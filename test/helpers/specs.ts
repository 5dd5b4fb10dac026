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
