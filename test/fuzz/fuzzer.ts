// A seeded, dependency-free mutation fuzzer for the language service.
//
// Every iteration derives its own PRNG from (seed, iteration), so any single input can be
// regenerated with `node scripts/fuzz.mjs --seed S --only I`. An input is a corpus file (or a
// slice of one, or a built-in seed when the corpus is absent) with 1–4 mutations applied. Each
// input is parsed as a spec and as a dkms.conf, linted with every rule at `warning`, every fix of
// every finding is applied (each separately, then all safe fixes together) and every other
// service feature that exists is called. The invariants are listed in checkInput().
import fs from 'node:fs';
import path from 'node:path';
import { ALL_RULES, createLanguageService, type DocumentInput, type Finding, type LanguageId, type SeverityOrOff } from '../../server/src/service/index';
import { parseDkms } from '../../server/src/service/dkms/parser';
import { parseSpec } from '../../server/src/service/specfile/parser';

export interface Seed {
  name: string;
  languageId: LanguageId;
  text: string;
}

export interface FuzzInput {
  iteration: number;
  source: string;
  languageId: LanguageId;
  mutations: string[];
  text: string;
}

export interface Failure {
  /** Invariant that broke: a stable key used by the minimizer. */
  kind: string;
  message: string;
}

export interface FuzzFailure extends Failure {
  seed: number;
  iteration: number;
  input: FuzzInput;
  /** Smallest text found that still breaks the same invariant. */
  minimized: string;
}

export interface FuzzOptions {
  iterations: number;
  seed: number;
  seeds: Seed[];
  /** First iteration (default 0). */
  start?: number;
  /** Time budget per input: perKbMs * KB + constMs (parse + lint of the input). */
  perKbMs?: number;
  constMs?: number;
  /** Stop after this many failures (default 5). */
  maxFailures?: number;
  /** Stop when this wall time (ms) is exceeded. */
  timeLimitMs?: number;
  /** Called before each iteration (the script's watchdog uses it). */
  onIteration?: (iteration: number) => void;
  onProgress?: (done: number, elapsedMs: number) => void;
  progressEvery?: number;
  /** Called as soon as a new kind of failure is found (before the run ends). */
  onFailure?: (failure: FuzzFailure) => void;
}

export interface FuzzReport {
  iterations: number;
  bytes: number;
  elapsedMs: number;
  findings: number;
  fixesApplied: number;
  featureCalls: Record<string, number>;
  slowest: { iteration: number; ms: number; kb: number };
  failures: FuzzFailure[];
}

// ---------------------------------------------------------------------------------------------
// PRNG

export type Rng = () => number;

