import { rpmAtLeast, type Release } from '../../catalog/releases';
import type { Section, SectionKind } from '../../specfile/ast';
import { BUILD_SECTION_KINDS } from '../../specfile/keywords';
import { scopeOf } from '../../specfile/macroScope';
import { patchApplications } from '../../specfile/patches';
import { defineSpecRule } from '../types';

/**
 * Spec syntax that is newer than the rpm of the profile's release: what that rpm does with it was
 * read in rpm's own source at the release tags (see docs/rules/syntax-too-new-for-release.md).
 * %patchN, which rpm 4.20 REMOVED, is obsolete-patchn-syntax's; spec-duplicate-section leaves
 * `-a`/`-p` fragments alone on every release, so the "second %build" of old rpm is reported here.
 */
interface NewSyntax {
  /** First upstream rpm version with it (rpm's source at the release tag). */
  since: string;
  /** Releases whose older rpm has it backported: release id → where that is stated. */
  backportedTo?: Readonly<Record<string, string>>;
}

const SYNTAX = {
  // %bcond() is defined in rpm's macros file from 4.17.1 on (absent in 4.17.0); RHEL 9.2 backported
  // it ("Considerations in adopting RHEL 9", notable changes to RPM).
  bcond: { since: '4.17.1', backportedTo: { 'rhel-9': 'RHEL 9.2' } },
  // PART_CONF ("%conf") joins the section table of build/parseSpec.c in 4.18.0.
  conf: { since: '4.18' },
  // `%autopatch -m/-M`: macros.in defines %autopatch(vp:) at rpm-4.14.3-release and
  // %autopatch(vp:m:M:) from rpm-4.15.0-release on; RHEL 9's packaging guide lists the range
  // options among the changes from RHEL 8.
  autopatchRange: { since: '4.15' },
  // %generate_buildrequires, %patchlist, %sourcelist: rpm 4.15.0 (release notes; rpm-spec(5)
  // "Added: 4.15.0"; Red Hat lists them among the packaging changes from RHEL 8 to RHEL 9).
  generate_buildrequires: { since: '4.15' },
  patchlist: { since: '4.15' },
  sourcelist: { since: '4.15' },
  // RPMTAG_SOURCELICENSE joins build/parsePreamble.c's tag table in 4.18.0.
  sourcelicense: { since: '4.18' },
  // %elif, %elifarch, %elifos: not in build/parseSpec.c of rpm-4.14.3-release, in rpm-4.15.0-release;
  // Red Hat bug 2089020 (RHEL 8.6 cannot parse them) was closed WONTFIX.
  elif: { since: '4.15' },
  // `%patch N` without -P: before 4.18 doPatchMacro (build/parsePrep.c) adds `-P 0` (4.15–4.17) or
  // `-P <the unnumbered Patch:>` (4.14) whenever the line has no " -P", so N comes with another
  // patch. EL 9 is left out: Red Hat bug 2161293 asked for the 4.18 behaviour in RHEL 9 and we could
  // not confirm whether it shipped.
  patchPositional: { since: '4.18', backportedTo: { 'rhel-9': 'not reported: RHEL bug 2161293 (unconfirmed)' } },
  // BuildSystem/BuildOption and the -a/-p options of build sections: 4.20.0 (release notes).
  buildsystem: { since: '4.20' },
  buildoption: { since: '4.20' },
  augment: { since: '4.20' },
} satisfies Record<string, NewSyntax>;

type SyntaxId = keyof typeof SYNTAX;

/** The syntax each release's rpm lacks, worked out once per release (the rule runs on every spec). */
const lackedByRelease = new WeakMap<Release, ReadonlySet<SyntaxId>>();
function lackedSyntax(release: Release): ReadonlySet<SyntaxId> {
  let lacked = lackedByRelease.get(release);
  if (!lacked) {
    const ids = (Object.keys(SYNTAX) as SyntaxId[]).filter((id) => {
      const s: NewSyntax = SYNTAX[id];
      return !rpmAtLeast(release, s.since) && s.backportedTo?.[release.id] === undefined;
    });
    lacked = new Set(ids);
    lackedByRelease.set(release, lacked);
  }
  return lacked;
}

