// Spec-file keywords: preamble tags, sections, scriptlets and triggers, conditional keywords,
// dependency operators and rich-dependency keywords (rpm 4.18–4.20). Descriptions are our own.

export type TagStatus = 'current' | 'deprecated' | 'obsolete';

export interface TagInfo {
  /** Canonical spelling. Tags are case-insensitive in specs. */
  name: string;
  description: string;
  /** Qualifiers accepted in parentheses: `Requires(post)`, `Summary(de)` (lang = a locale). */
  qualifiers: string[];
  /** May appear more than once per package. */
  multiple: boolean;
  /** Required in the main package. */
  required: boolean;
  /** Takes a number suffix (Source1, Patch12). */
  numbered: boolean;
  /** Holds dependencies (comma/space separated, with version comparisons and rich dependencies). */
  dependency: boolean;
  /** Allowed in a %package subpackage preamble (false: main package only). */
  subpackage: boolean;
  status: TagStatus;
  /** What to use instead when not current. */
  replacement?: string;
  /** Alternative spellings accepted by rpm. */
  aliases?: string[];
  since?: string;
}

const SCRIPTLET_QUALIFIERS = ['pre', 'post', 'preun', 'postun', 'pretrans', 'posttrans', 'preuntrans', 'postuntrans', 'verify', 'interp', 'meta'];

function tag(name: string, description: string, extra: Partial<TagInfo> = {}): TagInfo {
  return { name, description, qualifiers: [], multiple: false, required: false, numbered: false, dependency: false, subpackage: true, status: 'current', ...extra };
}
function dep(name: string, description: string, extra: Partial<TagInfo> = {}): TagInfo {
  return tag(name, description, { multiple: true, dependency: true, ...extra });
}

export const TAGS: readonly TagInfo[] = [
  tag('Name', 'Name of the package; also sets %{name}. Subpackages get theirs from %package.', { required: true, subpackage: false }),
  tag('Version', 'Upstream version; no dashes allowed. Sets %{version}.', { required: true }),
  tag('Release', 'Packaging revision of this version, usually `1%{?dist}` or `%autorelease`. Sets %{release}.', { required: true }),
  tag('Epoch', 'Integer that overrides version comparison; once added it can never be removed. Avoid unless needed.'),
  tag('Summary', 'One-line description, without a trailing period.', { required: true, qualifiers: ['lang'] }),
  tag('License', 'License of the built package; an SPDX expression on Fedora and openSUSE.', { required: true }),
  tag('SourceLicense', 'License of the source package when it differs from the binary packages (rpm ≥ 4.18).', { subpackage: false, since: '4.18' }),
  tag('URL', 'Upstream project home page.', { aliases: ['Url'] }),
  tag('BugURL', 'Where to report bugs of the package.'),
  tag('Group', 'Package category. Unused on Fedora; openSUSE and Mageia use their own group lists.', { qualifiers: ['lang'] }),
  tag('Vendor', 'Organisation distributing the package; the build system sets it, so specs should not.'),
  tag('Packager', 'Person or team that built the package; the build system sets it, so specs should not.'),
  tag('Distribution', 'Distribution the package belongs to; set by the build system.'),
  tag('DistTag', 'Distribution tag recorded in the header.'),
  tag('ModularityLabel', 'Label of the module stream the package was built for (Fedora/RHEL modularity).'),
  tag('VCS', 'Version control location of the packaged sources.'),
  tag('Source', 'A source file or URL; `Source:` is Source0. The file name (last URL component) must exist in %{_sourcedir}.', { multiple: true, numbered: true, subpackage: false }),
  tag('Patch', 'A patch file; applied by %patch, %autopatch or %autosetup. `Patch:` numbers automatically.', { multiple: true, numbered: true, subpackage: false }),
  tag('NoSource', 'Numbers of sources not included in the source package (non-redistributable).', { multiple: true, subpackage: false }),
  tag('NoPatch', 'Numbers of patches not included in the source package.', { multiple: true, subpackage: false }),
  tag('BuildArch', 'Architecture of the built package; `noarch` for architecture-independent content such as DKMS source packages.', { aliases: ['BuildArchitectures'] }),
  tag('ExclusiveArch', 'Architectures the package may be built on; others are skipped.', { multiple: true, subpackage: false }),
  tag('ExcludeArch', 'Architectures the package must not be built on.', { multiple: true, subpackage: false }),
  tag('ExclusiveOS', 'Operating systems the package may be built for.', { multiple: true, subpackage: false }),
  tag('ExcludeOS', 'Operating systems the package must not be built for.', { multiple: true, subpackage: false }),
  dep('Requires', 'Run-time dependencies. A qualifier restricts it to scriptlets: Requires(post) is needed while %post runs.', { qualifiers: SCRIPTLET_QUALIFIERS }),
  dep('Provides', 'Capabilities this package offers besides its name (virtual names, compatibility names).'),
  dep('Conflicts', 'Packages that cannot be installed together with this one.'),
  dep('Obsoletes', 'Packages this one replaces on upgrade; always give a version (`Obsoletes: foo < 2.0`).'),
  dep('Recommends', 'Weak dependency installed by default but removable.'),
  dep('Suggests', 'Weak hint at optional packages; not installed by default.'),
  dep('Supplements', 'Reverse weak dependency: this package is pulled in when the named one is installed.'),
  dep('Enhances', 'Reverse weak hint: this package is useful together with the named one.'),
  dep('OrderWithRequires', 'Orders installation like Requires without creating a dependency.'),
  dep('BuildRequires', 'Packages needed to build the package.', { subpackage: false }),
  dep('BuildConflicts', 'Packages that must not be installed during the build.', { subpackage: false }),
  tag('BuildRoot', 'Ignored since rpm 4.6: the build root is always %{buildroot}. Remove it.', { status: 'obsolete', subpackage: false }),
  dep('BuildPrereq', 'Old form of BuildRequires.', { status: 'obsolete', replacement: 'BuildRequires', subpackage: false }),
  dep('PreReq', 'Old form of scriptlet dependencies.', { status: 'obsolete', replacement: 'Requires(pre) / Requires(post)' }),
  tag('AutoReq', 'Whether dependencies are generated automatically (yes/no, 1/0).'),
  tag('AutoProv', 'Whether provides are generated automatically (yes/no, 1/0).'),
  tag('AutoReqProv', 'Switches both automatic requires and provides (yes/no, 1/0).'),
  tag('Prefix', 'Relocation prefix of a relocatable package.', { multiple: true }),
  tag('Prefixes', 'Relocation prefixes of a relocatable package.', { multiple: true }),
  tag('DocDir', 'Overrides the documentation directory of the package.'),
  tag('RemovePathPostfixes', 'Suffixes stripped from file paths when packaging (for parallel-installable variants).'),
  tag('Icon', 'GIF/XPM icon for graphical installers; not used anymore.', { status: 'obsolete' }),
  tag('Copyright', 'Old name of License.', { status: 'obsolete', replacement: 'License' }),
  tag('Serial', 'Old name of Epoch.', { status: 'obsolete', replacement: 'Epoch' }),
];