export function mulberry32(a: number): Rng {
  return () => {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function rngFor(seed: number, iteration: number): Rng {
  const r = mulberry32((seed ^ Math.imul(iteration + 1, 0x9e3779b1)) >>> 0);
  r();
  return r;
}

const int = (r: Rng, n: number): number => Math.floor(r() * n);
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[int(r, xs.length)];

// ---------------------------------------------------------------------------------------------
// Seeds

export const BUILTIN_SEEDS: Seed[] = [
  {
    name: 'builtin/hello.spec',
    languageId: 'rpm-spec',
    text: [
      '%global commit 0123456789abcdef', '%bcond_without tests', 'Name:           hello', 'Version:        2.12',
      'Release:        1%{?dist}', 'Summary:        The GNU Hello program', 'License:        GPL-3.0-or-later',
      'URL:            https://www.gnu.org/software/hello/', 'Source0:        https://ftp.gnu.org/gnu/hello/%{name}-%{version}.tar.gz',
      'BuildRequires:  gcc make', 'Requires(post): info', '', '%description', 'Prints a friendly greeting.', '',
      '%package devel', 'Summary: Headers', 'Requires: %{name}%{?_isa} = %{version}-%{release}', '', '%description devel', 'Headers.', '',
      '%prep', '%autosetup -p1', '', '%build', '%configure', '%make_build', '', '%install', '%make_install',
      'rm -f %{buildroot}%{_infodir}/dir', '%if %{with tests}', '%check', 'make check', '%endif', '',
      '%files', '%license COPYING', '%doc AUTHORS README', '%{_bindir}/hello', '%{_mandir}/man1/hello.1*', '',
      '%files devel', '%{_includedir}/*.h', '', '%changelog', '* Mon Jan 01 2024 Jane Doe <jane@example.com> - 2.12-1',
      '- Update to 2.12', '',
    ].join('\n'),
  },
  {
    name: 'builtin/macros.spec',
    languageId: 'rpm-spec',
    text: [
      '%{!?python3_sitelib: %global python3_sitelib %(%{__python3} -c "import sys")}', '%define debug_package %{nil}',
      '%{lua: print("Name: x")}', 'Version: %[1 + 2]', 'Release: 0%{?dist}', 'Summary: x', 'License: MIT', 'BuildArch: noarch',
      '%ifarch x86_64 aarch64', 'Requires: foo >= 1.0', '%else', 'Requires: bar', '%endif', '%description', 'x', '%pre -p /bin/sh',
      'getent group x >/dev/null || groupadd -r x', '%post', '%systemd_post x.service', '%files', '%attr(0755,root,root) %{_bindir}/x',
      '%config(noreplace) %{_sysconfdir}/x.conf', '%dir %{_datadir}/x', '%changelog',
    ].join('\n'),
  },
  {
    name: 'builtin/dkms.conf',
    languageId: 'dkms-conf',
    text: [
      'PACKAGE_NAME="acme"', 'PACKAGE_VERSION="1.0"', 'BUILT_MODULE_NAME[0]="acme"', 'DEST_MODULE_LOCATION[0]="/updates/dkms"',
      'MAKE[0]="make -C ${kernel_source_dir} M=${dkms_tree}/${PACKAGE_NAME}/${PACKAGE_VERSION}/build modules"',
      'CLEAN="make clean"', 'AUTOINSTALL="yes"', 'BUILD_EXCLUSIVE_KERNEL="^(5|6)\\.*"', 'PATCH[0]="fix.patch"', 'PATCH_MATCH[0]="^5"',
      'if [ "$kernelver" = "x" ]; then', '  BUILD_MODULE_NAME[1]=$(echo foo)', 'fi', 'STRIP=(yes no)',
    ].join('\n'),
  },
];

/** Loads corpus specs and dkms.conf files from `<shared>/corpus`, or returns the built-in seeds. */
export function loadSeeds(shared: string | undefined): Seed[] {
  if (!shared) return BUILTIN_SEEDS;
  const corpus = path.join(shared, 'corpus');
  const out: Seed[] = [];
  for (const sub of ['spec', 'rpmlint-tests']) {
    const dir = path.join(corpus, sub);
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).sort()) {
      if (f.endsWith('.spec')) out.push({ name: `${sub}/${f}`, languageId: 'rpm-spec', text: fs.readFileSync(path.join(dir, f), 'utf8') });
    }
  }
  const walk = (dir: string): void => {
    if (!fs.existsSync(dir)) return;
    for (const f of fs.readdirSync(dir).sort()) {
      const p = path.join(dir, f);
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (f === 'dkms.conf' || f.endsWith('.dkms.conf')) out.push({ name: path.relative(corpus, p), languageId: 'dkms-conf', text: fs.readFileSync(p, 'utf8') });
    }
  };
  walk(path.join(corpus, 'dkms'));
  return out.length > 0 ? out.concat(BUILTIN_SEEDS) : BUILTIN_SEEDS;
}

// ---------------------------------------------------------------------------------------------
// Mutations

const SPEC_TOKENS = [
  '%{', '%(', '%[', '}', ')', ']', '%if', '%if 0%{?fedora}', '%ifarch x86_64', '%else', '%elif 1', '%endif', '\\', '\0', '%%', '%', '%{?',
  '%{!?x:', '%{lua:', '%{expand:', '%define x ', '%global y %{x}', '%undefine x', '%package -n ', '%package', '%description', '%files',
  '%files -f', '%changelog', '%prep', '%build', '%install', '%check', '%post', '%pre -p', '%trigger', '%filetriggerin', '%autosetup',
  '%setup -q -n', '%patch -P1', 'Name:', 'Version:', 'Release:', 'Requires:', 'BuildRequires: (a or b)', 'License:', 'Source0:',
  'Patch0:', '* Mon Jan 01 2000 X <x@y> - 1-1', '- ', '#', '# specwright-disable-next-line ', '%attr(', '%config(', '%dir ',
  '%{_libdir}', '%{buildroot}', '$RPM_BUILD_ROOT', '\uD800', '\uDC00', '\uFEFF', '\u00e9', '\u{1F600}', '\t', '\r', '\r\n', ':', '"', "'",
  '%{?_isa}', '%[%{x} > 1 ? "a" : "b"]', '%1', '%*', '%-n', '%{-x:y}', '%bcond_with x', '%{with x}', '%dnl ', 'Epoch: 1', 'BuildArch: noarch',
];

const DKMS_TOKENS = [
  '$(', '${', '`', '"', "'", '[', ']', '=(', ')', '\\', '\0', '=', '+=', 'PACKAGE_NAME=', 'BUILT_MODULE_NAME[', 'DEST_MODULE_LOCATION[0]=',
  'MAKE[0]=', 'PATCH[1]=', 'export ', 'if [ x ]; then', 'fi', '#', '\uD800', '\r', '\r\n', '${kernelver}', '$kernelver', 'AUTOINSTALL=yes',
  'BUILD_EXCLUSIVE_KERNEL="^6', 'OBSOLETE_BY=', 'REMAKE_INITRD=yes', 'case $x in', 'esac', '<<EOF', 'EOF',
];

function utf8Flip(r: Rng, text: string): string {
  const buf = Buffer.from(text, 'utf8');
  if (buf.length === 0) return text;
  const n = 1 + int(r, 8);
  for (let i = 0; i < n; i++) buf[int(r, buf.length)] ^= 1 << int(r, 8);
  return new TextDecoder('utf-8', { fatal: false }).decode(buf);
}