function lacks(release: Release, id: SyntaxId): boolean {
  return lackedSyntax(release).has(id);
}

/**
 * The build sections: /bin/sh -e runs their body (a stray `%conf` line there stops the build), and
 * they are the sections rpm 4.20 lets appear again with -a/-p.
 */
const BUILD_SECTIONS: ReadonlySet<SectionKind> = new Set(BUILD_SECTION_KINDS);
const TAG_NAMES: Record<string, string> = { sourcelicense: 'SourceLicense', buildsystem: 'BuildSystem', buildoption: 'BuildOption' };
/** Sections an older rpm does not know, by the syntax that brought them. */
const NEW_SECTIONS: Partial<Record<SectionKind, SyntaxId>> = { conf: 'conf', generate_buildrequires: 'generate_buildrequires', patchlist: 'patchlist', sourcelist: 'sourcelist' };
/** An `%ifarch`/`%elifos`… keyword: some build of the package is on what it names. */
const ARCH_OR_OS = /arch|os/;

/**
 * The first -m or -M of `%autopatch` arguments, read as getopt reads "vp:m:M:" (an option that
 * takes a value takes the rest of its word or the next word); offsets into `args`.
 */
function rangeOption(args: string): { letter: string; start: number; end: number } | undefined {
  const words = [...args.matchAll(/\S+/g)];
  for (let w = 0; w < words.length; w++) {
    const word = words[w][0];
    if (word.startsWith('#') || word === '--') return undefined;
    if (!word.startsWith('-') || word.length < 2) continue;
    for (let c = 1; c < word.length; c++) {
      const letter = word[c];
      if (letter === 'm' || letter === 'M') return { letter, start: words[w].index!, end: words[w].index! + word.length };
      if (letter === 'p') {
        if (c === word.length - 1) w++;
        break;
      }
      if (letter !== 'v') break;
    }
  }
  return undefined;
}