export type SectionKind = 'section' | 'scriptlet' | 'trigger' | 'filetrigger';

export interface SectionOption {
  name: string;
  argument?: string;
  description: string;
}

export interface SectionInfo {
  /** With the leading `%`. */
  name: string;
  kind: SectionKind;
  description: string;
  options: SectionOption[];
  /** Once per package (description, files, scriptlets), once per spec (prep, build…), or repeatable. */
  multiplicity: 'once' | 'per-package' | 'many';
  status: TagStatus;
  replacement?: string;
  since?: string;
  /** Scriptlets: meaning of $1. */
  argument?: string;
}

const O_N: SectionOption = { name: '-n', argument: 'name', description: 'applies to the package of exactly this name instead of %{name}-SUFFIX' };
const O_P: SectionOption = { name: '-p', argument: 'program', description: 'runs the body with this interpreter (e.g. <lua> or /sbin/ldconfig); the body may be empty' };
const O_E: SectionOption = { name: '-e', description: 'also expands rpm macros in the body when the scriptlet runs at install time (rpm ≥ 4.18)' };
const O_Q: SectionOption = { name: '-q', description: 'also expands query-format tags such as %{VERSION} in the body when the scriptlet runs (rpm ≥ 4.18)' };
const O_TRIGGER_COND: SectionOption = { name: '--', description: 'separates the options from the trigger condition (package names with optional versions)' };
const O_PRIO: SectionOption = { name: '-P', argument: 'priority', description: 'priority of the file trigger (default 1000000); higher runs first' };
const O_PATHS: SectionOption = { name: '--', description: 'separates the options from the path prefixes watched by the file trigger' };

function section(name: string, kind: SectionKind, description: string, extra: Partial<SectionInfo> = {}): SectionInfo {
  return { name, kind, description, options: [], multiplicity: 'once', status: 'current', ...extra };
}
function scriptlet(name: string, description: string, argument?: string, extra: Partial<SectionInfo> = {}): SectionInfo {
  return section(name, 'scriptlet', description, { options: [O_N, O_P, O_E, O_Q], multiplicity: 'per-package', argument, ...extra });
}
function trigger(name: string, description: string): SectionInfo {
  return section(name, 'trigger', description, { options: [O_N, O_P, O_TRIGGER_COND], multiplicity: 'many' });
}
function filetrigger(name: string, description: string): SectionInfo {
  return section(name, 'filetrigger', description, { options: [O_N, O_P, O_PRIO, O_PATHS], multiplicity: 'many' });
}

