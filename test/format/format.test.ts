// The spec formatter (service): what it changes, and everything it must leave exactly as written.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_FORMAT_OPTIONS, applyEdits, formatSpec, formatSpecText, type FormatOptions } from '../../server/src/service/features/format';
import { parseSpec } from '../../server/src/service/specfile/parser';
import { createLanguageService } from '../../server/src/service/languageService';

const fmt = (lines: string[], options: Partial<FormatOptions> = {}) => formatSpecText(parseSpec(lines.join('\n')), { ...DEFAULT_FORMAT_OPTIONS, ...options });
const same = (lines: string[], options: Partial<FormatOptions> = {}) => assert.equal(fmt(lines, options), lines.join('\n'));

describe('formatter: what it changes', () => {
  it('aligns preamble tag values at column 16, keeps values and qualifiers as written', () => {
    assert.equal(
      fmt(['Name:\thello', 'Version: 1.0', 'Requires(post):   systemd', 'BuildRequires:pkgconfig(glib-2.0) >= 2.0,  gcc', 'Summary:', 'SourceLicense:  MIT', 'Supplements:    (a and b)', '']),
      ['Name:           hello', 'Version:        1.0', 'Requires(post): systemd', 'BuildRequires:  pkgconfig(glib-2.0) >= 2.0,  gcc', 'Summary:', 'SourceLicense:  MIT', 'Supplements:    (a and b)', ''].join('\n'),
    );
  });

  it('tagValueColumn 0 puts one space after the colon; a tag longer than the column gets one space', () => {
    assert.equal(fmt(['Name:           hello', 'Version:1', ''], { tagValueColumn: 0 }), 'Name: hello\nVersion: 1\n');
    assert.equal(fmt(['Requires(postun): x', ''], { tagValueColumn: 8 }), 'Requires(postun): x\n');
  });

  it('aligns tags of %package sections too', () => {
    assert.equal(fmt(['Name: a', '', '%package devel', 'Summary: Dev', 'Requires: %{name} = %{version}-%{release}', '']),
      ['Name:           a', '', '%package devel', 'Summary:        Dev', 'Requires:       %{name} = %{version}-%{release}', ''].join('\n'));
  });

  it('puts one blank line before each section, with the comments right above it', () => {
    assert.equal(
      fmt(['Name: a', '# build it', '%description', 'Text.', '%prep', '%autosetup', '', '', '', '%build', 'make', '%files', '/a', '', '', '%changelog', '']),
      ['Name:           a', '', '# build it', '%description', 'Text.', '', '%prep', '%autosetup', '', '%build', 'make', '', '%files', '/a', '', '%changelog', ''].join('\n'),
    );
  });

  it('collapses runs of blank lines in preambles and %files, not in shell or %description', () => {
    assert.equal(
      fmt(['Name: a', '', '', '', 'Version: 1', '', '%description', 'One.', '', '', 'Two.', '', '%build', 'a', '', '', 'b', '', '%files', '/a', '', '', '/b', '']),
      ['Name:           a', '', 'Version:        1', '', '%description', 'One.', '', '', 'Two.', '', '%build', 'a', '', '', 'b', '', '%files', '/a', '', '/b', ''].join('\n'),
    );
  });

  it('removes trailing whitespace, blank lines at the end, and adds the final line break', () => {
    assert.equal(fmt(['Name: a  ', '%build', 'make  \t', '', '%files', '/a', '', '', '']), 'Name:           a\n\n%build\nmake\n\n%files\n/a\n');
    assert.equal(fmt(['Name: a', '%files', '/a']), 'Name:           a\n\n%files\n/a\n');
  });

  it('a last line of blanks in %changelog goes like any blank line at the end (idempotent)', () => {
    assert.equal(fmt(['%changelog', 'r', ' ']), '%changelog\nr\n');
    assert.equal(fmt(['%changelog', '- a  ', '', ' \t']), '%changelog\n- a  \n');
  });

  it('keeps CRLF line breaks', () => {
    assert.equal(fmt(['Name: a  \r', '%files\r', '/a\r', '']), 'Name:           a\r\n\r\n%files\r\n/a\r\n');
  });

  it('formatting twice equals formatting once', () => {
    const once = fmt(['Name: a', '#c', '%description', 'x', '%prep', '', '', '%build', 'make  ', '%files', '', '', '/a', '%changelog', '* Mon Jan 01 2024 A <a@b> - 1-1', '- x', '', '']);
    assert.equal(formatSpecText(parseSpec(once)), once);
  });
});

