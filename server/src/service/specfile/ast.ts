// The spec-file syntax tree. Every node carries [start, end) offsets into the original text
// (UTF-16 code units); LineIndex turns them into LSP positions. The raw text stays available
// on SpecDocument.text, so any node's source is text.slice(start, end).

import type { LineIndex } from '../text/lineIndex';
import type { MessageData } from '../text/messages';

export interface Span {
  start: number;
  end: number;
}

/** A macro use: `%name`, `%{name}`, `%{?name:val}`, `%(shell)`, `%[expr]`, `%{lua:…}`, `%%`. */
export interface MacroReference extends Span {
  /**
   * plain: `%name`; braced: `%{…}`; shell: `%(…)`; expression: `%[…]`; escape: `%%`;
   * positional: `%1`, `%*`, `%#`, `%-x`, `%-x*`.
   */
  form: 'plain' | 'braced' | 'shell' | 'expression' | 'escape' | 'positional';
  /** Macro name without sigils (`_libdir`, `lua`, `expand`); empty for shell/expression/escape. */
  name: string;
  nameStart: number;
  nameEnd: number;
  /** `%{?name}` / `%?name`: expands to nothing when undefined. */
  conditional: boolean;
  /** `%{!?name}` / `%!name` */
  negated: boolean;
  /** Text after the first `:` in a braced form (`%{?name:value}`, `%{basename:x}`), offsets of that text. */
  argument?: Span;
  /** Inner text of `%(…)`, `%[…]` or `%{…}` (between the delimiters). */
  body?: Span;
  /** False when the closing delimiter is missing; end then stops at the end of the line. */
  closed: boolean;
  /** Nesting depth: 0 for a reference not inside another. */
  depth: number;
}

export interface Comment extends Span {
  /** `#` comment or `%dnl` */
  kind: 'hash' | 'dnl';
  line: number;
}

export type ConditionalKeyword =
  | 'if' | 'ifarch' | 'ifnarch' | 'ifos' | 'ifnos'
  | 'elif' | 'elifarch' | 'elifos' | 'else' | 'endif';

/** One `%if…`/`%elif…`/`%else` arm of a conditional block. */
export interface ConditionalBranch extends Span {
  keyword: ConditionalKeyword;
  /** The directive line (`%if 0%{?fedora}`) */
  directive: Span;
  keywordSpan: Span;
  /** Text after the keyword, trimmed (expression or arch list); empty for %else. */
  condition: string;
  conditionSpan: Span;
  /** First line of the body (after the directive) and last line of the body (inclusive). */
  bodyStartLine: number;
  bodyEndLine: number;
}

export interface ConditionalBlock extends Span {
  id: number;
  branches: ConditionalBranch[];
  /** `%endif` line; absent when the block is never closed. */
  endif?: Span;
  /** Enclosing block branch, for nesting. */
  parent?: { block: number; branch: number };
  startLine: number;
  endLine: number;
}

/**
 * Identifies the chain of conditional arms a line sits in: 0 outside any conditional, otherwise an
 * index into SpecDocument.conditionalPaths. Two lines share an id exactly when they sit in the
 * same arm of the same blocks.
 */
export type ConditionalPath = number;

export interface ConditionalPathEntry {
  /** Enclosing path (0 = top level). */
  parent: ConditionalPath;
  block: number;
  branch: number;
}

export interface MacroDefinition extends Span {
  keyword: 'define' | 'global' | 'undefine' | 'bcond';
  name: string;
  nameSpan: Span;
  /** Option string of a parametric macro: `%define foo(ab:) …` gives `ab:`. */
  parameters?: string;
  body: string;
  bodySpan: Span;
  line: number;
  /** Lines covered, including `\` continuations. */
  endLine: number;
  conditionalPath: ConditionalPath;
}

/** `%bcond_with x`, `%bcond_without x`, `%bcond x default`. */
export interface BuildConditional extends Span {
  keyword: 'bcond_with' | 'bcond_without' | 'bcond';
  name: string;
  nameSpan: Span;
  /** Whether `%{with name}` is true by default. */
  defaultEnabled: boolean | undefined;
  line: number;
}

export interface Include extends Span {
  path: string;
  pathSpan: Span;
  line: number;
}

/** One dependency in a dependency tag value. */
export interface Dependency extends Span {
  /** Capability name as written, macros unexpanded (`pkgconfig(glib-2.0)`, `%{name}-libs`). */
  name: string;
  nameSpan: Span;
  /** The comparison as rpm reads it: a written `=<` is `<=`, `=>` is `>=` (operatorSpan has the text). */
  operator?: '<' | '<=' | '=' | '==' | '>=' | '>';
  operatorSpan?: Span;
  version?: string;
  versionSpan?: Span;
  /** A rich (boolean) dependency `(a or b)`: name is the whole expression. */
  rich: boolean;
}

export interface Tag extends Span {
  /** Tag name as written (`BuildRequires`, `Source0`). */
  name: string;
  nameSpan: Span;
  /** Canonical, lower-case tag name without a number (`buildrequires`, `source`). */
  key: string;
  /** The N of SourceN/PatchN; undefined for `Source:`/`Patch:` (which rpm numbers 0 or next). */
  number?: number;
  /** `Requires(post)` → `post`; `Summary(de)` → `de`. */
  qualifier?: string;
  qualifierSpan?: Span;
  value: string;
  valueSpan: Span;
  line: number;
  /** The package this tag belongs to. */
  packageIndex: number;
  conditionalPath: ConditionalPath;
  /** Parsed dependency list for dependency tags. */
  dependencies?: Dependency[];
}

