// What BUILD_EXCLUSIVE_* let through, the way dkms decides it: BUILD_EXCLUSIVE_KERNEL and
// _ARCH are bash `=~` patterns (POSIX extended regular expressions, unanchored) matched against
// the kernel release / arch; _KERNEL_MIN/_MAX (dkms ≥ 3.0.11) compare with dkms's VER(), which
// pads every number to three digits and compares the strings. A kernel that does not pass is
// "excluded": dkms skips it (exit 77) and autoinstall moves on silently.

/** Kernel releases from old LTS series to the newest 7.x, as `uname -r` prints them on common distributions. */
export const SAMPLE_KERNELS: readonly string[] = [
  '4.14.336',
  '4.19.0-27-amd64',
  '5.4.0-200-generic',
  '5.10.0-33-amd64',
  '5.14.0-503.15.1.el9_5.x86_64',
  '5.15.0-126-generic',
  '6.1.0-28-amd64',
  '6.6.63-1-lts',
  '6.8.0-49-generic',
  '6.12.9-200.fc41.x86_64',
  '6.18.2-1-default',
  '7.0.5-200.fc44.x86_64',
  '7.3.1',
];

/** The newest kernel series in SAMPLE_KERNELS: a pattern that rejects all of it skips every current kernel. */
export const NEWEST_SERIES = '7.';

export const SAMPLE_ARCHES: readonly string[] = ['x86_64', 'i686', 'aarch64', 'armv7l', 'ppc64le', 's390x', 'riscv64'];

/** dkms's VER(): numbers padded to three digits, so that string order is version order. */
export function dkmsVer(version: string): string {
  let s = version.replace(/([^0-9])([0-9])/g, '$1 $2').replace(/([0-9])([^0-9])/g, '$1 $2');
  s = ` ${s} `;
  s = s.replace(/ ([0-9])(?= )/g, ' 00$1').replace(/ ([0-9][0-9])(?= )/g, ' 0$1');
  return s.replace(/ /g, '');
}

export type CompiledPattern = { ok: true; regex: RegExp } | { ok: false; reason: string };

const POSIX_CLASSES: Record<string, string> = {
  digit: '0-9', alpha: 'A-Za-z', alnum: 'A-Za-z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v', xdigit: '0-9A-Fa-f', punct: '!-/:-@[-`{-~', blank: ' \\t', word: 'A-Za-z0-9_',
};

/** A POSIX ERE as a JavaScript RegExp (close enough for kernel-release patterns), or why bash cannot compile it. */
export function compileEre(pattern: string): CompiledPattern {
  const js = pattern.replace(/\[:([a-z]+):\]/g, (m, name: string) => POSIX_CLASSES[name] ?? m);
  // A backwards range ([8-1]) is an error for bash's regcomp and for JavaScript alike.
  try {
    return { ok: true, regex: new RegExp(js) };
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, '') : String(e) };
  }
}

/**
 * Bash's `[[ $k =~ $re ]]` for a pattern it cannot compile returns 2, and dkms's
 * `! $k =~ $re` then counts as "does not match": the module is excluded on every kernel.
 */
export function ereMatches(compiled: CompiledPattern, subject: string): boolean {
  return compiled.ok ? compiled.regex.test(subject) : false;
}

export interface BuildExclusiveSettings {
  kernel?: string;
  kernelMin?: string;
  kernelMax?: string;
  arch?: string;
}

/** Whether dkms (≥ 3.0.11 for MIN/MAX) builds for a kernel release under these settings. */
export function kernelAccepted(s: BuildExclusiveSettings, release: string): boolean {
  if (s.kernel && !ereMatches(compileEre(s.kernel), release)) return false;
  if (s.kernelMin && dkmsVer(release) < dkmsVer(s.kernelMin)) return false;
  if (s.kernelMax && dkmsVer(release) > dkmsVer(s.kernelMax)) return false;
  return true;
}

/** Bracket expressions that look like number ranges (`[18-19]`, `[10-19]`): one character each. */
export function numberRangeClasses(pattern: string): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = [];
  for (const m of pattern.matchAll(/\[(\^?)(\d{2,}-\d+|\d+-\d{2,})\]/g)) out.push({ text: m[0], index: m.index! });
  return out;
}

/** A literal `.x` / `\.x` standing for "any minor version" (`^5\.x`, `6.x`). */
export function literalXWildcards(pattern: string): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = [];
  for (const m of pattern.matchAll(/\\?\.[xX](?![A-Za-z0-9_])/g)) out.push({ text: m[0], index: m.index! });
  return out;
}

/** `CONFIG_X` and `!CONFIG_X` both listed: no kernel can satisfy BUILD_EXCLUSIVE_CONFIG. */
export function configContradictions(value: string): string[] {
  const words = value.split(/\s+/).filter(Boolean);
  const positive = new Set(words.filter((w) => !w.startsWith('!')));
  return [...new Set(words.filter((w) => w.startsWith('!') && positive.has(w.slice(1))).map((w) => w.slice(1)))];
}

/** Option names dkms can find in a kernel configuration: `CONFIG_` and letters, digits, `_`. */
const CONFIG_OPTION = /^!?CONFIG_[A-Za-z0-9_]+$/;
const PLAIN_WORD = /^!?[A-Za-z0-9_]+(?:=[A-Za-z0-9]*)?$/;

/**
 * BUILD_EXCLUSIVE_CONFIG words that are not option names (`PCI`, `CONFIG_PCI=y`): dkms greps the
 * kernel's configuration for a line `<word>=y` or `=m`, which never exists.
 */