describe('formatter: what it leaves alone', () => {
  it('never changes a macro form: %name stays %name, parametric macros stay uncurlified', () => {
    same(['Name:           a', '%global x %{?_smp_mflags}', '', '%build', '%configure --x %name', '%make_build %{?_smp_mflags}', '%ldconfig_scriptlets web_2', '%run_permissions', '']);
  });

  it('never touches %dnl lines, even their trailing blanks', () => {
    same(['Name:           a', '%dnl a comment   ', '%dnl Name:   x', '']);
  });

  it('never touches %changelog text (trailing blanks included)', () => {
    same(['Name:           a', '', '%changelog', '* Mon Jan 01 2024 A <a@b> - 1-1   ', '- fix  ', '', '', '* Sun Dec 31 2023 A <a@b> - 0-1', '- old', '']);
  });

  it('never touches here-documents in shell sections', () => {
    same(['Name:           a', '', '%install', 'cat > x <<EOF', 'line with blanks   ', '', '', 'EOF', '']);
    assert.equal(fmt(['Name: a', '', '%install', 'cat > x <<EOF', 'data  ', 'EOF', 'make  ', '']), 'Name:           a\n\n%install\ncat > x <<EOF\ndata  \nEOF\nmake\n');
  });

  it('keeps trailing blanks inside a quoted string that spans lines, and after a backslash', () => {
    same(['Name:           a', '', '%build', 'echo "one  ', 'two"', 'echo a \\ ', '']);
  });

  it('keeps multi-line macro bodies (%{lua:…}) as written', () => {
    same(['Name:           a', '%{lua:', 'x = "a  "  ', '}', '']);
  });

  it('keeps Lua scriptlet bodies as written', () => {
    same(['Name:           a', '', '%post -p <lua>', 'print("x")   ', '']);
  });

  it('leaves a region between format off and on exactly as written', () => {
    assert.equal(
      fmt(['Name: a', '# specwright: format off', 'Version:   1  ', '', '', '# specwright: format on', 'Release: 1  ', '%description', 'x', '']),
      ['Name:           a', '# specwright: format off', 'Version:   1  ', '', '', '# specwright: format on', 'Release:        1', '', '%description', 'x', ''].join('\n'),
    );
    same(['# specwright: format off', 'Name: a  ', '%files', '/a', '', '', '']);
  });

  it('adds no blank line after a section header with no body (rpm: an empty section is not an absent one)', () => {
    same(['Name:           a', '', '%files devel', '%files', '/a', '']);
  });

  it('does not space sections after %if, nor inside a shell body ending in a comment', () => {
    same(['Name:           a', '%if %{with doc}', '%package doc', 'Summary:        D', '%endif', '']);
    same(['Name:           a', '', '%post', 'true', '# then', '%postun', 'true', '']);
  });

  it('leaves the lines after a %if that holds a section header: rpm may see them in another section', () => {
    same(['Name:           a', '', '%install', 'make', '%if 0', '%files', '%endif', '', '', '', 'more', '']);
  });

  it('adds or removes no line in a %if block that holds a section header (rpm keeps false-arm lines as empty description lines)', () => {
    same(['Name:           a', '', '%description perl', 'Perl.', '', '%if %{JAVA}', '%package java', 'Summary:        J', '%description java', '%endif', 'Java.', '']);
    same(['Name:           a', '', '%if %{with x}', '%package x', 'Summary:        X', '', '', '%endif', '']);
  });

  it('leaves the spacing before %conf (a line of %prep for rpm before 4.18.1)', () => {
    same(['Name:           a', '', '%prep', '%autosetup', '', '', '%conf', '%meson', '']);
  });

  it('leaves a file with a lone CR line break alone: rpm reads only LF as a line end', () => {
    // rpm 4.18: `Summary: s\rLicense: MIT` is one Summary whose text holds the CR.
    same(['Name: a', 'Summary: s  \rLicense:  MIT  ', 'x', '%description', 'd.\r%files', '', '', '/a', '']);
    same(['.\r%description']);
    // CRLF files are formatted as usual.
    assert.equal(fmt(['Name: a\r', '%files\r', '/a\r', '']), 'Name:           a\r\n\r\n%files\r\n/a\r\n');
  });

  it('dkms.conf is not formatted', () => {
    const service = createLanguageService();
    assert.deepEqual(service.format({ uri: 'file:///x/dkms.conf', languageId: 'dkms-conf', version: 1, text: 'PACKAGE_NAME=a   \n' }), []);
  });
});

describe('formatter: modes and ranges', () => {
  it('minimal mode fixes only whitespace errors', () => {
    assert.equal(fmt(['Name:\thello  ', '', '', 'Version: 1', '%build', 'make  ', '', '', ''], { mode: 'minimal' }), 'Name:\thello\n\n\nVersion: 1\n%build\nmake\n');
  });

  it('range formatting touches only the lines of the range', () => {
    const doc = parseSpec('Name: a\nVersion: 1  \nRelease: 1\n');
    const edits = formatSpec(doc, DEFAULT_FORMAT_OPTIONS, { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } });
    assert.equal(applyEdits(doc, edits), 'Name: a\nVersion:        1\nRelease: 1\n');
  });

  it('edits never overlap (one edit per line)', () => {
    const doc = parseSpec('Name: a\n%files\n/a  ');
    const edits = formatSpec(doc);
    const lines = edits.map((e) => e.range.start.line);
    assert.equal(new Set(lines).size, lines.length);
    assert.equal(applyEdits(doc, edits), 'Name:           a\n\n%files\n/a\n');
  });

  it('indentConditionals indents nested %if and %global lines (off by default)', () => {
    const text = ['%if 0%{?fedora}', '%global a 1', '%if 0%{?fedora} > 40', '%global b 1', '%else', '%global b 0', '%endif', '%endif', 'Name: x', ''];
    assert.equal(fmt(text), ['%if 0%{?fedora}', '%global a 1', '%if 0%{?fedora} > 40', '%global b 1', '%else', '%global b 0', '%endif', '%endif', 'Name:           x', ''].join('\n'));
    assert.equal(fmt(text, { indentConditionals: true }), ['%if 0%{?fedora}', '  %global a 1', '  %if 0%{?fedora} > 40', '    %global b 1', '  %else', '    %global b 0', '  %endif', '%endif', 'Name:           x', ''].join('\n'));
  });
});