function splitLines(text: string): string[] {
  return text.split('\n');
}

function randomLine(r: Rng, len: number): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789 %{}()[]:?!-_./\\"\'$=#*';
  let s = '';
  while (s.length < len) {
    const chunk = int(r, 4) === 0 ? pick(r, SPEC_TOKENS) : alphabet[int(r, alphabet.length)];
    s += chunk.replace(/[\r\n]/g, '');
  }
  return s.slice(0, len);
}

type Mutator = (r: Rng, text: string, lang: LanguageId, seeds: Seed[]) => string;

const MUTATORS: Record<string, Mutator> = {
  byteFlip: (r, t) => utf8Flip(r, t),
  charReplace: (r, t) => {
    if (t.length === 0) return t;
    const i = int(r, t.length);
    return t.slice(0, i) + String.fromCharCode(int(r, 0x10000)) + t.slice(i + 1);
  },
  truncate: (r, t) => t.slice(0, int(r, t.length + 1)),
  truncateHead: (r, t) => t.slice(int(r, t.length + 1)),
  duplicateLines: (r, t) => {
    const ls = splitLines(t);
    const i = int(r, ls.length);
    const n = 1 + int(r, 20);
    const copies = 1 + int(r, 3);
    const block = ls.slice(i, i + n);
    const at = int(r, ls.length + 1);
    for (let c = 0; c < copies; c++) ls.splice(at, 0, ...block);
    return ls.join('\n');
  },
  deleteLines: (r, t) => {
    const ls = splitLines(t);
    ls.splice(int(r, ls.length), 1 + int(r, 10));
    return ls.join('\n');
  },
  swapLines: (r, t) => {
    const ls = splitLines(t);
    const a = int(r, ls.length);
    const b = int(r, ls.length);
    [ls[a], ls[b]] = [ls[b], ls[a]];
    return ls.join('\n');
  },
  injectToken: (r, t, lang) => {
    const tokens = lang === 'dkms-conf' && r() < 0.7 ? DKMS_TOKENS : SPEC_TOKENS;
    let out = t;
    const n = 1 + int(r, 5);
    for (let k = 0; k < n; k++) {
      const i = int(r, out.length + 1);
      out = out.slice(0, i) + pick(r, tokens) + out.slice(i);
    }
    return out;
  },
  injectLine: (r, t, lang) => {
    const ls = splitLines(t);
    const tokens = lang === 'dkms-conf' && r() < 0.7 ? DKMS_TOKENS : SPEC_TOKENS;
    ls.splice(int(r, ls.length + 1), 0, pick(r, tokens) + (r() < 0.5 ? ' ' + randomLine(r, int(r, 40)) : ''));
    return ls.join('\n');
  },
  nulAndSurrogates: (r, t) => {
    let out = t;
    for (let k = 0; k < 1 + int(r, 4); k++) {
      const i = int(r, out.length + 1);
      out = out.slice(0, i) + pick(r, ['\0', '\uD800', '\uDFFF', '\uDBFF\uDBFF', '\uFFFD', '\uFFFF']) + out.slice(i);
    }
    return out;
  },
  eolFlip: (r, t) => {
    const mode = int(r, 4);
    const plain = t.replace(/\r\n?/g, '\n');
    if (mode === 0) return plain.replace(/\n/g, '\r\n');
    if (mode === 1) return plain.replace(/\n/g, '\r');
    if (mode === 2) return plain;
    return plain.replace(/\n/g, () => pick(r, ['\n', '\r\n', '\r']));
  },
  trailingBackslash: (r, t) => {
    const ls = splitLines(t);
    for (let k = 0; k < 1 + int(r, 5); k++) {
      const i = int(r, ls.length);
      ls[i] += '\\';
    }
    return ls.join('\n');
  },
  hugeLine: (r, t) => {
    const ls = splitLines(t);
    const prefix = pick(r, ['', 'Requires: ', 'Summary: ', '%global big ', '# ', 'MAKE[0]="', '%{?', '%(', 'Source0: ', '- ']);
    ls.splice(int(r, ls.length + 1), 0, prefix + randomLine(r, 100 * 1024));
    return ls.join('\n');
  },
  deepNesting: (r, t) => {
    const depth = 50 + int(r, 1000);
    const kind = int(r, 6);
    let inject: string;
    if (kind === 0) inject = '%{'.repeat(depth) + 'x' + '}'.repeat(r() < 0.5 ? depth : int(r, depth));
    else if (kind === 1) inject = '%('.repeat(depth) + 'echo' + ')'.repeat(int(r, depth + 1));
    else if (kind === 2) inject = '%[' + '('.repeat(depth) + '1' + ')'.repeat(int(r, depth + 1)) + ']';
    else if (kind === 3) inject = '%if 1\n'.repeat(depth) + 'Requires: x\n' + '%endif\n'.repeat(int(r, depth + 1));
    else if (kind === 4) inject = '%{?a:'.repeat(depth) + 'v' + '}'.repeat(depth);
    else inject = '$('.repeat(depth) + 'x' + ')'.repeat(int(r, depth + 1));
    const i = int(r, t.length + 1);
    return t.slice(0, i) + inject + t.slice(i);
  },
  spliceOther: (r, t, _lang, seeds) => {
    const other = pick(r, seeds).text;
    const a = int(r, other.length + 1);
    const piece = other.slice(a, a + int(r, 2000));
    const i = int(r, t.length + 1);
    return t.slice(0, i) + piece + t.slice(i);
  },
  // Lines built to make backtracking regexes blow up (the reliability run's attack shapes and
  // recheck's attack strings): repeated ambiguous units, long runs, and a tail that fails the match.
  pathological: (r, t) => {
    const ls = splitLines(t);
    const unit = pick(r, ['d -rd -r', ' ---', ' -x y', '/', 'e', '\\', '%', '\t', ' ', '$', ':', '#', ',', '(', ')', '<', '=', '*', '.so.', 'lib*', 'DKMS', ' -C x', ' local -', '\\i', '%{', 'make\t-(']);
    const count = pick(r, [24, 40, 300, 3000, Math.floor(20_000 / unit.length)]);
    const prefix = pick(r, ['', 'read -r', 'dkms', 'set -', '/usr/lib/', 'addFilter("', '* Mon Jan 01 2024 ', 'Requires: ', 'BuildArch: ', '%ifarch ', 'make ', 'MAKE[0]="', '# specwright: disable ', 'rm -rf %{buildroot}', '- ']);
    const tail = pick(r, ['', 'x/', '!', 'e=', ' 1', '\n', '\0', ')']);
    const section = pick(r, ['', '%post\n', '%install\n', '%files\n', '%changelog\n']);
    ls.splice(int(r, ls.length + 1), 0, section + prefix + unit.repeat(count) + tail);
    return ls.join('\n');
  },
  empty: (r) => (r() < 0.5 ? '' : pick(r, ['\n', '\r\n', '\r', '%', '%{', '\\', '\0', '\uFEFF'])),
};

