import type { DkmsAssignment, DkmsDocument } from '../../dkms/ast';
import type { OffsetEdit } from '../../types';
import { defineDkmsRule, type ReportFix } from '../types';
import { assignmentsOf, familyAssignments, includesOtherCode, isDynamicValue, recordIndex, replacementFor } from './_util';
import { kbuildFiles, makeTargets, normalizeRelative, recipeLines, sourceTree, topMakefile, type SourceTree, type TreeMakefile } from './_sourceTree';
import { readKbuild } from '../../dkms/kbuild';
import { trimTrailingSlashes } from '../../text/trim';

/** A module the Kbuild/Makefiles build: where the .ko lands (relative folder, '' for the top). */
interface Built {
  name: string;
  location: string;
  makefile: TreeMakefile;
  line: number;
}

/**
 * The make commands are plain make runs (dkms's default, or `make …` / `$(MAKE) …` without -f, and
 * no other commands): then the Kbuild/Makefiles say what is built. Returns the variables they set
 * on the command line, or undefined when unsure.
 */
function plainMakeCommands(doc: DkmsDocument): Set<string> | undefined {
  const overridden = new Set<string>();
  for (const a of assignmentsOf(doc, 'MAKE')) {
    for (const v of a.values) {
      const text = v.text.trim();
      if (!/^(?:'make'|"make"|make|\$\{?MAKE\}?|\$\(MAKE\))(\s|$)/.test(text)) return undefined;
      if (/&&|\|\||[;|`]|\$\(\s*(?!MAKE\)|nproc\))|(^|\s)(-f|--file|--makefile)\b/.test(text)) return undefined;
      for (const m of text.matchAll(/(?:^|\s)([A-Za-z_][A-Za-z0-9_]*)=/g)) overridden.add(m[1]);
    }
  }
  return overridden;
}

const MODULE_DIRECTIVES = new Set(['PACKAGE_NAME', 'BUILT_MODULE_NAME', 'BUILT_MODULE_LOCATION', 'DEST_MODULE_LOCATION']);

/** A Makefile or MAKE command that moves the built .ko elsewhere (the Kbuild's folder is then not where it ends up). */
const MOVES_KO = /\b(cp|mv|install|ln|rsync)\b[^\n]*\.ko\b/;

/**
 * The MAKE commands, or the Makefile recipes they run, copy or move a .ko (then the Kbuild's folder
 * is not where it ends up). `make -C <kernel> M=…` runs none of our recipes: kbuild only reads obj-m.
 */
function movesModules(doc: DkmsDocument, tree: SourceTree): boolean {
  const top = topMakefile(tree);
  const topInfo = top ? readKbuild(top.doc.text) : undefined;
  for (const a of assignmentsOf(doc, 'MAKE')) {
    for (const v of a.values) {
      if (MOVES_KO.test(v.text)) return true;
      const targets = makeTargets(v.text);
      if (targets === undefined) {
        if (/(^|\s)-C\s*"?\$/.test(v.text)) continue;
        if (tree.makefiles.some((m) => MOVES_KO.test(m.doc.text))) return true;
        continue;
      }
      if (!topInfo) continue;
      const goals = targets.length > 0 ? targets : topInfo.defaultGoal ? [topInfo.defaultGoal] : [];
      if (goals.some((g) => recipeLines(topInfo, g).some((l) => MOVES_KO.test(l.text)))) return true;
    }
  }
  return false;
}

function recordValue(doc: DkmsDocument, name: string, index: number): { a: DkmsAssignment; text: string; dynamic: boolean } | undefined {
  const list = assignmentsOf(doc, name).filter((a) => recordIndex(a) === index && a.values.length === 1);
  const a = list[list.length - 1];
  if (!a) return undefined;
  const v = a.values[0];
  return { a, text: v.text.trim(), dynamic: isDynamicValue(doc, v) };
}

const labelOf = (m: TreeMakefile, line: number) => `${m.path} line ${line + 1}`;
const showLocation = (loc: string) => (loc === '' ? 'the top of the source tree' : loc);

export default defineDkmsRule({
  id: 'dkms-built-module-mismatch',
  category: 'dkms',
  defaultSeverity: 'error',
  description: 'BUILT_MODULE_NAME or BUILT_MODULE_LOCATION does not match the module that the Kbuild/Makefile beside dkms.conf builds (obj-m)',
  fixSafety: 'unsafe',
  requires: ['PACKAGE_NAME'],
  messages: {
    notBuilt: 'BUILT_MODULE_NAME[{{index}}] "{{name}}" is not a module the Kbuild/Makefile builds ({{built}}, from obj-m): after make, dkms looks for {{name}}.ko and stops with "Build of {{name}}.ko failed" (exit 7)',
    notBuiltSpelling: 'BUILT_MODULE_NAME[{{index}}] "{{name}}" is not a module the Kbuild/Makefile builds ({{built}}, from obj-m); kbuild keeps the name as written, {{near}}: after make, dkms looks for {{name}}.ko and stops with "Build of {{name}}.ko failed" (exit 7)',
    defaultNotBuilt: 'BUILT_MODULE_NAME[0] is not set, so dkms uses PACKAGE_NAME "{{name}}", which is not a module the Kbuild/Makefile builds ({{built}}, from obj-m): after make, dkms looks for {{name}}.ko and stops with "Build of {{name}}.ko failed" (exit 7)',
    locationUnset: 'BUILT_MODULE_LOCATION[{{index}}] is not set, but {{name}}.ko is built in {{folders}} ({{where}}): after make, dkms looks for {{name}}.ko at the top of the build directory and stops with "Build of {{name}}.ko failed" (exit 7)',
    locationWrong: 'BUILT_MODULE_LOCATION[{{index}}] is "{{location}}", but {{name}}.ko is built in {{folders}} ({{where}}): after make, dkms looks for {{path}} and stops with "Build of {{name}}.ko failed" (exit 7)',
  },
  check(ctx) {
    const doc = ctx.doc;
    // set inside an `if`: which value dkms sees depends on the machine
    if (includesOtherCode(doc) || doc.assignments.some((a) => a.conditional && (a.name === 'MAKE' || MODULE_DIRECTIVES.has(a.name)))) return;
    const tree = sourceTree(ctx);
    if (tree.makefiles.length === 0) return;
    const overridden = plainMakeCommands(doc);
    if (!overridden) return;
    const files = kbuildFiles(tree, overridden);
    const built: Built[] = [];
    let complete = tree.missingMakefiles.length === 0 && tree.unlistedDirs.length === 0;
    let assignments = 0;
    const dirs = new Set(files.map((f) => f.makefile.dir));
    for (const { makefile, info } of files) {
      assignments += info.assignments;
      if (!info.complete) complete = false;
      // a sub-folder the file descends into whose Kbuild/Makefile we do not have
      for (const sub of info.subdirs) if (!dirs.has(normalizeRelative(`${makefile.dir}${sub}/`))) complete = false;
      // a recipe that runs make in another folder of the tree (`$(MAKE) -C hid-tminit`) builds what that folder's Makefile says
      for (const recipe of info.recipes.values()) {
        for (const r of recipe) {
          for (const c of r.text.matchAll(/(?:^|\s)-C\s*("?)([^\s"$]+)\1(?=\s|$)/g)) {
            if (!c[2].startsWith('/') && !dirs.has(normalizeRelative(`${makefile.dir}${trimTrailingSlashes(c[2])}/`))) complete = false;
          }
        }
      }
      for (const m of info.modules) built.push({ name: m.name, location: normalizeRelative(makefile.dir + m.dir), makefile, line: m.line });
    }
    if (assignments === 0 || built.length === 0) return;
    const moves = movesModules(doc, tree);
    const { assignments: records, dynamic } = familyAssignments(doc, 'module');
    if (dynamic) return;
    const indices = [...new Set(records.filter((a) => a.name !== 'STRIP').map((a) => recordIndex(a)!))].sort((x, y) => x - y);
    const packageName = recordValue(doc, 'PACKAGE_NAME', 0);
    const builtList = (list: Built[]) => [...new Set(list.map((b) => `${b.location}${b.name}.ko`))].join(', ');
    for (const index of indices) {
      const nameValue = recordValue(doc, 'BUILT_MODULE_NAME', index);
      // dkms names the only module after PACKAGE_NAME when BUILT_MODULE_NAME[0] is not set
      const defaulted = !nameValue && index === 0 && indices.length === 1 && assignmentsOf(doc, 'DEST_MODULE_LOCATION').length === 1;
      const source = nameValue ?? (defaulted ? packageName : undefined);
      if (!source || source.dynamic || source.text === '' || /\.k?o$/.test(source.text)) continue;
      const name = source.text;
      const matches = built.filter((b) => b.name === name);
      const sourceValue = source.a.values[0];
      if (matches.length === 0) {
        if (!complete) continue;
        const only = built.length === 1 ? built[0] : undefined;
        const near = built.find((b) => b.name.replace(/-/g, '_') === name.replace(/-/g, '_'));
        const fixes: ReportFix[] = [];
        if (only && indices.length === 1) {
          fixes.push(
            defaulted
              ? { title: `Set BUILT_MODULE_NAME[0]="${only.name}"`, edits: [insertAfter(doc, source.a, `BUILT_MODULE_NAME[0]="${only.name}"`)] }
              : { title: `Set BUILT_MODULE_NAME[${index}] to ${only.name}`, edits: [replacementFor(sourceValue, only.name)] },
          );
        }
        ctx.report({
          start: sourceValue.start,
          end: sourceValue.end,
          messageId: defaulted ? 'defaultNotBuilt' : near ? 'notBuiltSpelling' : 'notBuilt',
          data: { index, name, built: builtList(built), near: near?.name ?? '' },
          fixes,
          related: built.slice(0, 4).map((b) => relatedAt(b, `obj-m builds ${b.name}.ko`)),
        });
        continue;
      }
      // Without a Kbuild/Makefile at the top, dkms.conf's folder is not laid out as the source tree
      // dkms gets (a packaging folder whose spec copies src/ to /usr/src/<name>-<version>/).
      if (moves || !tree.makefiles.some((m) => m.dir === '')) continue;
      const locValue = recordValue(doc, 'BUILT_MODULE_LOCATION', index);
      if (locValue?.dynamic) continue;
      const location = locValue ? normalizeRelative(`${trimTrailingSlashes(locValue.text)}/`).replace(/^\/$/, '') : '';
      if (matches.some((b) => b.location === location)) continue;
      const target = matches.length === 1 || new Set(matches.map((b) => b.location)).size === 1 ? matches[0] : undefined;
      const fixes: ReportFix[] = [];
      if (target) {
        const loc = target.location;
        if (locValue) fixes.push({ title: `Set BUILT_MODULE_LOCATION[${index}] to "${loc}"`, edits: [replacementFor(locValue.a.values[0], loc)] });
        else if (nameValue) fixes.push({ title: `Set BUILT_MODULE_LOCATION[${index}]="${loc}"`, edits: [insertAfter(doc, nameValue.a, `BUILT_MODULE_LOCATION[${index}]="${loc}"`)] });
      }
      const at = locValue ? locValue.a.values[0] : sourceValue;
      ctx.report({
        start: at.start,
        end: at.end,
        messageId: locValue ? 'locationWrong' : 'locationUnset',
        data: {
          index,
          name,
          location: locValue?.text ?? '',
          path: `${location}${name}.ko`,
          folders: matches.map((b) => showLocation(b.location)).filter((x, i, all) => all.indexOf(x) === i).join(' or '),
          where: labelOf(matches[0].makefile, matches[0].line),
        },
        fixes,
        related: matches.slice(0, 4).map((b) => relatedAt(b, `obj-m builds ${b.name}.ko here`)),
      });
    }
  },
});

function relatedAt(b: Built, message: string) {
  const lineText = b.makefile.doc.text.split(/\r?\n/)[b.line] ?? '';
  return { start: 0, end: 0, uri: b.makefile.doc.uri, range: { start: { line: b.line, character: 0 }, end: { line: b.line, character: lineText.length } }, message };
}

/** A new line after an assignment's line. */
function insertAfter(doc: DkmsDocument, a: DkmsAssignment, line: string): OffsetEdit {
  const end = doc.lines.lineEnd(a.endLine);
  const eol = doc.hasCrlf ? '\r\n' : '\n';
  return { start: end, end, newText: `${eol}${line}` };
}
