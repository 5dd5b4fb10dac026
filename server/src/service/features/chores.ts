// Packaging chores as edits: bump the release, add a changelog entry, move to a new upstream
// version, convert to rpmautospec. Pure: the caller passes today's date and the packager's
// name (the server and the CLI find them: setting, ~/.rpmmacros %packager, git config).
// Like rpmdev-bumpspec: the last number of a literal Release goes up by one (`3%{?dist}` →
// `4%{?dist}`); a Release that is one file macro (`%{baserelease}%{?dist}`) bumps that macro.
// With %autorelease / %autochangelog those fields are rpmautospec's and are left alone.
import type { ProfileLike } from '../catalog/profile';
import type { MacroDefinition, MacroReference, Section, SpecDocument, Tag } from '../specfile/ast';
import { parseSpec } from '../specfile/parser';
import { querySpec } from '../specfile/rpmQuery';
import type { Position, TextEdit } from '../types';
import { applyEdits } from './format';
import { definitionTable } from '../specfile/macroScope';

export interface ChangelogDate {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
}

export interface ChoreInput {
  /** Today (the packager's local date). */
  date: ChangelogDate;
  /** `Name <email>`. */
  author: string;
  /** Entry text; `- ` is added to lines that do not start with `-`; `%` is escaped as `%%`. Default: a `- ` bullet for the user to fill in. */
  comment?: string;
  distro?: ProfileLike;
}

