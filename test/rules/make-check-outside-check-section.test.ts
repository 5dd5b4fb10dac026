import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testDocExamples } from '../helpers/docs';
import { assertFindings, lintText } from '../helpers/fixtures';
import { SPEC_HEAD } from '../helpers/specs';

const RULE = 'make-check-outside-check-section';
const POSITIVE = `${SPEC_HEAD}%build
make check
# <- make-check-outside-check-section
cd x && %{__make} -C sub test
#       ^^^^^^^^^^^^^^^^^^^^^ make-check-outside-check-section
`;

test(`${RULE}: reports what rpmlint's check is about`, () => {
  assertFindings(POSITIVE, { rules: [RULE] });
});

test(`${RULE}: near-misses stay silent`, () => {
  assertFindings(`${SPEC_HEAD}%check
make check
%build
# make check
make checkout
cmake test
`, { rules: [RULE] });
});

test(`${RULE}: positions hold with CRLF line endings and non-ASCII text`, () => {
  assertFindings('# héllo wörld ✓\n' + POSITIVE, { rules: [RULE], crlf: true });
});

test(`${RULE}: words inside a quoted argument are not a command (libfm.spec:309)`, () => {
  // libfm's %prep commits each tweak with git; the message names make check, no test runs.
  assertFindings(`${SPEC_HEAD}%prep
# Ignore po/ directory make check error
sed -i.error po/Makefile.in.in \\
	-e '\\@check@,\\@fi@s|exit 1|exit 0|'
git commit -m "ignore po/ directory make check error" -a || true
echo 'make test' > notes.txt
`, { rules: [RULE] });
});

test(`${RULE}: make as the command, through a runner, in a function, with options and continued lines`, () => {
  assertFindings(`${SPEC_HEAD}%build
run_testsuite()
{
  make -k -C "$1" MAX_CONNECTIONS=5 check && return 0 || test_failure=1
# ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ make-check-outside-check-section
}
xvfb-run -a make %{?_smp_mflags} check V=1
#           ^^^^^^^^^^^^^^^^^^^^^^^^^^ make-check-outside-check-section
make test -C driver
# <- make-check-outside-check-section
make install DESTDIR=%{buildroot}
`, { rules: [RULE] });
  // a command continued with \ is one command: the finding spans both lines
  const [f, ...rest] = lintText(`${SPEC_HEAD}%install\nmake -j4 \\\n  test\n`, { rules: [RULE] });
  assert.deepEqual(rest, []);
  assert.equal(f.message, "'make -j4 test' in %install: run tests in %check, so --nocheck skips them and failures are reported as test failures");
  assert.deepEqual([f.range.start.character, f.range.end.line - f.range.start.line, f.range.end.character], [0, 1, 6]);
});

test(`${RULE}: test programs built for %check, a profile-training run, \`make tests\` (Fedora: ebtree, qat-zstd-plugin, hunspell, xscreensaver)`, () => {
  // ebtree.spec: `make test` builds what %check's tests.sh runs.
  assertFindings(`${SPEC_HEAD}%build
make %{?_smp_mflags} PREFIX=%{_prefix}
make test
head -245 ebtree.h > README

%check
bash tests.sh
`, { rules: [RULE] });
  // …without a %check of its own, `make test` is the test run and is reported.
  assertFindings(`${SPEC_HEAD}%build
make test
# <- ${RULE}
`, { rules: [RULE] });
  // hunspell.spec: `make check` feeds the profiler, then the tree is cleaned and built again.
  assertFindings(`${SPEC_HEAD}%build
%{profilegenerate} %configure $configureflags
%make_build
./src/tools/hunspell -d words -l /usr/share/dict/words > /dev/null
make check
make distclean
%{profileuse} %configure $configureflags
%make_build
`, { rules: [RULE] });
  // `make check` in %build even with a %check section is still reported (gtkimageview).
  assertFindings(`${SPEC_HEAD}%build
%configure --disable-static
make %{?_smp_mflags} check
# <- ${RULE}

%check
true
`, { rules: [RULE] });
  // xscreensaver.spec: `tests` builds test programs; it is not a test-running target by convention.
  assertFindings(`${SPEC_HEAD}%build
# for now, build tests anyway (even if they are not to be installed)
make tests -C driver
`, { rules: [RULE] });
});

test(`${RULE}: tests run under the packager's own test switch are deliberate (postgresql16.spec:666)`, () => {
  assertFindings(`${SPEC_HEAD}%global runselftest 1
%bcond_without tests
%build
run_testsuite()
{
	make -k -C "$1" MAX_CONNECTIONS=5 check && return 0 || test_failure=1
	(
		set +x
		find "$1" -name 'regression.diffs'
	)
}
test_failure=0
%if %runselftest
	run_testsuite "src/test/regress"
	make clean -C "src/test/regress"
	run_testsuite "contrib"
%endif
%if 0%{?with_check} && 0%{?fedora}
make check
%endif
%if %{with tests}
%ifarch x86_64
make test
%endif
%endif
%if %{without check}
make check
# <- ${RULE}
%else
make test
# <- ${RULE}
%endif
%if !0%{?run_tests_flag}
make check
# <- ${RULE}
%endif
%if 0%{?latest_tools}
make check
# <- ${RULE}
%endif
`, { rules: [RULE] });
  // A function also called outside the switch is still reported.
  assertFindings(`${SPEC_HEAD}%build
run_suite() { make check; }
#             ^^^^^^^^^^ ${RULE}
%if %{with check}
run_suite
%endif
run_suite
`, { rules: [RULE] });
});

testDocExamples(RULE);