export const SECTIONS: readonly SectionInfo[] = [
  section('%description', 'section', 'Long description of a package; required for the main package and for each %package.', { options: [O_N, { name: '-l', argument: 'lang', description: 'description in another language' }], multiplicity: 'per-package' }),
  section('%package', 'section', 'Starts a subpackage preamble; the name is appended to %{name}- unless -n is given. It needs its own %description, and %files to be built.', { options: [O_N], multiplicity: 'many' }),
  section('%prep', 'section', 'Unpacks and patches the sources (%setup/%autosetup).'),
  section('%conf', 'section', 'Configures the build (configure, cmake, meson); split from %build in rpm 4.18.', { since: '4.18' }),
  section('%generate_buildrequires', 'section', 'Prints additional BuildRequires computed from the sources; the build restarts once they are installed.'),
  section('%build', 'section', 'Compiles the software.'),
  section('%install', 'section', 'Installs the built files into %{buildroot}.'),
  section('%check', 'section', 'Runs the test suite after %install.'),
  section('%clean', 'section', 'Former build-root clean-up; rpm cleans the build root itself. Remove the section.', { status: 'obsolete' }),
  section('%files', 'section', 'Lists the files of a package, with %doc, %license, %config… directives.', { options: [O_N, { name: '-f', argument: 'file', description: 'also reads file entries from this file (e.g. %find_lang output)' }], multiplicity: 'per-package' }),
  section('%changelog', 'section', 'Package history, newest entry first: `* Day Mon DD YYYY Name <email> - version-release`.'),
  section('%sourcelist', 'section', 'Lists source files one per line, as an alternative to SourceN tags.', { since: '4.15' }),
  section('%patchlist', 'section', 'Lists patch files one per line, as an alternative to PatchN tags.', { since: '4.15' }),
  scriptlet('%pre', 'Runs before the package is installed.', '1 on first install, 2 or more on upgrade'),
  scriptlet('%post', 'Runs after the package is installed.', '1 on first install, 2 or more on upgrade'),
  scriptlet('%preun', 'Runs before the package is removed, including the old version during an upgrade.', '0 on erase, 1 or more on upgrade'),
  scriptlet('%postun', 'Runs after the package is removed, including the old version during an upgrade.', '0 on erase, 1 or more on upgrade'),
  scriptlet('%pretrans', 'Runs at the start of the transaction, before any package is installed; must work without dependencies (use -p <lua>).'),
  scriptlet('%posttrans', 'Runs at the end of the transaction.'),
  scriptlet('%preuntrans', 'Runs at the start of a transaction that removes the package (rpm ≥ 4.19).', undefined, { since: '4.19' }),
  scriptlet('%postuntrans', 'Runs at the end of a transaction that removed the package (rpm ≥ 4.19).', undefined, { since: '4.19' }),
  scriptlet('%verifyscript', 'Runs during `rpm -V` to perform extra verification.'),
  trigger('%triggerprein', 'Runs before the named package is installed.'),
  trigger('%triggerin', 'Runs when the named package is installed or upgraded, and when this package is installed while it is present.'),
  trigger('%triggerun', 'Runs when the named package is removed.'),
  trigger('%triggerpostun', 'Runs after the named package is removed.'),
  filetrigger('%filetriggerin', 'Runs once per transaction for packages installing files under the given paths; the matching files arrive on stdin.'),
  filetrigger('%filetriggerun', 'Runs when packages with files under the given paths are removed.'),
  filetrigger('%filetriggerpostun', 'Runs after packages with files under the given paths are removed.'),
  filetrigger('%transfiletriggerin', 'Runs once at the end of the transaction if files under the given paths were installed.'),
  filetrigger('%transfiletriggerun', 'Runs once at the start of the transaction if files under the given paths will be removed.'),
  filetrigger('%transfiletriggerpostun', 'Runs once at the end of the transaction if files under the given paths were removed.'),
];

export interface KeywordInfo {
  name: string;
  description: string;
  /** What follows the keyword on its line. */
  argument?: string;
}