export interface ChoreResult {
  /** Edits of the spec (empty when nothing is to be done). */
  edits: TextEdit[];
  /** What was done, or why nothing was: one sentence for the user. */
  message: string;
  /** Where to put the cursor after the edits (in the edited text). */
  cursor?: Position;
  /** Files to create beside the spec (convert: `changelog`). */
  newFiles?: { name: string; text: string }[];
  /** True when the chore could not be done (message says why). */
  refused?: boolean;
  /** Refused because rpmautospec owns the fields (%autorelease/%autochangelog): nothing to do, not an error. */
  rpmautospec?: boolean;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** rpm's changelog date: `Sun Dec 06 2026` (the weekday computed from the date). */
export function changelogDate(d: ChangelogDate): string {
  const weekday = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return `${WEEKDAYS[weekday]} ${MONTHS[d.month - 1]} ${String(d.day).padStart(2, '0')} ${d.year}`;
}

const mainTags = (doc: SpecDocument, key: string) => doc.tags.filter((t) => t.packageIndex === 0 && t.key === key);
const usesMacro = (doc: SpecDocument, span: { start: number; end: number }, name: string) =>
  doc.macroReferences.some((m) => m.start >= span.start && m.end <= span.end && m.name === name);
const isAutorelease = (doc: SpecDocument) => mainTags(doc, 'release').some((t) => usesMacro(doc, t.valueSpan, 'autorelease'));
const changelogSection = (doc: SpecDocument) => doc.sections.find((s) => s.kind === 'changelog');
function isAutochangelog(doc: SpecDocument): boolean {
  const s = changelogSection(doc);
  return !!s && usesMacro(doc, s.body, 'autochangelog');
}

function replaceSpan(doc: SpecDocument, start: number, end: number, newText: string): TextEdit {
  return { range: doc.lines.range(start, end), newText };
}

/** Macro references inside a span, outermost only. */
function referencesIn(doc: SpecDocument, start: number, end: number): MacroReference[] {
  return doc.macroReferences.filter((m) => m.depth === 0 && m.start >= start && m.end <= end);
}

/** The single file definition (`%global x 3`) of a macro, if it is defined exactly once. */
function soleDefinition(doc: SpecDocument, name: string): MacroDefinition | undefined {
  const defs = definitionTable(doc).directives(name);
  return defs.length === 1 && defs[0].keyword !== 'undefine' && defs[0].parameters === undefined ? defs[0] : undefined;
}

/** The last run of digits in `text` outside macro references of the span starting at `base`. */
function lastLiteralNumber(doc: SpecDocument, text: string, base: number): { start: number; end: number } | undefined {
  const refs = referencesIn(doc, base, base + text.length);
  let found: { start: number; end: number } | undefined;
  for (const m of text.matchAll(/\d+/g)) {
    const s = base + (m.index ?? 0);
    const e = s + m[0].length;
    if (refs.some((r) => s < r.end && e > r.start)) continue;
    found = { start: s, end: e };
  }
  return found;
}

type NumberSite = { start: number; end: number; where: string };

/** Where the release number of one Release tag is written: in the value, or in the one macro it uses. */
function releaseNumberSite(doc: SpecDocument, tag: Tag): NumberSite | string {
  const literal = lastLiteralNumber(doc, tag.value, tag.valueSpan.start);
  if (literal) return { ...literal, where: `Release (line ${tag.line + 1})` };
  const refs = referencesIn(doc, tag.valueSpan.start, tag.valueSpan.end).filter((r) => r.name !== 'dist' && r.name !== '' && !r.conditional);
  if (refs.length === 1) {
    const def = soleDefinition(doc, refs[0].name);
    if (def) {
      const n = lastLiteralNumber(doc, def.body, def.bodySpan.start);
      if (n) return { ...n, where: `%${def.keyword} ${def.name} (line ${def.line + 1})` };
    }
  }
  return `Release: ${tag.value} has no number of its own to bump (it is computed from macros); edit it by hand.`;
}

/** The EVR for the changelog header, read statically with %{?dist} empty (as rpmdev-bumpspec writes it). */
function headerEvr(text: string, distro: ProfileLike): string {
  const q = querySpec(parseSpec(text), distro, { defines: [['dist', '']] });
  // %autorelease is only known to rpmautospec (from git): the header then carries the version alone.
  const evr = q.release && !/%\{?\??autorelease/.test(q.release) ? `${q.version ?? ''}-${q.release}` : `${q.version ?? ''}`;
  return q.epoch ? `${q.epoch}:${evr}` : evr;
}

function entryLines(comment: string | undefined): string[] {
  if (comment === undefined || comment.trim() === '') return ['- '];
  return comment.replace(/\r\n?/g, '\n').split('\n').filter((l) => l.trim() !== '').map((l) => (/^\s*-/.test(l) ? l : `- ${l}`).replace(/%/g, '%%'));
}

/**
 * Adds a changelog entry on top of %changelog (creating the section at the end if there is none).
 * `textAfter` is the spec with the other edits of the same chore applied (for the EVR).
 */
function changelogEntryEdit(doc: SpecDocument, input: ChoreInput, textAfter: string): { edit: TextEdit; cursor: Position } {
  const evr = headerEvr(textAfter, input.distro ?? 'fedora');
  const eol = doc.lines.eol;
  const lines = entryLines(input.comment);
  const entry = [`* ${changelogDate(input.date)} ${input.author} - ${evr}`, ...lines];
  const section = changelogSection(doc);
  if (section) {
    const at = doc.lines.lineEndWithBreak(section.headerLine);
    const atEnd = at === doc.text.length && !/\n$/.test(doc.text);
    const hasEntries = doc.changelog.length > 0 || doc.text.slice(at, section.end).trim() !== '';
    const newText = (atEnd ? eol : '') + entry.join(eol) + eol + (hasEntries ? eol : '');
    const line = section.headerLine + 1 + lines.length;
    return { edit: replaceSpan(doc, at, at, newText), cursor: { line, character: lines[lines.length - 1].length } };
  }
  const end = doc.text.length;
  const lead = doc.text === '' || /\n$/.test(doc.text) ? '' : eol;
  const blank = /\n[ \t]*\n$/.test(doc.text) ? '' : eol;
  const newText = `${lead}${blank}%changelog${eol}${entry.join(eol)}${eol}`;
  const startLine = doc.lines.lineCount - 1 + (lead ? 1 : 0) + (blank ? 1 : 0);
  return { edit: replaceSpan(doc, end, end, newText), cursor: { line: startLine + 1 + lines.length, character: lines[lines.length - 1].length } };
}

const AUTO_MESSAGE = 'This spec uses %autorelease and %autochangelog: rpmautospec computes the release and the changelog from git commits, so commit your change with a message instead.';

/** Bump Release (+1 in its last number) and add a changelog entry. */
export function bumpRelease(doc: SpecDocument, input: ChoreInput): ChoreResult {
  const autoRelease = isAutorelease(doc);
  const autoChangelog = isAutochangelog(doc);
  if (autoRelease && autoChangelog) return { edits: [], message: AUTO_MESSAGE, refused: true, rpmautospec: true };
  const edits: TextEdit[] = [];
  const done: string[] = [];
  if (!autoRelease) {
    const tags = mainTags(doc, 'release');
    if (tags.length === 0) return { edits: [], message: 'This spec has no Release tag to bump.', refused: true };
    const sites = new Map<number, NumberSite>();
    for (const t of tags) {
      const site = releaseNumberSite(doc, t);
      if (typeof site === 'string') return { edits: [], message: site, refused: true };
      sites.set(site.start, site);
    }
    for (const site of sites.values()) {
      const n = doc.text.slice(site.start, site.end);
      const next = String(BigInt(n) + 1n);
      edits.push(replaceSpan(doc, site.start, site.end, next));
      done.push(`${site.where}: ${n} → ${next}`);
    }
  } else done.push('Release is %autorelease (left as it is)');
  let cursor: Position | undefined;
  if (!autoChangelog) {
    const after = applyEdits(doc, edits);
    const c = changelogEntryEdit(doc, input, after);
    edits.push(c.edit);
    cursor = c.cursor;
    done.push('changelog entry added');
  } else done.push('the changelog is %autochangelog (no entry added)');
  return { edits, message: `Bumped the release: ${done.join('; ')}.`, cursor };
}

/** Add a changelog entry for the current EVR. */
export function addChangelogEntry(doc: SpecDocument, input: ChoreInput): ChoreResult {
  if (isAutochangelog(doc)) return { edits: [], message: 'The changelog is %autochangelog: rpmautospec writes it from git commit messages, so commit your change with a message instead.', refused: true, rpmautospec: true };
  const c = changelogEntryEdit(doc, input, doc.text);
  return { edits: [c.edit], cursor: c.cursor, message: 'Changelog entry added.' };
}

/** Set Version, reset Release to 1 (unless %autorelease), add an entry. */
export function newUpstreamVersion(doc: SpecDocument, version: string, input: ChoreInput): ChoreResult {
  if (!/^[A-Za-z0-9._+~^]+$/.test(version)) return { edits: [], message: `'${version}' is not a valid rpm version (letters, digits and . _ + ~ ^ only).`, refused: true };
  const versionTags = mainTags(doc, 'version');
  if (versionTags.length === 0) return { edits: [], message: 'This spec has no Version tag.', refused: true };
  const edits: TextEdit[] = [];
  const done: string[] = [];
  const targets = new Map<number, { start: number; end: number; where: string; old: string }>();
  for (const t of versionTags) {
    const refs = referencesIn(doc, t.valueSpan.start, t.valueSpan.end);
    if (refs.length === 0) {
      targets.set(t.valueSpan.start, { start: t.valueSpan.start, end: t.valueSpan.end, where: `Version (line ${t.line + 1})`, old: t.value });
      continue;
    }
    const whole = refs.length === 1 && refs[0].start === t.valueSpan.start && refs[0].end === t.valueSpan.end;
    const def = whole ? soleDefinition(doc, refs[0].name) : undefined;
    if (!def || /%/.test(def.body)) return { edits: [], message: `Version: ${t.value} is computed from macros; set them by hand.`, refused: true };
    targets.set(def.bodySpan.start, { start: def.bodySpan.start, end: def.bodySpan.end, where: `%${def.keyword} ${def.name} (line ${def.line + 1})`, old: def.body });
  }
  for (const t of targets.values()) {
    edits.push(replaceSpan(doc, t.start, t.end, version));
    done.push(`${t.where}: ${t.old.trim()} → ${version}`);
  }
  if (!isAutorelease(doc)) {
    const sites = new Map<number, NumberSite>();
    for (const t of mainTags(doc, 'release')) {
      const site = releaseNumberSite(doc, t);
      if (typeof site === 'string') return { edits: [], message: site, refused: true };
      // Reset the whole literal part before the number's end (`0.3.rc2` → `1`) when it is in the tag itself.
      const literalStart = site.where.startsWith('Release') ? t.valueSpan.start : site.start;
      const prefix = doc.text.slice(literalStart, site.start);
      sites.set(site.start, { start: /%/.test(prefix) ? site.start : literalStart, end: site.end, where: site.where });
    }
    for (const site of sites.values()) {
      edits.push(replaceSpan(doc, site.start, site.end, '1'));
      done.push(`${site.where} reset to 1`);
    }
  } else done.push('Release is %autorelease (left as it is)');
  let cursor: Position | undefined;
  if (!isAutochangelog(doc)) {
    const c = changelogEntryEdit(doc, { ...input, comment: input.comment ?? `Update to ${version}` }, applyEdits(doc, edits));
    edits.push(c.edit);
    cursor = c.cursor;
  } else done.push('the changelog is %autochangelog (no entry added)');
  return { edits, cursor, message: `New upstream version: ${done.join('; ')}.` };
}

/**
 * Release → %autorelease, %changelog body → %autochangelog with the old entries in a `changelog`
 * file beside the spec (what `rpmautospec convert` does).
 */
export function convertToRpmautospec(doc: SpecDocument): ChoreResult {
  const edits: TextEdit[] = [];
  const done: string[] = [];
  const newFiles: { name: string; text: string }[] = [];
  if (!isAutorelease(doc)) {
    const tags = mainTags(doc, 'release');
    if (tags.length === 0) return { edits: [], message: 'This spec has no Release tag.', refused: true };
    if (tags.length > 1) return { edits: [], message: `This spec sets Release ${tags.length} times (lines ${tags.map((t) => t.line + 1).join(', ')}); convert it by hand.`, refused: true };
    edits.push(replaceSpan(doc, tags[0].valueSpan.start, tags[0].valueSpan.end, '%autorelease'));
    done.push(`Release ${tags[0].value} → %autorelease`);
  }
  const section: Section | undefined = changelogSection(doc);
  if (!isAutochangelog(doc)) {
    const eol = doc.lines.eol;
    if (section) {
      // As rpmautospec convert writes it: each line without trailing blanks, no blank lines at the end.
      const old = doc.text.slice(section.body.start, section.body.end).replace(/\r\n?/g, '\n').split('\n').map((l) => l.replace(/[ \t]+$/, '')).join('\n').replace(/\n+$/, '');
      if (old !== '') newFiles.push({ name: 'changelog', text: old + '\n' });
      edits.push(replaceSpan(doc, section.body.start, section.body.end, `%autochangelog${eol}`));
      done.push(old !== '' ? '%changelog → %autochangelog, the old entries moved to the file changelog' : '%changelog → %autochangelog');
    } else {
      const lead = /\n$/.test(doc.text) ? '' : eol;
      edits.push(replaceSpan(doc, doc.text.length, doc.text.length, `${lead}${eol}%changelog${eol}%autochangelog${eol}`));
      done.push('%changelog with %autochangelog added');
    }
  }
  if (edits.length === 0) return { edits: [], message: 'This spec already uses %autorelease and %autochangelog.', refused: true, rpmautospec: true };
  return { edits, newFiles, message: `Converted to rpmautospec: ${done.join('; ')}. rpmautospec numbers releases from the git history: commit the spec and the changelog file.` };
}