const MUTATOR_NAMES = Object.keys(MUTATORS);
/** Rare mutators (expensive or destructive) get a lower weight. */
const RARE = new Set(['hugeLine', 'empty', 'deepNesting', 'pathological']);

export function generateInput(seeds: Seed[], seed: number, iteration: number): FuzzInput {
  const r = rngFor(seed, iteration);
  const base = pick(r, seeds);
  let text = base.text;
  let source = base.name;
  // Mostly a window of the file: keeps inputs small so more of them run per second.
  const lines = text.split('\n');
  if (lines.length > 60 && r() < 0.75) {
    const len = 5 + int(r, Math.min(400, lines.length));
    const from = int(r, Math.max(1, lines.length - len));
    text = lines.slice(from, from + len).join('\n');
    source += `#L${from + 1}-${from + len}`;
  } else if (lines.length > 3000 && r() < 0.9) {
    text = lines.slice(0, 3000).join('\n');
    source += '#L1-3000';
  }
  const mutations: string[] = [];
  const n = 1 + int(r, 4);
  for (let k = 0; k < n; k++) {
    let name = pick(r, MUTATOR_NAMES);
    if (RARE.has(name) && r() < 0.8) name = pick(r, MUTATOR_NAMES);
    if (RARE.has(name) && r() < 0.5) name = 'injectToken';
    text = MUTATORS[name](r, text, base.languageId, seeds);
    mutations.push(name);
  }
  const languageId: LanguageId = r() < 0.1 ? (base.languageId === 'rpm-spec' ? 'dkms-conf' : 'rpm-spec') : base.languageId;
  return { iteration, source, languageId, mutations, text };
}

// ---------------------------------------------------------------------------------------------
// Invariants

const ALL_WARNING: Record<string, SeverityOrOff> = Object.fromEntries(ALL_RULES.map((r) => [r.id, 'warning' as SeverityOrOff]));

interface Pos {
  line: number;
  character: number;
}

/** Line lengths as LSP sees them (\n, \r\n and lone \r end a line). */
function lspLines(text: string): { starts: number[]; lengths: number[] } {
  const starts = [0];
  const lengths: number[] = [];
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lengths.push(i - lineStart);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      lineStart = i + 1;
      starts.push(lineStart);
    }
  }
  lengths.push(text.length - lineStart);
  return { starts, lengths };
}

class Fail extends Error {
  constructor(
    readonly kind: string,
    message: string,
  ) {
    super(message);
  }
}

function isPos(x: unknown): x is Pos {
  return typeof x === 'object' && x !== null && typeof (x as Pos).line === 'number' && typeof (x as Pos).character === 'number';
}

function checkPos(p: Pos, ll: { lengths: number[] }, where: string): void {
  if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) throw new Fail(`bad-position:${where}`, `${where}: invalid position ${JSON.stringify(p)}`);
  if (p.line >= ll.lengths.length) throw new Fail(`position-past-end:${where}`, `${where}: line ${p.line} past the last line ${ll.lengths.length - 1}`);
  if (p.character > ll.lengths[p.line]) throw new Fail(`position-past-eol:${where}`, `${where}: ${p.line}:${p.character} past the end of the line (length ${ll.lengths[p.line]})`);
}

