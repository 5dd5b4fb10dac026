import assert from 'node:assert/strict';
import { test } from 'node:test';
import { commandArgs, commandName, lexShell, parseShell, ShellScanner, type ShellWord } from '../../server/src/service/shell';

const words = (text: string) => lexShell(text).tokens.filter((t): t is ShellWord => t.type === 'word');

test('words keep quotes in text, drop them in value, and list their parts', () => {
  const text = `echo 'a b' "c \\"d\\" $x" e\\ f $(ls "q") \${y:-z} \`pwd\` $'t\\n'`;
  const ws = words(text);
  assert.deepEqual(ws.map((w) => w.text), ['echo', "'a b'", '"c \\"d\\" $x"', 'e\\ f', '$(ls "q")', '${y:-z}', '`pwd`', "$'t\\n'"]);
  assert.deepEqual(ws.map((w) => w.value), ['echo', 'a b', 'c "d" $x', 'e f', '$(ls "q")', '${y:-z}', '`pwd`', 't\\n']);
  assert.deepEqual(ws.map((w) => w.parts.map((p) => p.kind).join(',')), ['literal', 'single', 'double', 'literal', 'command', 'parameter', 'backquote', 'ansi']);
  assert.deepEqual(ws[2].variables.map((v) => [v.name, text.slice(v.start, v.end)]), [['x', '$x']]);
  assert.deepEqual(ws[5].variables.map((v) => [v.name, v.braced, text.slice(v.start, v.end), text.slice(v.nameStart, v.nameEnd)]), [['y', true, '${y:-z}', 'y']]);
  assert.equal(ws[4].hasCommandSubstitution, true);
  assert.equal(ws[1].quoting, 'single');
  assert.equal(words(`a"b"'c'`)[0].quoting, 'mixed');
});

test('offsets are document offsets, also through an offset map and a line continuation', () => {
  const text = 'make \\\n  install DESTDIR=x # done\n';
  const r = lexShell(text);
  const ws = r.tokens.filter((t): t is ShellWord => t.type === 'word');
  assert.deepEqual(ws.map((w) => text.slice(w.start, w.end)), ['make', 'install', 'DESTDIR=x']);
  assert.deepEqual(r.comments.map((c) => text.slice(c.start, c.end)), ['# done']);
  // a word continued across lines stays one word
  const joined = words('ab\\\ncd')[0];
  assert.equal(joined.value, 'abcd');
  assert.equal(joined.end, 6);
});

test('a # inside a word or quotes is not a comment', () => {
  const r = lexShell(`sed -e 's#a#b#' "x # y" a#b # real`);
  assert.equal(r.comments.length, 1);
  assert.deepEqual(r.tokens.filter((t) => t.type === 'word').map((t) => (t as ShellWord).value), ['sed', '-e', 's#a#b#', 'x # y', 'a#b']);
});

test('rpm macros are word parts when asked for, whole even with blanks inside', () => {
  const ws = lexShell('%{__make} %{?_smp_mflags} %(echo a b) %{expand:x y} %%d', { rpmMacros: true }).tokens as ShellWord[];
  assert.deepEqual(ws.map((w) => w.text), ['%{__make}', '%{?_smp_mflags}', '%(echo a b)', '%{expand:x y}', '%%d']);
  assert.ok(ws.every((w) => w.parts[0].kind === 'macro'));
  // without rpmMacros `%(` is a literal `%` and an operator
  assert.equal(lexShell('%(echo a b)').tokens[0].type, 'word');
  assert.equal(lexShell('%(echo a b)').tokens[1].type, 'operator');
});

test('operators and redirections', () => {
  const r = lexShell('a && b || c | d |& e; f & g ;; h 2>&1 >out <in &>both >>app <<<word');
  const ops = r.tokens.filter((t) => t.type === 'operator').map((t) => (t as { op: string }).op);
  assert.deepEqual(ops, ['&&', '||', '|', '|&', ';', '&', ';;']);
  const redirects = r.tokens.filter((t) => t.type === 'redirect').map((t) => [(t as { fd?: string }).fd ?? '', (t as { op: string }).op]);
  assert.deepEqual(redirects, [['2', '>&'], ['', '>'], ['', '<'], ['', '&>'], ['', '>>'], ['', '<<<']]);
});

test('here-documents: delimiter, quoting, body text and offsets, <<- strips tabs', () => {
  const text = 'cat > dkms.conf <<EOF\nPACKAGE_NAME=$name\nEOF\ncat <<-\'END\' | sh\n\techo hi\n\tEND\nafter\n';
  const r = parseShell(text);
  assert.equal(r.hereDocs.length, 2);
  const [a, b] = r.hereDocs;
  assert.equal(a.delimiter, 'EOF');
  assert.equal(a.quoted, false);
  assert.equal(a.body, 'PACKAGE_NAME=$name\n');
  assert.equal(text.slice(a.bodyStart, a.bodyEnd), a.body);
  assert.equal(a.offsetAt(13), text.indexOf('$name'));
  assert.equal(text.slice(a.terminator!.start, a.terminator!.end), 'EOF');
  assert.equal(b.delimiter, 'END');
  assert.equal(b.quoted, true);
  assert.equal(b.stripTabs, true);
  assert.equal(b.body, '\techo hi\n');
  // body lines are not commands
  assert.deepEqual(r.commands.map((c) => commandName(c)?.value), ['cat', 'cat', 'sh', 'after']);
  assert.equal(r.commands[0].redirects[1].hereDoc, a);
  assert.equal(r.commands[0].redirects[0].target?.value, 'dkms.conf');
  // an unclosed here-document swallows the rest and is a problem
  const u = parseShell('cat <<EOF\nx\n');
  assert.equal(u.hereDocs[0].body, 'x\n');
  assert.equal(u.hereDocs[0].terminator, undefined);
  assert.deepEqual(u.problems.map((p) => p.kind), ['unclosed-heredoc']);
});

