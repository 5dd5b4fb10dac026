// Packaging chores (service): bump release, changelog entry, new upstream version, rpmautospec.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addChangelogEntry, bumpRelease, changelogDate, convertToRpmautospec, newUpstreamVersion, type ChoreInput } from '../../server/src/service/features/chores';
import { applyEdits } from '../../server/src/service/features/format';
import { parseSpec } from '../../server/src/service/specfile/parser';

const INPUT: ChoreInput = { date: { year: 2026, month: 12, day: 6 }, author: 'Jane Doe <jane@example.org>' };
const BASE = ['Name:           hello', 'Version:        1.2', 'Release:        3%{?dist}', 'Summary:        Hi', 'License:        MIT', '', '%description', 'Hi.', '', '%files', '/a', '', '%changelog', '* Mon Jan 05 2026 Old <o@x> - 1.2-2', '- older', ''];
const run = (lines: string[], f: (d: ReturnType<typeof parseSpec>) => { edits: import('../../server/src/service/types').TextEdit[] }) => {
  const doc = parseSpec(lines.join('\n'));
  const r = f(doc);
  return { ...r, text: applyEdits(doc, r.edits) };
};

describe('changelog dates', () => {
  it('uses rpm format with the right weekday and a zero-padded day', () => {
    assert.equal(changelogDate({ year: 2026, month: 12, day: 6 }), 'Sun Dec 06 2026');
    assert.equal(changelogDate({ year: 2024, month: 2, day: 29 }), 'Thu Feb 29 2024');
    assert.equal(changelogDate({ year: 2000, month: 1, day: 1 }), 'Sat Jan 01 2000');
  });
});

describe('bump release', () => {
  it('adds one to the last number of a literal Release and adds an entry with the new EVR, cursor in it', () => {
    const r = run(BASE, (d) => bumpRelease(d, { ...INPUT, comment: 'Fix 100% of the bugs' }));
    const lines = r.text.split('\n');
    assert.equal(lines[2], 'Release:        4%{?dist}');
    assert.deepEqual(lines.slice(12, 17), ['%changelog', '* Sun Dec 06 2026 Jane Doe <jane@example.org> - 1.2-4', '- Fix 100%% of the bugs', '', '* Mon Jan 05 2026 Old <o@x> - 1.2-2']);
    assert.deepEqual((r as { cursor?: unknown }).cursor, { line: 14, character: '- Fix 100%% of the bugs'.length });
  });

  it('bumps the last number only: 0.3.rc2 → 0.3.rc3, 9 → 10', () => {
    assert.match(run(BASE.map((l) => l.replace('3%{?dist}', '0.3.rc2%{?dist}')), (d) => bumpRelease(d, INPUT)).text, /Release: +0\.3\.rc3%\{\?dist\}\n/);
    assert.match(run(BASE.map((l) => l.replace('3%{?dist}', '9%{?dist}')), (d) => bumpRelease(d, INPUT)).text, /Release: +10%\{\?dist\}\n[\s\S]*- 1\.2-10\n- \n/);
  });

  it('bumps %global baserelease when Release is that macro', () => {
    const r = run(['%global baserelease 7', ...BASE.map((l) => l.replace('3%{?dist}', '%{baserelease}%{?dist}'))], (d) => bumpRelease(d, INPUT));
    assert.match(r.text, /^%global baserelease 8\n/);
    assert.match(r.text, /- 1\.2-8\n/);
  });

  it('with the epoch in the header, and a %changelog created when missing', () => {
    const r = run(['Name: a', 'Epoch: 1', 'Version: 2', 'Release: 1', '%description', 'x'], (d) => bumpRelease(d, INPUT));
    assert.equal(r.text, 'Name: a\nEpoch: 1\nVersion: 2\nRelease: 2\n%description\nx\n\n%changelog\n* Sun Dec 06 2026 Jane Doe <jane@example.org> - 1:2-2\n- \n');
  });

  it('leaves %autorelease / %autochangelog alone and says why', () => {
    const auto = BASE.map((l) => l.replace('3%{?dist}', '%autorelease')).slice(0, 13).concat(['%autochangelog', '']);
    const r = bumpRelease(parseSpec(auto.join('\n')), INPUT);
    assert.equal(r.edits.length, 0);
    assert.equal(r.rpmautospec, true);
    assert.match(r.message, /rpmautospec computes the release and the changelog from git commits/);
    const onlyRelease = run(BASE.map((l) => l.replace('3%{?dist}', '%autorelease')), (d) => bumpRelease(d, INPUT));
    assert.match(onlyRelease.text, /Release: +%autorelease\n/);
    // The release is rpmautospec's (from git): the header names the version only.
    assert.match(onlyRelease.text, /%changelog\n\* Sun Dec 06 2026 Jane Doe <jane@example.org> - 1\.2\n- \n\n/);
  });

  it('refuses a Release computed from macros', () => {
    const r = bumpRelease(parseSpec(BASE.map((l) => l.replace('3%{?dist}', '%{rel}%{?dist}')).join('\n')), INPUT);
    assert.equal(r.refused, true);
    assert.match(r.message, /no number of its own/);
  });
});

