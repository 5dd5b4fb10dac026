import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDkms } from '../../server/src/service/dkms/parser';

const slice = (text: string, s: { start: number; end: number }) => text.slice(s.start, s.end);

test('scalar, indexed, quoted and unquoted assignments', () => {
  const text = 'PACKAGE_NAME="foo"\nPACKAGE_VERSION=1.0\nBUILT_MODULE_NAME[1]=\'bar\'\nMAKE="make KVER=$kernelver -C ${kernel_source_dir}"\n';
  const doc = parseDkms(text);
  assert.equal(doc.assignments.length, 4);
  const [a, b, c, d] = doc.assignments;
  assert.equal(a.name, 'PACKAGE_NAME');
  assert.equal(a.values[0].text, 'foo');
  assert.equal(a.values[0].quoting, 'double');
  assert.equal(b.values[0].quoting, 'none');
  assert.equal(c.index, 1);
  assert.equal(c.indexText, '1');
  assert.equal(slice(text, c.indexSpan!), '1');
  assert.equal(c.values[0].quoting, 'single');
  assert.deepEqual(d.values[0].variables.map((v) => [v.name, v.braced]), [['kernelver', false], ['kernel_source_dir', true]]);
  assert.equal(slice(text, d.values[0].variables[1]), '${kernel_source_dir}');
  assert.equal(slice(text, d.values[0].variables[1].nameSpan), 'kernel_source_dir');
  assert.equal(doc.problems.length, 0);
});

test('arrays, append, export, mixed quoting, escapes and continuations', () => {
  const text = 'PATCH=(a.patch "b c.patch" # note\n  d.patch)\nX+=(e)\nexport CC=clang\nY="a"b\'c\'\nZ="q\\"x\\$y"\nW=one\\\ntwo\n';
  const doc = parseDkms(text);
  const [p, x, cc, y, z, w] = doc.assignments;
  assert.equal(p.isArray, true);
  assert.deepEqual(p.values.map((v) => v.text), ['a.patch', 'b c.patch', 'd.patch']);
  assert.equal(p.line, 0);
  assert.equal(p.endLine, 1);
  assert.equal(doc.comments.length, 1);
  assert.equal(x.append, true);
  assert.equal(cc.exported, true);
  assert.equal(cc.values[0].text, 'clang');
  assert.equal(y.values[0].text, 'abc');
  assert.equal(y.values[0].quoting, 'mixed');
  assert.equal(z.values[0].text, 'q"x$y');
  assert.equal(z.values[0].variables.length, 0);
  assert.equal(w.values[0].text, 'onetwo');
});

test('comments start only at a word start; # inside values is literal', () => {
  const doc = parseDkms('A="x # y" # real\nPACKAGE_VERSION=#MODULE_VERSION#\n# whole line\n');
  assert.equal(doc.assignments[0].values[0].text, 'x # y');
  assert.equal(doc.assignments[1].values[0].text, '#MODULE_VERSION#');
  assert.equal(doc.comments.length, 2);
  assert.equal(doc.placeholders.length, 1);
});

test('shell code, blocks and conditional assignments', () => {
  const text = 'if [ -f x ]; then\n  BUILT_MODULE_NAME[0]=a\nelse\n  case $k in\n    5.*) MAKE="m" ;;\n  esac\nfi\nf() {\n  local v=1\n}\n[ $N -gt 1 ] && N=1\nfor i in 1 2; do\n  DEST_MODULE_LOCATION[i]=/extra\ndone\nPACKAGE_NAME=p\n';
  const doc = parseDkms(text);
  const byName = (n: string) => doc.assignments.find((a) => a.name === n)!;
  assert.equal(byName('BUILT_MODULE_NAME').conditional, true);
  assert.equal(byName('MAKE').conditional, true);
  assert.equal(byName('v').conditional, true);
  assert.equal(byName('N').conditional, true);
  assert.equal(byName('DEST_MODULE_LOCATION').index, undefined);
  assert.equal(byName('DEST_MODULE_LOCATION').indexText, 'i');
  assert.equal(byName('PACKAGE_NAME').conditional, false);
  assert.deepEqual(doc.blocks.map((b) => [b.kind, b.line, b.endLine, b.name ?? '']), [['if', 0, 6, ''], ['case', 3, 5, ''], ['function', 7, 9, 'f'], ['for', 11, 13, '']]);
  assert.ok(doc.shellCode.some((s) => s.text.startsWith('if [ -f x ]')));
  assert.equal(doc.problems.length, 0);
});