function cmp(a: Pos, b: Pos): number {
  return a.line - b.line || a.character - b.character;
}

/** Walks any returned value and checks every range-like object (start/end positions, folding lines). */
function checkRangesDeep(value: unknown, ll: { lengths: number[] }, where: string, depth = 0): void {
  if (depth > 64 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const v of value) checkRangesDeep(v, ll, where, depth + 1);
    return;
  }
  const o = value as Record<string, unknown>;
  if (isPos(o.start) && isPos(o.end)) {
    checkPos(o.start, ll, where);
    checkPos(o.end, ll, where);
    if (cmp(o.start, o.end) > 0) throw new Fail(`inverted-range:${where}`, `${where}: range start after end ${JSON.stringify(o)}`);
  }
  if (typeof o.startLine === 'number' && typeof o.endLine === 'number') {
    if (o.startLine < 0 || o.endLine >= ll.lengths.length || o.startLine > o.endLine) throw new Fail(`bad-folding:${where}`, `${where}: folding range ${o.startLine}-${o.endLine} outside 0-${ll.lengths.length - 1}`);
  }
  for (const [k, v] of Object.entries(o)) if (k !== 'start' && k !== 'end' && typeof v === 'object') checkRangesDeep(v, ll, where, depth + 1);
}

interface Edit {
  start: number;
  end: number;
  newText: string;
}

function toOffsets(edits: Finding['fixes'][number]['edits'], ll: { starts: number[] }): Edit[] {
  return edits.map((e) => ({ start: ll.starts[e.range.start.line] + e.range.start.character, end: ll.starts[e.range.end.line] + e.range.end.character, newText: e.newText }));
}

/** Applies non-overlapping edits (sorted by start, ties keep their order). */
function applyEdits(text: string, edits: Edit[]): string {
  const sorted = edits.map((e, i) => ({ e, i })).sort((a, b) => a.e.start - b.e.start || a.i - b.i).map((x) => x.e);
  let out = '';
  let last = 0;
  for (const e of sorted) {
    out += text.slice(last, e.start) + e.newText;
    last = e.end;
  }
  return out + text.slice(last);
}

function overlaps(edits: Edit[]): boolean {
  const s = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < s.length; i++) if (s[i].start < s[i - 1].end) return true;
  return false;
}

/**
 * Service features besides parse/lint, called with the arguments their signatures take. Found at
 * runtime, so the fuzzer keeps working while features are added; methods it does not know are
 * listed as not called.
 */
type Svc = Record<string, (...args: unknown[]) => unknown>;
type FullRange = { start: Pos; end: Pos };
const DOCUMENT_CALLS: Record<string, (s: Svc, doc: DocumentInput, full: FullRange) => unknown> = {
  documentSymbols: (s, d) => s.documentSymbols(d),
  foldingRanges: (s, d) => s.foldingRanges(d),
  documentLinks: (s, d) => s.documentLinks(d),
  semanticTokens: (s, d) => s.semanticTokens(d),
  inlayHints: (s, d, full) => s.inlayHints(d, full),
  inactiveRanges: (s, d) => s.inactiveRanges(d, 'fedora'),
  query: (s, d) => s.query(d, 'fedora'),
  format: (s, d) => [s.format(d), s.format(d, { mode: 'minimal' }), s.format(d, { indentConditionals: true, tagValueColumn: 0 })],
  chore: (s, d) => CHORES.map((c) => s.chore(d, c, CHORE_INPUT, '9.9')),
  codeLenses: (s, d) => s.codeLenses(d),
  workspaceSymbols: (s, d) => s.workspaceSymbols(d),
  refactorings: (s, d, full) => s.refactorings(d, full),
  includedFiles: (s, d) => s.includedFiles(d),
};
const CHORES = ['bumpRelease', 'addChangelogEntry', 'newUpstreamVersion', 'convertToRpmautospec'] as const;
const CHORE_INPUT = { date: { year: 2026, month: 12, day: 7 }, author: 'Fuzz <fuzz@example.org>', comment: 'fuzz 100%' };
const POSITION_CALLS: Record<string, (s: Svc, doc: DocumentInput, p: Pos) => unknown> = {
  complete: (s, d, p) => s.complete(d, p),
  hover: (s, d, p) => s.hover(d, p),
  definition: (s, d, p) => s.definition(d, p),
  references: (s, d, p) => s.references(d, p, true),
  documentHighlights: (s, d, p) => s.documentHighlights(d, p),
  prepareRename: (s, d, p) => s.prepareRename(d, p),
  rename: (s, d, p) => s.rename(d, p, 'fuzz_renamed'),
  signatureHelp: (s, d, p) => s.signatureHelp(d, p),
  referencesInIncluded: (s, d, p) => s.referencesInIncluded(d, p, []),
  // Call hierarchy: prepare, then both directions from each item (all in this document: nothing included).
  prepareCallHierarchy: (s, d, p) => {
    const items = s.prepareCallHierarchy(d, p) as unknown[];
    return items.map((item) => ({ item, incoming: s.incomingCalls(d, item), outgoing: s.outgoingCalls(d, item) }));
  },
};
// incomingCalls/outgoingCalls run from prepareCallHierarchy's items.
const SKIP_METHODS = new Set(['constructor', 'parse', 'parseSpec', 'parseDkms', 'forget', 'lint', 'parseRelated', 'offsetOf', 'incomingCalls', 'outgoingCalls']);