export function configNonOptions(value: string): { word: string; index: number }[] {
  // words with other characters are regular expressions to dkms's grep: left alone
  return [...value.matchAll(/\S+/g)].filter((m) => PLAIN_WORD.test(m[0]) && !CONFIG_OPTION.test(m[0])).map((m) => ({ word: m[0], index: m.index! }));
}

/** Markdown for BUILD_EXCLUSIVE_CONFIG: what a kernel's configuration must and must not have. */
export function buildExclusiveConfigNote(value: string): string {
  const words = value.split(/\s+/).filter(Boolean);
  if (words.length === 0) return '';
  const must = words.filter((w) => !w.startsWith('!'));
  const mustNot = words.filter((w) => w.startsWith('!')).map((w) => w.slice(1));
  const lines = ['dkms builds only for kernels whose configuration (the kernel tree\'s `.config`; newer dkms read `include/config/auto.conf` first) has:'];
  if (must.length > 0) lines.push(`- set to y or m: ${must.map((w) => `\`${w}\``).join(', ')}`);
  if (mustNot.length > 0) lines.push(`- not set to y or m: ${mustNot.map((w) => `\`${w}\``).join(', ')}`);
  lines.push('', 'When that file does not exist, dkms skips the check and builds.');
  return lines.join('\n');
}

/** The directives buildExclusiveSettings() and buildExclusiveElement() read, by their settings' key. */
const SETTING_KEYS: Readonly<Record<string, keyof BuildExclusiveSettings>> = { BUILD_EXCLUSIVE_KERNEL: 'kernel', BUILD_EXCLUSIVE_KERNEL_MIN: 'kernelMin', BUILD_EXCLUSIVE_KERNEL_MAX: 'kernelMax', BUILD_EXCLUSIVE_ARCH: 'arch' };

/** The file's BUILD_EXCLUSIVE_* values (the last plain assignment of each; undefined when absent). */
export function buildExclusiveSettings(assignments: readonly { name: string; isArray: boolean; index?: number; indexText?: string; values: { text: string; variables: unknown[]; hasCommandSubstitution: boolean }[] }[]): BuildExclusiveSettings & { dynamic: boolean } {
  const out: BuildExclusiveSettings & { dynamic: boolean } = { dynamic: false };
  for (const a of assignments) {
    const key = SETTING_KEYS[a.name];
    if (!key || a.isArray || a.values.length !== 1 || (a.indexText !== undefined && a.index !== 0)) continue;
    const v = a.values[0];
    if (v.variables.length > 0 || v.hasCommandSubstitution) out.dynamic = true;
    out[key] = v.text || undefined;
  }
  return out;
}

/** The BUILD_EXCLUSIVE_* settings of element `[index]` of the file (`NAME[index]=`), as a settings object. */
export function buildExclusiveElement(assignments: Parameters<typeof buildExclusiveSettings>[0], index: number): BuildExclusiveSettings {
  const out: BuildExclusiveSettings = {};
  for (const a of assignments) {
    const key = SETTING_KEYS[a.name];
    if (key && !a.isArray && a.index === index && a.indexText !== undefined && a.values.length === 1) out[key] = a.values[0].text || undefined;
  }
  return out;
}

/**
 * Markdown for `NAME[index]=` with index ≥ 1: dkms never reads it (it has no per-module
 * BUILD_EXCLUSIVE; an upstream attempt was reverted before 3.2.2), and what the module would get
 * under the proposal (the package-wide settings and this entry both apply).
 */
export function buildExclusiveElementNote(global: BuildExclusiveSettings, element: BuildExclusiveSettings, index: number): string {
  const lines = [
    `**dkms never reads element [${index}]**: BUILD_EXCLUSIVE_* are package-wide settings (element [0] is the setting), so module ${index} builds wherever the package does (dkms 3.0.10; per-module arrays were proposed upstream and reverted, in no release up to 3.2.2).`,
  ];
  if (!element.kernel && !element.kernelMin && !element.kernelMax) return lines.join('\n');
  lines.push('', `Under that proposal, module ${index} would build for:`, '');
  for (const k of SAMPLE_KERNELS) lines.push(`- ${kernelAccepted(global, k) && kernelAccepted(element, k) ? '✓ builds' : '✗ excluded'} · \`${k}\``);
  return lines.join('\n');
}

/** Markdown: each sample kernel (and arch) with accepted/excluded under the file's settings. */
export function buildExclusiveTable(s: BuildExclusiveSettings & { dynamic?: boolean }): string {
  const lines: string[] = [];
  const applied = [s.kernel && `BUILD_EXCLUSIVE_KERNEL \`${s.kernel}\``, s.kernelMin && `_MIN ${s.kernelMin}`, s.kernelMax && `_MAX ${s.kernelMax}`].filter(Boolean);
  lines.push(applied.length > 0 ? `Sample kernels under ${applied.join(', ')} (MIN/MAX need dkms ≥ 3.0.11):` : 'No kernel restriction: dkms builds for every kernel.');
  if (applied.length > 0) {
    if (s.kernel && !compileEre(s.kernel).ok) lines.push('', `bash cannot compile the pattern (${(compileEre(s.kernel) as { reason: string }).reason}): dkms excludes every kernel.`);
    lines.push('');
    for (const k of SAMPLE_KERNELS) lines.push(`- ${kernelAccepted(s, k) ? '✓ builds' : '✗ excluded'} · \`${k}\``);
  }
  if (s.arch) {
    const c = compileEre(s.arch);
    lines.push('', `Arches under BUILD_EXCLUSIVE_ARCH \`${s.arch}\`: ${SAMPLE_ARCHES.map((a) => `${ereMatches(c, a) ? '✓' : '✗'} ${a}`).join(' · ')}`);
  }
  if (s.dynamic) lines.push('', '*A value here uses variables or command output: shown as written.*');
  return lines.join('\n');
}