test('unclosed quotes and expansions are problems and end at the text end', () => {
  assert.deepEqual(lexShell(`echo 'abc`).problems.map((p) => p.kind), ['unclosed-single']);
  assert.deepEqual(lexShell(`echo "abc`).problems.map((p) => p.kind), ['unclosed-double']);
  assert.deepEqual(lexShell('echo $(abc').problems.map((p) => [p.kind, p.start, p.end]), [['unclosed-command', 5, 7]]);
  assert.deepEqual(lexShell('echo ${abc').problems.map((p) => p.kind), ['unclosed-parameter']);
  assert.deepEqual(lexShell('echo `abc').problems.map((p) => p.kind), ['unclosed-backquote']);
  assert.deepEqual(lexShell('X=(a b').problems.map((p) => p.kind), ['unclosed-array']);
});

test('commands: name index after reserved words, assignments and wrappers; operators around them', () => {
  const r = parseShell('if ! CC=gcc env make -j4 install >log 2>&1; then echo ok; fi\nfor f in a b; do rm $f; done\nX=1\n');
  const summary = r.commands.map((c) => [c.leading.join(' '), commandName(c)?.value ?? '-', commandArgs(c).map((w) => w.value).join(' '), c.before, c.after]);
  assert.deepEqual(summary, [
    ['if !', 'make', '-j4 install', '', ';'],
    ['then', 'echo', 'ok', ';', ';'],
    ['fi', '-', '', ';', ';'],
    ['for', '-', '', ';', ';'],
    ['do', 'rm', '$f', ';', ';'],
    ['done', '-', '', ';', ';'],
    ['', '-', '', ';', ';'],
  ]);
  assert.deepEqual(r.commands[0].redirects.map((x) => [x.fd ?? '', x.op, x.target?.value]), [['', '>', 'log'], ['2', '>&', '1']]);
});

test('commands: pipelines, case patterns and function definitions', () => {
  const r = parseShell('ls | grep x | wc -l && echo\ncase "$1" in\n  remove|purge) dkms remove ;;\n  (0) : ;;\nesac\nf() {\n  echo in f\n}\n');
  const [ls, grep, wc, echo] = r.commands;
  assert.equal(ls.pipeline, grep.pipeline);
  assert.equal(grep.pipeline, wc.pipeline);
  assert.notEqual(wc.pipeline, echo.pipeline);
  const dkms = r.commands.find((c) => commandName(c)?.value === 'dkms')!;
  assert.deepEqual(dkms.leading, ['remove|purge)']);
  const colon = r.commands.find((c) => commandName(c)?.value === ':')!;
  assert.deepEqual(colon.leading, ['(0)']);
  const fn = r.commands.find((c) => c.functionName !== undefined)!;
  assert.equal(fn.functionName, 'f');
  assert.equal(fn.nameIndex, -1);
  assert.ok(r.commands.some((c) => c.nameIndex === -1 && c.leading.join() === '{'));
  assert.ok(parseShell('g() { echo in g; }').commands.some((c) => commandName(c)?.value === 'echo' && c.leading.includes('{')));
});

test('linear time and no recursion on deep nesting and long lines', () => {
  const deep = '$('.repeat(50_000) + ')'.repeat(50_000);
  const r = lexShell(`echo ${deep}`);
  assert.equal(r.problems.length, 0);
  const quotes = `"${'$(echo "'.repeat(20_000)}`;
  assert.doesNotThrow(() => lexShell(quotes));
  const long = 'a '.repeat(200_000) + '\\\n'.repeat(10_000) + '#'.repeat(100_000);
  assert.equal(parseShell(long).commands.length, 1);
  assert.doesNotThrow(() => parseShell('case x in\n' + 'a) b ;;\n'.repeat(20_000) + 'esac\n'));
});

test('ShellScanner reads one word or construct at an offset (the dkms.conf parser walks the text itself)', () => {
  const text = 'X="a $(b "c")" Y=${z:-1}\nW=`q\n';
  const scanner = new ShellScanner(text);
  const w = scanner.wordAt(2);
  assert.equal(w.word.text, '"a $(b "c")"');
  assert.equal(w.word.value, 'a $(b "c")');
  assert.equal(w.word.hasCommandSubstitution, true);
  assert.deepEqual(scanner.wordAt(17).word.variables.map((v) => v.name), ['z']);
  assert.equal(scanner.wordAt(text.indexOf(' Y')).word.text, '', 'an empty word at a blank');
  const bt = scanner.constructAt(text.indexOf('`'));
  assert.equal(bt.end, text.length);
  assert.deepEqual(bt.problems.map((p) => p.kind), ['unclosed-backquote']);
});