export const CONDITIONAL_KEYWORDS: readonly KeywordInfo[] = [
  { name: '%if', argument: 'expression', description: 'Starts a block kept when the expression is true (non-zero or non-empty string comparison). Close it with %endif.' },
  { name: '%elif', argument: 'expression', description: 'Alternative branch of %if with its own expression (rpm ≥ 4.15).' },
  { name: '%else', description: 'Branch kept when the previous conditions were false.' },
  { name: '%endif', description: 'Closes a conditional block.' },
  { name: '%ifarch', argument: 'architectures', description: 'Kept when the target architecture is in the list (names or arch macros such as %{ix86}).' },
  { name: '%ifnarch', argument: 'architectures', description: 'Kept when the target architecture is not in the list.' },
  { name: '%elifarch', argument: 'architectures', description: 'Alternative architecture branch (rpm ≥ 4.15).' },
  { name: '%elifnarch', argument: 'architectures', description: 'Alternative negated architecture branch (rpm ≥ 4.15).' },
  { name: '%ifos', argument: 'operating systems', description: 'Kept when the target OS is in the list.' },
  { name: '%ifnos', argument: 'operating systems', description: 'Kept when the target OS is not in the list.' },
  { name: '%elifos', argument: 'operating systems', description: 'Alternative OS branch (rpm ≥ 4.15).' },
  { name: '%elifnos', argument: 'operating systems', description: 'Alternative negated OS branch (rpm ≥ 4.15).' },
];

export interface OperatorInfo {
  operator: string;
  description: string;
}

export const DEPENDENCY_OPERATORS: readonly OperatorInfo[] = [
  { operator: '=', description: 'exactly this [epoch:]version[-release]' },
  { operator: '<', description: 'older than' },
  { operator: '<=', description: 'older than or equal to' },
  { operator: '>', description: 'newer than' },
  { operator: '>=', description: 'newer than or equal to' },
];

export const EXPRESSION_OPERATORS: readonly OperatorInfo[] = [
  { operator: '==', description: 'equal' }, { operator: '!=', description: 'not equal' },
  { operator: '<', description: 'less than' }, { operator: '<=', description: 'less than or equal' },
  { operator: '>', description: 'greater than' }, { operator: '>=', description: 'greater than or equal' },
  { operator: '&&', description: 'logical and' }, { operator: '||', description: 'logical or' }, { operator: '!', description: 'logical not' },
];

export const RICH_DEPENDENCY_KEYWORDS: readonly KeywordInfo[] = [
  { name: 'and', description: 'All operands are required: (pkgA and pkgB).' },
  { name: 'or', description: 'At least one operand is required: (pkgA or pkgB).' },
  { name: 'if', description: 'The left operand is required only when the right one is installed: (pkgA if pkgB). Can take an else branch.' },
  { name: 'else', description: 'Alternative of if/unless: (pkgA if pkgB else pkgC).' },
  { name: 'unless', description: 'The left operand is required only when the right one is not installed: (pkgA unless pkgB).' },
  { name: 'with', description: 'One single package must satisfy both operands: (pkgA-foo with pkgA-bar); for Conflicts/Requires on a provider with two properties.' },
  { name: 'without', description: 'One single package must satisfy the left operand but not the right one.' },
];

const TAG_BY_LOWER = new Map<string, TagInfo>();
for (const t of TAGS) {
  TAG_BY_LOWER.set(t.name.toLowerCase(), t);
  for (const a of t.aliases ?? []) TAG_BY_LOWER.set(a.toLowerCase(), t);
}
const SECTION_BY_NAME = new Map(SECTIONS.map((s) => [s.name, s]));

/**
 * The tag of a preamble keyword, case-insensitive; accepts a number suffix for numbered tags
 * (Source12, patch3) and a qualifier (`Requires(post)`).
 */
export function lookupTag(name: string): TagInfo | undefined {
  const bare = name.replace(/\s*\(.*$/, '').replace(/:$/, '').toLowerCase();
  const direct = TAG_BY_LOWER.get(bare);
  if (direct) return direct;
  const num = /^(source|patch|nosource|nopatch)\d+$/.exec(bare);
  if (num) {
    const t = TAG_BY_LOWER.get(num[1]);
    if (t?.numbered) return t;
  }
  return undefined;
}

/** A section, scriptlet or trigger by name (`%files` or `files`). Case-sensitive, as rpm. */
export function lookupSection(name: string): SectionInfo | undefined {
  return SECTION_BY_NAME.get(name.startsWith('%') ? name : `%${name}`);
}

export function lookupConditionalKeyword(name: string): KeywordInfo | undefined {
  const n = name.startsWith('%') ? name : `%${name}`;
  return CONDITIONAL_KEYWORDS.find((k) => k.name === n);
}

export function lookupRichDependencyKeyword(name: string): KeywordInfo | undefined {
  return RICH_DEPENDENCY_KEYWORDS.find((k) => k.name === name);
}

/** Whether the qualifier is accepted by the tag (`lang` tags take any locale such as `de` or `pt_BR`). */
export function isValidQualifier(tagName: string, qualifier: string): boolean {
  const t = lookupTag(tagName);
  if (!t) return false;
  if (t.qualifiers.includes('lang')) return /^[a-z]{2,3}(_[A-Z]{2})?(\.[\w-]+)?(@\w+)?$/.test(qualifier);
  return qualifier.split(',').map((q) => q.trim()).every((q) => t.qualifiers.includes(q));
}
