import { lookupMacro } from '../../catalog/index';
import type { MacroReference, SpecDocument } from '../../specfile/ast';
import { isRpmExpandedInText } from '../../specfile/macroText';
import { scopeOf, type MacroScope } from '../../specfile/macroScope';
import { refsInRange } from '../../specfile/query';
import { defineSpecRule } from '../types';

/**
 * A macro in %changelog text is expanded when the package is built, so the entry records the
 * value at build time, not what was written. Only what rpm really replaces is reported: a macro
 * defined there (the spec's definitions and tags, the profile's macros), a built-in, `%(…)`, a
 * conditional `%{?…}`. `%%`, `%autochangelog`, undefined names (`%certificate`), section names
 * written as words (`fixed the %post script`), rpm's spec commands and %files directives,
 * which are not macros (`%setup`, `%patch3`, `%doc`), and a mid-line `%include` are left as text
 * by rpm and not reported. Nor are the arguments of a line-start call to a macro we cannot see
 * (policycoreutils' `%add_changelog %SOURCE3`, defined in a macro file it loads): what rpm writes
 * there is up to that macro. Nor `%{name}` and fixed directory macros (`%{_libexecdir}`,
 * `%{_libdir}/…` as the start of a path): see readsTheSame; nor a conditional macro defined nowhere
 * in an entry's header (emptyInHeader).
 */
export default defineSpecRule({
  id: 'macro-in-%changelog',
  category: 'changelog',
  defaultSeverity: 'warning',
  description: 'A macro in %changelog is expanded at build time: write %% for a literal %',
  fixSafety: 'safe',
  rpmlintId: 'macro-in-%changelog',
  messages: {
    expanded: "'{{shown}}' in %changelog is expanded at build time: write '%{{shown}}' to keep it as text",
    expandedTo: "'{{shown}}' in %changelog is expanded at build time (it becomes '{{value}}'): write '%{{shown}}' to keep it as text",
  },
  check(ctx) {
    const { doc } = ctx;
    // The profile's definition model is read only for a changelog with a macro in it.
    let scope: MacroScope | undefined;
    for (const s of doc.sections) {
      if (s.kind !== 'changelog') continue;
      for (const r of refsInRange(doc, s.body.start, s.body.end)) {
        if (r.depth !== 0 || r.name === 'autochangelog') continue;
        scope ??= scopeOf(doc, ctx.distro);
        if (!isRpmExpandedInText(doc, r, ctx.distro, scope)) continue;
        const kind = doc.lineKinds[doc.lines.lineOf(r.start)];
        if (kind === 'conditional' || kind === 'definition' || kind === 'include') continue;
        if (builtFromMacros(doc, r)) continue;
        if (emptyInHeader(doc, r, scope)) continue;
        if (argumentOfUnknownCall(doc, r, scope)) continue;
        const shown = doc.text.slice(r.start, Math.min(r.end, doc.lines.lineEnd(doc.lines.lineOf(r.start))));
        // Say what the entry will read when that is known (one short line).
        const value = scope.expand(doc.text.slice(r.start, r.end), r.start);
        if (readsTheSame(r, scope, value)) continue;
        const known = !value.uncertain && value.text.length <= 60 && !value.text.includes('\n') && value.text !== shown;
        ctx.report({
          start: r.start,
          end: r.end,
          ...(known ? { messageId: 'expandedTo', data: { shown, value: value.text } } : { messageId: 'expanded', data: { shown } }),
          fixes: [{ title: 'Escape as %%', edits: [{ start: r.start, end: r.start, newText: '%' }] }],
        });
      }
    }
  },
});

/**
 * A macro whose expansion says what its name says, for good: the package's own name, or a
 * directory macro of the profile that names the same path on every architecture and that the spec
 * does not redefine (`%{_libexecdir}` → /usr/libexec, `%{_javadir}`). The entry then reads as
 * meant (precision sample: such findings were debatable). `%{_libdir}` (lib or lib64), versions,
 * releases, commits, dates and multi-line macros are still reported.
 */