test('command substitution, backquotes and env-prefixed commands', () => {
  const doc = parseDkms('V="$(cat VERSION)"\nN=`nproc`\nKVER=1 make all\nK=$(echo ${kernelver} | sed \'s/$x//\')\n');
  assert.equal(doc.assignments.length, 3);
  assert.equal(doc.assignments[0].values[0].hasCommandSubstitution, true);
  assert.equal(doc.assignments[1].values[0].hasCommandSubstitution, true);
  assert.deepEqual(doc.assignments[2].values[0].variables.map((v) => v.name), ['kernelver']);
  assert.ok(doc.shellCode.some((s) => s.text === 'KVER=1 make all'));
});

test('malformed input becomes problems, never exceptions', () => {
  const cases: [string, RegExp][] = [
    ['A="unclosed\nB=1\n', /double quote/],
    ["A='unclosed\n", /single quote/],
    ['NAME[=x\n', /index/],
    ['PACKAGE_NAME = "x"\n', /Spaces around/],
    ['A=(a b\n', /never closed/],
    ['if true; then\nA=1\n', /never closed by `fi`/],
    ['fi\n', /without a matching/],
    ['A="$(echo\n', /Unclosed/],
  ];
  for (const [text, re] of cases) {
    const doc = parseDkms(text);
    assert.ok(doc.problems.some((p) => re.test(p.message)), `${JSON.stringify(text)}: ${doc.problems.map((p) => p.message).join('; ')}`);
    for (const p of doc.problems) assert.ok(p.start >= 0 && p.end <= text.length && p.start <= p.end);
    assert.ok(doc.problems.every((p) => p.rule === 'dkms-malformed-line'));
  }
});

test('CRLF line endings keep exact ranges and values', () => {
  const text = 'PACKAGE_NAME="a"\r\nBUILT_MODULE_NAME[0]=b\r\nX=(c\r\n d)\r\n';
  const doc = parseDkms(text);
  assert.equal(doc.hasCrlf, true);
  assert.deepEqual(doc.assignments.map((a) => a.values.map((v) => v.text)), [['a'], ['b'], ['c', 'd']]);
  const b = doc.assignments[1];
  assert.deepEqual(doc.lines.positionAt(b.nameSpan.start), { line: 1, character: 0 });
  assert.deepEqual(doc.lines.positionAt(b.valueSpan.end), { line: 1, character: 22 });
});

test('non-ASCII text keeps UTF-16 positions', () => {
  const text = '# Größe 😀\nPACKAGE_NAME="ünï😀"\nMAKE="make X=😀 $kernelver"\n';
  const doc = parseDkms(text);
  const make = doc.assignments[1];
  const ref = make.values[0].variables[0];
  assert.equal(slice(text, ref.nameSpan), 'kernelver');
  assert.deepEqual(doc.lines.positionAt(ref.start), { line: 2, character: 16 });
  assert.equal(doc.assignments[0].values[0].text, 'ünï😀');
});

test('@VAR@ placeholders are recorded', () => {
  const text = 'PACKAGE_VERSION="@VERSION@"\nX=@@A@@\n';
  const doc = parseDkms(text);
  assert.deepEqual(doc.placeholders.map((p) => slice(text, p)), ['@VERSION@', '@A@']);
});

test('__VAR__ written as a whole value is a placeholder; other underscores are not', () => {
  const text = 'PACKAGE_VERSION="__VERSION__"\nPACKAGE_NAME=__NAME__\nMAKE="make __X__"\nA=__lower__\nB=____\n';
  const doc = parseDkms(text);
  assert.deepEqual(doc.placeholders.map((p) => slice(text, p)), ['__VERSION__', '__NAME__']);
});

test('hostile input stays bounded', () => {
  const inputs = [
    'A="' + 'x'.repeat(1_000_000) + '"\n',
    'x'.repeat(1_000_000),
    'A=' + '\0'.repeat(10_000) + '\nB=\0"\0"\n',
    'A=' + '$('.repeat(10_000) + '\n',
    '$('.repeat(10_000) + ')'.repeat(10_000),
    '${'.repeat(10_000),
    'if '.repeat(10_000),
    "case x in\n" + "'a;".repeat(20_000),
    '<<\''.repeat(20_000),
    ';'.repeat(200_000),
    '\\\n'.repeat(100_000),
  ];
  for (const text of inputs) {
    const t0 = Date.now();
    const doc = parseDkms(text);
    const ms = Date.now() - t0;
    // Generous bound (CI machines are busy): catches quadratic blow-ups, which take minutes.
    assert.ok(ms < 20_000, `took ${ms} ms for input starting ${JSON.stringify(text.slice(0, 20))}`);
    for (const a of doc.assignments) assert.ok(a.start >= 0 && a.end <= text.length);
  }
});

test('empty file', () => {
  const doc = parseDkms('');
  assert.equal(doc.assignments.length, 0);
  assert.equal(doc.problems.length, 0);
});
