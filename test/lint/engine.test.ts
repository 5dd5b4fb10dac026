// The lint engine around the rules: severities, suppression comments, rpmlint filters.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createLanguageService } from '../../server/src/service/index';
import { isLinearFilter } from '../../server/src/service/lint';
import { WordScanner } from '../../server/src/service/text/wordScan';
import { disableLineEdit } from '../../server/src/serverCore/features/codeActions';
import { lintText } from '../helpers/fixtures';

// `%setup` without -q (setup-not-quiet, rpmlint id) and `%patch0` (obsolete-patchn-syntax): two
// rules that fire on plain lines of %prep.
const SPEC = (prep: string) => `Name: x\nVersion: 1\nRelease: 1\nSummary: s\nLicense: MIT\nPatch0: a.patch\n%description\nd\n%prep\n${prep}\n`;
const RULES = ['setup-not-quiet', 'obsolete-patchn-syntax'];

describe('suppression comments', () => {
  test('disable-next-line silences the named rule on the next line only', () => {
    const found = lintText(SPEC('# specwright: disable-next-line setup-not-quiet\n%setup\n%setup\n%patch0'), { rules: RULES });
    assert.deepEqual(found.map((f) => `${f.rule}@${f.range.start.line}`), ['setup-not-quiet@11', 'obsolete-patchn-syntax@12']);
  });

  test('several ids, comma- or space-separated; no id silences every rule', () => {
    assert.deepEqual(lintText(SPEC('# specwright: disable-next-line setup-not-quiet, obsolete-patchn-syntax\n%setup %patch0'), { rules: RULES }), []);
    assert.deepEqual(lintText(SPEC('# specwright: disable-next-line\n%setup'), { rules: RULES }), []);
  });

  test('disable turns a rule off from that line to the end of the file', () => {
    const found = lintText(SPEC('%patch0\n# specwright: disable obsolete-patchn-syntax\n%patch0\n%patch0'), { rules: RULES });
    assert.deepEqual(found.map((f) => `${f.rule}@${f.range.start.line}`), ['obsolete-patchn-syntax@9']);
  });

  test('disable-next-line covers a whole command continued with a backslash', () => {
    const text = `Name: x\n%build\n# specwright: disable-next-line deprecated-grep\nfind . | \\\n  egrep x \\\n  || :\negrep y file\n`;
    const found = lintText(text, { rules: ['deprecated-grep'] });
    assert.deepEqual(found.map((f) => f.range.start.line), [6]);
  });

  test('severity overrides: off removes a rule, a level changes it', () => {
    assert.deepEqual(lintText(SPEC('%setup'), { rules: RULES, severities: { 'setup-not-quiet': 'off' } }), []);
    assert.equal(lintText(SPEC('%setup'), { rules: RULES, severities: { 'setup-not-quiet': 'error' } })[0].severity, 'error');
  });
});

describe('"disable for this line" edit', () => {
  const input = (text: string) => ({ uri: 'file:///x.spec', languageId: 'rpm-spec' as const, version: 1, text });

  test('inserts the comment above the line with its indentation', () => {
    const edit = disableLineEdit(input('%build\n  make\n'), 1, 'some-rule')!;
    assert.deepEqual(edit, { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText: '  # specwright: disable-next-line some-rule\n' });
  });

  test('on a continuation line it goes above the first line of the command', () => {
    const edit = disableLineEdit(input('%build\nmake \\\n  DESTDIR=x \\\n  all\n'), 3, 'some-rule')!;
    assert.equal(edit.range.start.line, 1);
  });

  test('extends an existing directive instead of adding a second one, keeps CRLF', () => {
    const extended = disableLineEdit(input('# specwright: disable-next-line a\nline\n'), 1, 'b')!;
    assert.equal(extended.newText, ' b');
    assert.equal(disableLineEdit(input('# specwright: disable-next-line a\nline\n'), 1, 'a'), undefined);
    assert.equal(disableLineEdit(input('%build\r\nmake\r\n'), 1, 'r')!.newText, '# specwright: disable-next-line r\r\n');
  });
});