export function discoverFeatures(): { position: string[]; document: string[]; skipped: string[] } {
  const proto = Object.getPrototypeOf(createLanguageService()) as Record<string, unknown>;
  const position: string[] = [];
  const document: string[] = [];
  const skipped: string[] = [];
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (SKIP_METHODS.has(name) || typeof proto[name] !== 'function') continue;
    if (name in DOCUMENT_CALLS) document.push(name);
    else if (name in POSITION_CALLS) position.push(name);
    else skipped.push(name);
  }
  return { position, document, skipped };
}

/** Calls a discovered feature with the arguments it takes (used by the security test too). */
export function callFeature(svc: unknown, name: string, doc: DocumentInput, position: Pos = { line: 0, character: 0 }): unknown {
  const ll = lspLines(doc.text);
  const last = ll.lengths.length - 1;
  const full = { start: { line: 0, character: 0 }, end: { line: last, character: ll.lengths[last] } };
  if (name in DOCUMENT_CALLS) return DOCUMENT_CALLS[name](svc as Svc, doc, full);
  if (name in POSITION_CALLS) return POSITION_CALLS[name](svc as Svc, doc, position);
  throw new Error(`unknown feature ${name}`);
}

/** Decodes LSP relative semantic tokens and checks each lies on one line inside the document. */
function checkSemanticTokens(out: unknown, ll: { lengths: number[] }): void {
  const data = (out as { data?: unknown } | undefined)?.data;
  if (!Array.isArray(data)) return;
  if (data.length % 5 !== 0) throw new Fail('semantic-tokens-length', `semantic tokens data length ${data.length} is not a multiple of 5`);
  let line = 0;
  let char = 0;
  for (let i = 0; i < data.length; i += 5) {
    const [dl, dc, len] = data.slice(i, i + 3) as number[];
    if (![dl, dc, len].every((x) => Number.isInteger(x) && x >= 0)) throw new Fail('semantic-tokens-negative', `semantic token ${i / 5}: invalid numbers ${data.slice(i, i + 5).join(',')}`);
    line += dl;
    char = dl === 0 ? char + dc : dc;
    if (line >= ll.lengths.length || char + len > ll.lengths[line]) throw new Fail('semantic-token-outside', `semantic token ${i / 5} at ${line}:${char} length ${len} outside the document (line length ${ll.lengths[line]})`);
  }
}

export interface CheckStats {
  ms: number;
  findings: number;
  fixesApplied: number;
  featureCalls: Record<string, number>;
}

export interface CheckLimits {
  perKbMs: number;
  constMs: number;
  /** Fixes applied one at a time per input, at most (the rest are sampled out). */
  maxSingleFixes: number;
}

export const DEFAULT_LIMITS: CheckLimits = { perKbMs: 20, constMs: 50, maxSingleFixes: 40 };

/** Runs every invariant on one input. Throws nothing: returns the first failure, or stats. */
export function checkInput(languageId: LanguageId, text: string, r: Rng = mulberry32(1), limits: CheckLimits = DEFAULT_LIMITS): { failure?: Failure; stats: CheckStats } {
  const stats: CheckStats = { ms: 0, findings: 0, fixesApplied: 0, featureCalls: {} };
  try {
    runChecks(languageId, text, r, limits, stats);
    return { stats };
  } catch (e) {
    if (e instanceof Fail) return { failure: { kind: e.kind, message: e.message }, stats };
    const err = e instanceof Error ? (e.stack ?? e.message) : String(e);
    const frame = /\n\s+at (\S+)/.exec(err)?.[1] ?? 'unknown';
    return { failure: { kind: `exception:${frame}`, message: err }, stats };
  }
}

function guard<T>(kind: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof Fail) throw e;
    const err = e instanceof Error ? (e.stack ?? e.message) : String(e);
    throw new Fail(`exception:${kind}`, `${kind} threw: ${err}`);
  }
}