function readsTheSame(r: MacroReference, scope: MacroScope, value: { text: string; uncertain: boolean }): boolean {
  if (r.conditional || r.negated || (r.form !== 'plain' && r.form !== 'braced')) return false;
  if (r.name === 'name') return true;
  if (value.uncertain || !value.text.startsWith('/') || /\s/.test(value.text)) return false;
  if (scope.lookup(r.name, r.start).entry !== undefined) return false;
  if (lookupMacro(r.name)?.kind !== 'directory') return false;
  // `%{_libdir}/cmake/ebml` (libmatroska), `%{_libdir}/trace-cmd/python/` (trace-cmd): the start
  // of a path names the library directory, whichever it is on the build host. Alone
  // (fakechroot's `"%{_libdir}" == "/usr/lib64"`) it is about the macro and still reported.
  if (r.name === '_libdir') return scope.doc.text[r.end] === '/';
  return !/lib64/.test(value.text);
}

/**
 * A conditional reference in an entry's header to a macro defined nowhere (not in the spec, not in
 * the profile): rpm writes nothing for it, as for `%{?dist}` (libXcursor's `1.1.15-1%{?gitdate:.git}%{?dist}`,
 * left from a Release template whose `%global gitdate` is commented out). Nothing is lost.
 */
function emptyInHeader(doc: SpecDocument, r: MacroReference, scope: MacroScope): boolean {
  if (!r.conditional || r.negated) return false;
  const entry = doc.changelog.find((e) => r.start >= e.header.start && r.start < e.header.end);
  return entry !== undefined && !scope.isDefinedAnywhere(r.name) && lookupMacro(r.name) === undefined && !/^_with(?:out)?_/.test(r.name);
}

/**
 * A reference in the arguments of a call at the start of the line to a name defined nowhere we can
 * see (not in the spec, not in the profile's catalog): `%add_changelog %SOURCE3`. If rpm knows the
 * macro (from a macro file the spec loads, a build dependency's macros) it takes the rest of the
 * line as arguments and writes whatever it wants; if not, the name stays as written. Either way
 * the finding could not say what the entry becomes.
 */
function argumentOfUnknownCall(doc: SpecDocument, r: MacroReference, scope: MacroScope): boolean {
  const line = doc.lines.lineOf(r.start);
  const lineStart = doc.lines.lineStarts[line];
  const indent = /^[ \t]*/.exec(doc.text.slice(lineStart, r.start))![0].length;
  const call = refsInRange(doc, lineStart + indent, r.start).find((c) => c.start === lineStart + indent && c.depth === 0);
  if (!call || call === r || call.form !== 'plain' || call.conditional || call.negated) return false;
  return !scope.isKnownName(call.name) && !/^(?:SOURCE|PATCH)\d+$/.test(call.name);
}

/**
 * Changelog text deliberately built from macros, which rpm is meant to expand:
 * - a line that is only a macro (`%{?llvm_snapshot_changelog_entry}`): it inserts generated entries;
 * - an entry whose header date is a macro (`* %(date "+%a %b %d %Y") CI <ci@x> - …`): generated
 *   on every build, so the whole entry is;
 * - `%{?dist}` in a header's EVR (`- 1.0-2%{?dist}`): the same distribution tag in every entry;
 * - the newest entry's EVR with macros (`- %{version}-%{release}`, a template's first entry;
 *   `- 0.2.5-%autorelease`): true for the build it describes. Older entries with macros are still
 *   reported: once the spec moves on they show the new version.
 */
function builtFromMacros(doc: SpecDocument, r: MacroReference): boolean {
  // A line that is only a macro inserts generated entries (`%{?llvm_snapshot_changelog_entry}`).
  const line = doc.lines.lineOf(r.start);
  if (r.start === doc.lines.lineStarts[line] && doc.text.slice(r.end, doc.lines.lineEnd(line)).trim() === '') return true;
  const index = doc.changelog.findIndex((e) => r.start >= e.start && r.start <= e.end);
  const entry = doc.changelog[index];
  if (!entry) return false;
  const header = doc.text.slice(entry.header.start, entry.header.end);
  if (/^\*[ \t]*%/.test(header)) return true;
  if (r.start >= entry.header.end) return false;
  if (r.name === 'dist') return true;
  const evr = entry.evrSpan;
  return index === 0 && evr !== undefined && r.start >= evr.start && r.start < evr.end;
}