describe('rpmlint filters', () => {
  test('an addFilter regex hides findings that carry a matching rpmlint id', () => {
    const service = createLanguageService();
    const doc = { uri: 'file:///x.spec', languageId: 'rpm-spec' as const, version: 1, text: SPEC('%setup\n%patch0') };
    const all = service.lint(doc, { rules: {} }).findings.map((f) => f.rule);
    assert.ok(all.includes('setup-not-quiet'));
    const filtered = service.lint(doc, { rules: {}, rpmlintFilters: ['setup-not-quiet'] }).findings.map((f) => f.rule);
    assert.ok(!filtered.includes('setup-not-quiet'), 'filtered by its rpmlint id');
    assert.ok(filtered.includes('obsolete-patchn-syntax'), 'rules without an rpmlint id are not affected');
  });

  test('filters whose backtracking can explode are skipped; ordinary ones are kept', () => {
    for (const ok of ['setup-not-quiet', 'foo-dkms\\.spec: W: .*', '(setup|patch)-not-quiet', '^(?:a|b)c+$', '[(+]+x', 'a{2,}(bc)?', '(ab){3}']) {
      assert.equal(isLinearFilter(ok), true, ok);
    }
    for (const bad of ['(a+)+$', '(a|ab)*c', '((ab)+x)*', '(.*a){2,}', '(a)\\1', '(?:x+y?)+']) assert.equal(isLinearFilter(bad), false, bad);
    const service = createLanguageService();
    const doc = { uri: 'file:///x.spec', languageId: 'rpm-spec' as const, version: 1, text: SPEC('%setup') };
    // `(s|se)+` would match the id; it is skipped, so the finding stays.
    const rules = service.lint(doc, { rules: {}, rpmlintFilters: ['^(s|se)+tup-not-quiet'] }).findings.map((f) => f.rule);
    assert.ok(rules.includes('setup-not-quiet'));
  });
});

describe('arms that are false on the profile', () => {
  test('EL 7 arms are dead on every profile (no profile models EL 7): a macro there is not checked', () => {
    // (tini's `%cmake3_install` in an EL 7 arm was the real case; a digit-only sibling of a known
    // macro is no longer a typo anywhere, so a plain typo stands in for it here.)
    const spec = 'Name: x\nVersion: 1\nRelease: 1\nSummary: s\nLicense: MIT\n%description\nd\n%install\n%if 0%{?el7}\ninstall -d %{buildroot}%{_libdri}\n%else\n%cmake_install\n%endif\n';
    for (const distro of ['fedora', 'rhel', 'opensuse', 'generic'] as const) {
      assert.deepEqual(lintText(spec, { rules: ['undefined-macro'], distro }).map((f) => f.rule), [], distro);
    }
    // the same macro outside the arm is still reported
    assert.deepEqual(lintText(spec.replace('%if 0%{?el7}', '%if 1'), { rules: ['undefined-macro'], distro: 'fedora' }).map((f) => f.rule), ['undefined-macro']);
  });
  const ARMS = SPEC('%if 0%{?suse_version}\n%setup\n%else\n%setup -q\n%endif\n%ifarch s390x\n%setup\n%endif');
  test('rules skip lines rpm never reads on the profile; unknown arms (%ifarch) are still checked', () => {
    assert.deepEqual(lintText(ARMS, { rules: RULES, distro: 'fedora' }).map((f) => `${f.rule}@${f.range.start.line}`), ['setup-not-quiet@15']);
    assert.deepEqual(lintText(ARMS, { rules: RULES, distro: 'opensuse' }).map((f) => `${f.rule}@${f.range.start.line}`), ['setup-not-quiet@10', 'setup-not-quiet@15']);
  });

  test('rules about the arms themselves keep their findings there', () => {
    const text = SPEC('%if 0%{?suse_version}\n%else\n%else\n%endif');
    assert.deepEqual(lintText(text, { rules: ['spec-stray-conditional'], distro: 'fedora' }).map((f) => f.range.start.line), [11]);
  });
});

describe('the requires prefilter (WordScanner)', () => {
  test('finds exactly the words the text contains, overlapping and special ones included', () => {
    const words = ['/lib', '/lib/modules/', '_lib\t', 'PACKAGE_', 'PACKAGE_NAME', '(', '$(', '`', '\u00a0', 'a.b', 'check'];
    const scanner = new WordScanner(words);
    const texts = ['', 'x /lib/modules/5 PACKAGE_NAME=a', 'no words here', 'echo $(date) `id`\u00a0%_lib\tx', 'aXb a.b', 'check check /lib', '/li', 'PACKAGE'];
    for (const text of texts) {
      assert.deepEqual([...scanner.present(text)].sort(), words.filter((w) => text.includes(w)).sort(), JSON.stringify(text));
    }
  });

  test('only short words (looked up one by one, no pattern) and no words at all', () => {
    const short = new WordScanner(['(', '<<', '\u00a0']);
    assert.deepEqual([...short.present('cat <<EOF (x)')].sort(), ['(', '<<']);
    assert.deepEqual([...short.present('none')], []);
    assert.deepEqual([...new WordScanner([]).present('anything')], []);
  });

  test('a rule whose words are absent is skipped; present, it runs', () => {
    // make-check-outside-check-section requires 'check' or 'test'.
    const spec = (build: string) => `Name: x\nVersion: 1\nRelease: 1\nSummary: s\nLicense: MIT\n%description\nd\n%build\n${build}\n`;
    assert.deepEqual(lintText(spec('make check'), { rules: ['make-check-outside-check-section'] }).map((f) => f.rule), ['make-check-outside-check-section']);
    assert.deepEqual(lintText(spec('make all'), { rules: ['make-check-outside-check-section'] }), []);
  });
});