function runChecks(languageId: LanguageId, text: string, r: Rng, limits: CheckLimits, stats: CheckStats): void {
  const ll = lspLines(text);
  const doc: DocumentInput = { uri: languageId === 'dkms-conf' ? 'file:///fuzz/dkms.conf' : 'file:///fuzz/fuzz.spec', languageId, version: 1, text };

  // Both parsers, whatever the language.
  guard('parseSpec', () => parseSpec(text));
  guard('parseDkms', () => parseDkms(text));

  // Parse + every rule, timed, on a fresh service (no cache). The budget is checked against CPU
  // time (user + system of this process), which a busy shared machine disturbs far less than wall time.
  const svc = createLanguageService();
  const budget = limits.perKbMs * (text.length / 1024) + limits.constMs;
  const timed = (service: ReturnType<typeof createLanguageService>) => {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const res = guard('lint', () => service.lint(doc, { rules: ALL_WARNING }));
    const c = process.cpuUsage(c0);
    return { res, wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 };
  };
  let run = timed(svc);
  let result = run.res;
  stats.ms = run.wall;
  if (run.cpu > budget) {
    // A GC pause: time it again before calling it slow.
    run = timed(createLanguageService());
    result = run.res;
    if (run.cpu > budget) throw new Fail('slow', `parse+lint took ${run.cpu.toFixed(1)} ms CPU (${run.wall.toFixed(1)} ms wall) for ${(text.length / 1024).toFixed(1)} KB (budget ${budget.toFixed(1)} ms)`);
  }
  if (result.ruleErrors.length > 0) {
    const e = result.ruleErrors[0];
    throw new Fail(`rule-threw:${e.rule}`, `rule ${e.rule} threw: ${e.error}`);
  }
  stats.findings = result.findings.length;

  // Findings: ranges, related ranges, fix edits.
  const singles: Edit[][] = [];
  const safe: Edit[] = [];
  for (const f of result.findings) {
    checkRangesDeep(f.range, ll, `finding ${f.rule}`);
    if (f.related) for (const rel of f.related) if (!rel.uri) checkRangesDeep(rel.range, ll, `related ${f.rule}`);
    let tookSafe = false;
    for (const fix of f.fixes) {
      for (const e of fix.edits) checkRangesDeep(e.range, ll, `fix ${f.rule}`);
      const edits = toOffsets(fix.edits, ll);
      if (overlaps(edits)) throw new Fail(`overlapping-edits:${f.rule}`, `fix "${fix.title}" of ${f.rule} has overlapping edits: ${JSON.stringify(fix.edits)}`);
      singles.push(edits);
      if (fix.safety === 'safe' && !tookSafe) {
        tookSafe = true;
        // Like an editor's fix-all: an edit overlapping one already taken is left out.
        if (!overlaps([...safe, ...edits])) safe.push(...edits);
      }
      void f;
    }
  }

  // Each fix separately (sampled when there are many): the result parses and lints.
  const chosen = singles.length <= limits.maxSingleFixes ? singles : Array.from({ length: limits.maxSingleFixes }, () => singles[int(r, singles.length)]);
  for (const edits of chosen) {
    const fixed = applyEdits(text, edits);
    guard('parse-after-fix', () => (languageId === 'dkms-conf' ? parseDkms(fixed) : parseSpec(fixed)));
    stats.fixesApplied++;
  }
  // All safe fixes together: the result parses and every rule still runs.
  if (safe.length > 0) {
    const fixed = applyEdits(text, safe);
    const again = guard('lint-after-fix-all', () => createLanguageService().lint({ ...doc, version: 2, text: fixed }, { rules: ALL_WARNING }));
    if (again.ruleErrors.length > 0) throw new Fail(`rule-threw-after-fix-all:${again.ruleErrors[0].rule}`, `after all safe fixes, rule ${again.ruleErrors[0].rule} threw: ${again.ruleErrors[0].error}`);
  }

  // Every other feature.
  const features = discoverFeaturesCached();
  for (const name of features.document) {
    const out = guard(name, () => callFeature(svc, name, doc));
    checkRangesDeep(out, ll, name);
    if (name === 'semanticTokens') checkSemanticTokens(out, ll);
    stats.featureCalls[name] = (stats.featureCalls[name] ?? 0) + 1;
  }
  if (languageId === 'rpm-spec') checkFormatting(svc, doc, text, ll);
  if (features.position.length > 0) {
    const positions: Pos[] = [];
    for (let k = 0; k < 3; k++) {
      const line = int(r, ll.lengths.length);
      positions.push({ line, character: int(r, ll.lengths[line] + 1) });
    }
    positions.push({ line: ll.lengths.length + 5, character: 3 }, { line: 0, character: 10_000 });
    for (const p of positions) {
      for (const name of features.position) {
        const out = guard(name, () => callFeature(svc, name, doc, p));
        checkRangesDeep(out, ll, name);
        stats.featureCalls[name] = (stats.featureCalls[name] ?? 0) + 1;
      }
    }
  }
}

/**
 * The formatter's promises on any text: edits never overlap, only whitespace changes (the text
 * without blanks and line breaks is the same), and formatting the result again changes nothing.
 * The chores' edits apply and the result parses.
 */