export type SectionKind =
  | 'preamble' | 'package' | 'description' | 'prep' | 'conf' | 'generate_buildrequires' | 'build'
  | 'install' | 'check' | 'clean' | 'files' | 'changelog' | 'sourcelist' | 'patchlist'
  | 'scriptlet' | 'trigger' | 'filetrigger';

export type BodyLanguage = 'shell' | 'lua' | 'other-interpreter' | 'files' | 'changelog' | 'text';

export interface SectionOption {
  flag: string;
  value?: string;
  span: Span;
}

export interface Section extends Span {
  kind: SectionKind;
  /** Name as written without `%` (`post`, `files`, `triggerin`); `preamble` for the main preamble. */
  name: string;
  /** The header line; for the preamble, an empty span at 0. */
  header: Span;
  keywordSpan: Span;
  /** Raw argument text after the keyword. */
  args: string;
  argsSpan: Span;
  options: SectionOption[];
  /** Bare word argument (a subpackage suffix), if any. */
  target?: string;
  targetSpan?: Span;
  /** The `-n` value, if any. */
  nameOption?: string;
  /** Index into SpecDocument.packages of the package the section belongs to (-1 when unresolved). */
  packageIndex: number;
  /** `-p <interpreter>` for scriptlets and triggers. */
  interpreter?: string;
  /** Trigger condition after `--`. */
  triggerCondition?: string;
  /**
   * What the body is written in: shell (build sections, scriptlets and triggers run by /bin/sh),
   * lua (`-p <lua>`), another interpreter (`-p /usr/bin/perl`), a file list, the changelog, or
   * text (preamble, %package, %description, %sourcelist…).
   */
  bodyLanguage: BodyLanguage;
  /** Line of the header and last line of the body (inclusive). */
  headerLine: number;
  endLine: number;
  /** Body span: from the line after the header to the end of the section. */
  body: Span;
  bodyStartLine: number;
  conditionalPath: ConditionalPath;
  /**
   * Index in SpecDocument.sections of an earlier section rpm reads for the same package under the
   * same name (`Second %preun`), when both can be taken (not sibling arms of one %if).
   */
  duplicateOf?: number;
}

export interface Package {
  /** Full name when it can be told (`foo-devel`, `%{name}-devel`); main package: Name's value. */
  name: string;
  /** true for the main package (index 0). */
  main: boolean;
  /** The suffix or -n name as written in `%package`. */
  declaredName?: string;
  /** `-n` used */
  explicitName: boolean;
  /** The `%package` section; undefined for the main package. */
  section?: Section;
  /** Span of the declared name in `%package` (or of Name's value). */
  nameSpan?: Span;
}

export interface ChangelogEntry extends Span {
  /** The `* …` header line */
  header: Span;
  line: number;
  /** The date as written (made anew on each read, from dateSpan). */
  readonly dateText?: string;
  dateSpan?: Span;
  weekday?: string;
  /** Parsed calendar date (UTC midnight, or the time when given), if it parses; made anew on each read from `time`. */
  readonly date?: Date;
  /** The same date as milliseconds since 1970 (UTC), what `date.getTime()` gives: set exactly when `date` is. */
  time?: number;
  /** The author, e-mail and EVR after the date (read from the header when first asked for). */
  readonly author?: string;
  readonly email?: string;
  readonly evr?: string;
  readonly evrSpan?: Span;
  body: Span;
}

export interface ParseProblem extends Span {
  /** Rule id that owns this problem (so it is configurable like any rule). */
  rule: string;
  /** One of the rule's messages (specfile/parseProblems.ts), and its placeholder values. */
  messageId: string;
  data?: MessageData;
  /** The rendered message. */
  message: string;
}

/** What a physical line is, for features that want a per-line view. */
export type LineKind =
  | 'blank' | 'comment' | 'tag' | 'section-header' | 'conditional' | 'definition'
  | 'definition-continuation' | 'macro-continuation' | 'macro-line' | 'include' | 'changelog-header'
  | 'body' | 'unknown';

export interface SpecDocument {
  text: string;
  lines: LineIndex;
  /** `.spec.in`-style template: `@VAR@` placeholders present. */
  isTemplate: boolean;
  sections: Section[];
  packages: Package[];
  tags: Tag[];
  macroReferences: MacroReference[];
  macroDefinitions: MacroDefinition[];
  buildConditionals: BuildConditional[];
  conditionals: ConditionalBlock[];
  includes: Include[];
  comments: Comment[];
  changelog: ChangelogEntry[];
  /** `@VAR@` placeholders */
  placeholders: Span[];
  problems: ParseProblem[];
  /** Per physical line: its kind, section index, and conditional path. */
  lineKinds: LineKind[];
  lineSection: Int32Array;
  lineConditional: Int32Array;
  /** Index 0 is a placeholder for "no conditional". */
  conditionalPaths: ConditionalPathEntry[];
}