export default defineSpecRule({
  id: 'syntax-too-new-for-release',
  category: 'syntax',
  defaultSeverity: 'error',
  description: "Spec syntax newer than the rpm of the profile's release: that rpm refuses or misreads it",
  fixSafety: 'safe',
  messages: {
    bcond: '%bcond is new in rpm 4.17.1; {{release}} has rpm {{rpm}}, where %bcond is an undefined macro: rpmbuild stops with "Unknown tag: %bcond …". Use %bcond_with/%bcond_without there',
    sectionInScript: '%{{section}} is a section only from rpm {{since}} on; rpm {{rpm}} of {{release}} reads this line and the lines under it as part of %{{previous}}, whose shell fails on the line "%{{section}}"',
    sectionInPreamble: '%{{section}} is a section only from rpm {{since}} on; rpm {{rpm}} of {{release}} reads this line as a preamble line: rpmbuild stops with "Unknown tag: %{{section}}"',
    sectionUnknown: '%{{section}} is a section only from rpm {{since}} on; rpm {{rpm}} of {{release}} does not know it: it reads this line and the lines under it as part of the section before',
    sectionInText: '%{{section}} is a section only from rpm {{since}} on; rpm {{rpm}} of {{release}} reads this line and the lines under it as part of %{{previous}}',
    elif: '%{{keyword}} is new in rpm 4.15; rpm {{rpm}} of {{release}} does not know it and takes this line for a plain line of the arm above, so the arms of this %if do not mean there what they say',
    autopatchRange: '%autopatch {{flag}} (a patch range) is new in rpm 4.15; %autopatch of rpm {{rpm}} of {{release}} takes only -v and -p: rpmbuild stops with "Unknown option {{letter}} in autopatch(vp:)"',
    patchUnnumbered: '%patch {{n}} without -P applies only patch {{n}} from rpm 4.18 on; rpm {{rpm}} of {{release}} also applies the unnumbered Patch: tag here, or stops with an error when the spec has none: write %patch -P {{n}}',
    patchZero: '%patch {{n}} without -P applies only patch {{n}} from rpm 4.18 on; rpm {{rpm}} of {{release}} also applies patch 0 here, or stops with "No patch number 0" when there is none: write %patch -P {{n}}',
    tag: '{{tag}} is a tag only from rpm {{since}} on; rpm {{rpm}} of {{release}} does not know it: rpmbuild stops with "Unknown tag: {{tag}}…"',
    augment: '{{flag}} ({{verb}} to %{{name}}) is new in rpm 4.20; rpm {{rpm}} of {{release}} ignores it and reads a second %{{name}} (line {{otherLine}} is the other): rpmbuild stops with "second %{{name}}"',
  },
  requires: ['%elif', '%patch', '%autopatch', '%bcond', '%conf', '%generate_buildrequires', '%sourcelist', 'SourceLicense', 'BuildSystem', 'BuildOption', ' -a', ' -p', '\t-a', '\t-p'],
  check(ctx) {
    const { doc } = ctx;
    const release = ctx.profile.release;
    // A release whose rpm has all of it (Fedora) has nothing to report: no macro scope is built.
    if (lackedSyntax(release).size === 0) return;
    const data = { release: release.short, rpm: release.rpm };
    const scope = scopeOf(doc, ctx.profile);
    const live = (line: number) => !scope.lineCondition(line).dead;

    // A project macro file or the spec itself may define %bcond for an old rpm: then it works. The
    // spec's "polyfill" sits under `%if 0%{!?bcond:1}`, which the catalog (where %bcond is always
    // built in) takes for false, so its arm is not asked about.
    const definesBcond = ctx.profile.macros.some((m) => m.name === 'bcond')
      || doc.macroDefinitions.some((d) => d.name === 'bcond' && d.keyword !== 'undefine');
    if (lacks(release, 'bcond') && !definesBcond) {
      for (const b of doc.buildConditionals) {
        if (b.keyword !== 'bcond') continue;
        const section = doc.sections[doc.lineSection[b.line]];
        // Only the preamble is certain: elsewhere the undefined macro stays text of that section.
        if (section && section.kind !== 'preamble' && section.kind !== 'package') continue;
        ctx.report({ start: b.start, end: b.start + '%bcond'.length, messageId: 'bcond', data });
      }
    }

    for (const tag of doc.tags) {
      const id = tag.key as SyntaxId;
      if ((id !== 'sourcelicense' && id !== 'buildsystem' && id !== 'buildoption') || !lacks(release, id)) continue;
      ctx.report({ start: tag.nameSpan.start, end: tag.nameSpan.end, messageId: 'tag', data: { ...data, tag: TAG_NAMES[id], since: SYNTAX[id].since } });
    }

    if (lacks(release, 'elif')) {
      for (const block of doc.conditionals) {
        const first = block.branches[0];
        // A block in an arm that is false on the release is never read (directive lines are not
        // filtered by the engine, so this rule looks itself).
        if (!first || !live(doc.lines.lineOf(first.start))) continue;
        const firstTruth = scope.arm(block.id, 0).truth;
        block.branches.forEach((b, k) => {
          if (k === 0 || !b.keyword.startsWith('elif')) return;
          // The old rpm reads the %elif line as text when the %if arm is true, and skips it with
          // the %if arm up to %else when that is false: then the two rpms differ only when this
          // %elif is true. An undecided expression is not reported; an architecture or OS test
          // is, as some build of the package is on the architecture it names.
          const truth = scope.arm(block.id, k).truth;
          const differs = ARCH_OR_OS.test(first.keyword) || ARCH_OR_OS.test(b.keyword)
            ? !(firstTruth === 'false' && truth === 'false')
            : firstTruth === 'true' || (firstTruth === 'false' && truth === 'true');
          if (!differs) return;
          ctx.report({ start: b.keywordSpan.start, end: b.keywordSpan.end, messageId: 'elif', data: { ...data, keyword: b.keyword } });
        });
      }
    }

    const definesAutopatch = ctx.profile.macros.some((m) => m.name === 'autopatch') || doc.macroDefinitions.some((d) => d.name === 'autopatch');
    if (lacks(release, 'autopatchRange') && !definesAutopatch) {
      for (const ref of doc.macroReferences) {
        if (ref.form !== 'plain' || ref.name !== 'autopatch' || ref.conditional || ref.negated) continue;
        const line = doc.lines.lineOf(ref.start);
        if (doc.lineKinds[line] === 'comment') continue;
        const option = rangeOption(doc.text.slice(ref.end, doc.lines.lineEnd(line)));
        if (!option) continue;
        ctx.report({
          start: ref.end + option.start,
          end: ref.end + option.end,
          messageId: 'autopatchRange',
          data: { ...data, flag: `-${option.letter}`, letter: option.letter },
        });
      }
    }

    if (lacks(release, 'patchPositional')) {
      for (const app of patchApplications(doc)) {
        if (app.legacyNumber !== undefined || app.ref.form !== 'plain' || app.numbers.length === 0) continue;
        // rpm's own test: the text after `%patch` has no " -P" (so `-P1` and ` -P 1` both count).
        if (doc.text.slice(app.argsStart, app.argsEnd).includes(' -P')) continue;
        const n = doc.text.slice(app.numbers[0].start, app.numbers[0].end);
        ctx.report({
          start: app.ref.start,
          end: app.numbers[app.numbers.length - 1].end,
          messageId: rpmAtLeast(release, '4.15') ? 'patchZero' : 'patchUnnumbered',
          data: { ...data, n },
          fixes: [{
            title: `Write %patch ${app.numbers.map((x) => `-P ${doc.text.slice(x.start, x.end)}`).join(' ')}`,
            edits: app.numbers.map((x) => ({ start: x.start, end: x.start, newText: '-P ' })),
          }],
        });
      }
    }

    const unknownOnRelease = (t: Section): SyntaxId | undefined => {
      const id = NEW_SECTIONS[t.kind];
      return id !== undefined && lacks(release, id) ? id : undefined;
    };
    doc.sections.forEach((s, k) => {
      const newSection = unknownOnRelease(s);
      if (newSection) {
        // The old rpm appends the line to the nearest section before it that it reads (one it
        // knows, outside arms that are false there).
        let previous: Section | undefined;
        for (let j = k - 1; j >= 0 && !previous; j--) if (live(doc.sections[j].headerLine) && !unknownOnRelease(doc.sections[j])) previous = doc.sections[j];
        const range = { start: s.keywordSpan.start, end: s.keywordSpan.end };
        const sectionData = { ...data, section: s.name, since: SYNTAX[newSection].since };
        // A macro line outside a script may open sections of its own (%pyproject_extras_subpkg
        // writes a %package, %description and %files): then which section takes it is unknown.
        const from = previous ? previous.headerLine + 1 : 0;
        let macroLine = false;
        for (let l = from; l < s.headerLine && !macroLine; l++) if (doc.lineKinds[l] === 'macro-line' && live(l)) macroLine = true;
        const script = previous !== undefined && (BUILD_SECTIONS.has(previous.kind) || previous.bodyLanguage === 'shell');
        // In %prep, rpm before 4.18 hands every line starting with "%patch" to its %patch parser.
        if (previous && script && s.kind !== 'patchlist') ctx.report({ ...range, messageId: 'sectionInScript', data: { ...sectionData, previous: previous.name } });
        else if (macroLine || script) ctx.report({ ...range, messageId: 'sectionUnknown', data: sectionData });
        else if (!previous || previous.kind === 'preamble' || previous.kind === 'package') ctx.report({ ...range, messageId: 'sectionInPreamble', data: sectionData });
        else ctx.report({ ...range, messageId: 'sectionInText', data: { ...sectionData, previous: previous.name } });
        return;
      }
      if (!BUILD_SECTIONS.has(s.kind) || !lacks(release, 'augment')) return;
      const option = s.options.find((o) => o.flag === '-a' || o.flag === '-p');
      if (!option) return;
      // Alone, an -a/-p fragment is the section itself for the old rpm (it ignores the option),
      // which is what rpm 4.20 does too; only a second one is refused.
      const other = doc.sections.find((t, j) => j !== k && t.kind === s.kind && t.name === s.name && live(t.headerLine));
      if (!other) return;
      ctx.report({
        start: option.span.start,
        end: option.span.end,
        messageId: 'augment',
        data: { ...data, flag: option.flag, verb: option.flag === '-a' ? 'append' : 'prepend', name: s.name, otherLine: other.headerLine + 1 },
        related: [{ start: other.keywordSpan.start, end: other.header.end, message: `the other %${s.name}` }],
      });
    });
  },
});