function checkFormatting(svc: ReturnType<typeof createLanguageService>, doc: DocumentInput, text: string, ll: { starts: number[]; lengths: number[] }): void {
  const squeeze = (t: string) => t.replace(/\s+/g, '');
  for (const options of [{}, { mode: 'minimal' as const }, { indentConditionals: true, tagValueColumn: 0 }]) {
    const edits = toOffsets(guard('format', () => svc.format(doc, options)), ll);
    if (overlaps(edits)) throw new Fail('format-overlapping-edits', `format ${JSON.stringify(options)}: overlapping edits`);
    const once = applyEdits(text, edits);
    if (squeeze(once) !== squeeze(text)) throw new Fail('format-changed-text', `format ${JSON.stringify(options)} changed more than whitespace`);
    const again = guard('format-again', () => createLanguageService().format({ ...doc, version: 2, text: once }, options));
    if (again.length > 0) throw new Fail('format-not-idempotent', `format ${JSON.stringify(options)}: formatting the result again gives ${again.length} edit(s): ${JSON.stringify(again.slice(0, 2))}`);
  }
  for (const chore of CHORES) {
    const r = guard('chore', () => svc.chore(doc, chore, CHORE_INPUT, '9.9'));
    const edits = toOffsets(r.edits, ll);
    if (overlaps(edits)) throw new Fail(`chore-overlapping-edits:${chore}`, `${chore}: overlapping edits`);
    const after = applyEdits(text, edits);
    guard(`parse-after-${chore}`, () => parseSpec(after));
  }
}

let featureCache: ReturnType<typeof discoverFeatures> | undefined;
function discoverFeaturesCached(): ReturnType<typeof discoverFeatures> {
  return (featureCache ??= discoverFeatures());
}

// ---------------------------------------------------------------------------------------------
// Minimizer

/** Shrinks a failing text while the same invariant (kind) still breaks: lines first, then characters. */
export function minimize(languageId: LanguageId, text: string, kind: string, budgetMs = 20_000): string {
  const deadline = Date.now() + budgetMs;
  const fails = (t: string): boolean => {
    const res = checkInput(languageId, t, mulberry32(1), { ...DEFAULT_LIMITS });
    return res.failure?.kind === kind;
  };
  let current = text;
  for (const unit of ['line', 'char'] as const) {
    let parts = unit === 'line' ? current.split(/(?<=\n)/) : Array.from(current);
    let chunk = Math.max(1, Math.floor(parts.length / 2));
    while (chunk >= 1 && Date.now() < deadline) {
      let removed = false;
      for (let i = 0; i < parts.length && Date.now() < deadline; ) {
        const candidate = [...parts.slice(0, i), ...parts.slice(i + chunk)];
        if (candidate.length < parts.length && fails(candidate.join(''))) {
          parts = candidate;
          removed = true;
        } else i += chunk;
      }
      if (!removed) chunk = Math.floor(chunk / 2);
    }
    current = parts.join('');
    if (unit === 'line' && current.length > 20_000) break;
  }
  return current;
}

// ---------------------------------------------------------------------------------------------
// Driver

export function runFuzz(options: FuzzOptions): FuzzReport {
  const start = options.start ?? 0;
  const limits: CheckLimits = { ...DEFAULT_LIMITS, perKbMs: options.perKbMs ?? DEFAULT_LIMITS.perKbMs, constMs: options.constMs ?? DEFAULT_LIMITS.constMs };
  const maxFailures = options.maxFailures ?? 5;
  const t0 = performance.now();
  const report: FuzzReport = { iterations: 0, bytes: 0, elapsedMs: 0, findings: 0, fixesApplied: 0, featureCalls: {}, slowest: { iteration: -1, ms: 0, kb: 0 }, failures: [] };
  const seenKinds = new Set<string>();
  for (let it = start; it < start + options.iterations; it++) {
    if (options.timeLimitMs !== undefined && performance.now() - t0 > options.timeLimitMs) break;
    options.onIteration?.(it);
    const input = generateInput(options.seeds, options.seed, it);
    const { failure, stats } = checkInput(input.languageId, input.text, rngFor(options.seed ^ 0x5bd1e995, it), limits);
    report.iterations++;
    report.bytes += input.text.length;
    report.findings += stats.findings;
    report.fixesApplied += stats.fixesApplied;
    for (const [k, v] of Object.entries(stats.featureCalls)) report.featureCalls[k] = (report.featureCalls[k] ?? 0) + v;
    if (stats.ms > report.slowest.ms) report.slowest = { iteration: it, ms: stats.ms, kb: input.text.length / 1024 };
    if (failure) {
      // One reproducer per distinct invariant; later hits of the same kind are only counted.
      if (!seenKinds.has(failure.kind)) {
        seenKinds.add(failure.kind);
        const minimized = failure.kind === 'slow' ? input.text : minimize(input.languageId, input.text, failure.kind);
        const f: FuzzFailure = { ...failure, seed: options.seed, iteration: it, input, minimized };
        report.failures.push(f);
        options.onFailure?.(f);
        if (report.failures.length >= maxFailures) break;
      }
    }
    if (options.onProgress && options.progressEvery && report.iterations % options.progressEvery === 0) options.onProgress(report.iterations, performance.now() - t0);
  }
  report.elapsedMs = performance.now() - t0;
  return report;
}