describe('add changelog entry', () => {
  it('adds an entry for the current EVR with a - bullet and the cursor after it', () => {
    const r = run(BASE, (d) => addChangelogEntry(d, INPUT));
    assert.match(r.text, /%changelog\n\* Sun Dec 06 2026 Jane Doe <jane@example.org> - 1\.2-3\n- \n\n\* Mon Jan 05/);
    assert.deepEqual((r as { cursor?: unknown }).cursor, { line: 14, character: 2 });
  });

  it('multi-line comments become bullets; with %autochangelog nothing happens', () => {
    assert.match(run(BASE, (d) => addChangelogEntry(d, { ...INPUT, comment: 'one\n- two' })).text, /- 1\.2-3\n- one\n- two\n\n/);
    const r = addChangelogEntry(parseSpec(BASE.slice(0, 13).concat(['%autochangelog']).join('\n')), INPUT);
    assert.equal(r.edits.length, 0);
    assert.match(r.message, /%autochangelog/);
  });
});

describe('new upstream version', () => {
  it('sets Version, resets Release to 1 and adds an entry', () => {
    const r = run(BASE, (d) => newUpstreamVersion(d, '2.0', INPUT));
    assert.match(r.text, /Version: +2\.0\nRelease: +1%\{\?dist\}\n/);
    assert.match(r.text, /- 2\.0-1\n- Update to 2\.0\n/);
  });

  it('sets the %global a Version macro comes from; keeps %autorelease', () => {
    const r = run(['%global upver 1.2', ...BASE.map((l) => l.replace('Version:        1.2', 'Version:        %{upver}').replace('3%{?dist}', '%autorelease'))], (d) => newUpstreamVersion(d, '1.3~rc1', INPUT));
    assert.match(r.text, /^%global upver 1\.3~rc1\n/);
    assert.match(r.text, /Release: +%autorelease\n/);
  });

  it('refuses an invalid version', () => {
    assert.equal(newUpstreamVersion(parseSpec(BASE.join('\n')), '2.0-1', INPUT).refused, true);
  });
});

describe('convert to rpmautospec', () => {
  it('Release → %autorelease, %changelog → %autochangelog, old entries in a changelog file', () => {
    const doc = parseSpec(BASE.join('\n'));
    const r = convertToRpmautospec(doc);
    const text = applyEdits(doc, r.edits);
    assert.match(text, /Release: +%autorelease\n/);
    assert.match(text, /%changelog\n%autochangelog\n$/);
    assert.deepEqual(r.newFiles, [{ name: 'changelog', text: '* Mon Jan 05 2026 Old <o@x> - 1.2-2\n- older\n' }]);
    assert.equal(convertToRpmautospec(parseSpec(text)).rpmautospec, true);
  });

  it('the changelog file as rpmautospec convert writes it: no trailing blanks, no blank lines at the end, LF', () => {
    const doc = parseSpec(BASE.slice(0, 13).concat(['* Tue Jan 06 2026 New <n@x> - 1.2-3  ', '- fix 100%% ', '', '* Mon Jan 05 2026 Old <o@x> - 1.2-2', '- older', '', '', '']).join('\r\n'));
    const r = convertToRpmautospec(doc);
    assert.deepEqual(r.newFiles, [{ name: 'changelog', text: '* Tue Jan 06 2026 New <n@x> - 1.2-3\n- fix 100%%\n\n* Mon Jan 05 2026 Old <o@x> - 1.2-2\n- older\n' }]);
    assert.match(applyEdits(doc, r.edits), /\r\n%changelog\r\n%autochangelog\r\n$/);
  });
});
