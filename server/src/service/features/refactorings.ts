// Refactorings offered as code actions (not tied to a finding).
// `%setup` followed by a run of `%patch` lines → `%autosetup -pN`, when the rewrite means the
// same build: one unconditional %setup, every declared patch applied exactly once, in number order,
// each with the same -pN and no other option, nothing but blank lines between them.
import type { SpecDocument } from '../specfile/ast';
import { declaredPatches, patchApplications } from '../specfile/patches';
import type { Range, TextEdit } from '../types';

export interface Refactoring {
  title: string;
  edits: TextEdit[];
}

function autosetupRewrite(doc: SpecDocument, range: Range): Refactoring | undefined {
  const setups = doc.macroReferences.filter((m) => (m.form === 'plain' || m.form === 'braced') && m.name === 'setup' && !m.conditional);
  if (setups.length !== 1) return undefined;
  if (doc.macroReferences.some((m) => m.name === 'autosetup' || m.name === 'autopatch')) return undefined;
  const setup = setups[0];
  const setupLine = doc.lines.lineOf(setup.start);
  const prep = doc.sections[doc.lineSection[setupLine]];
  if (prep?.kind !== 'prep' || doc.lineConditional[setupLine] !== 0) return undefined;
  const lineStart = doc.lines.lineStarts[setupLine];
  if (doc.text.slice(lineStart, setup.start).trim() !== '') return undefined;
  // %setup options that %autosetup takes too; -q is implied (and an error for %autosetup).
  const setupWords = doc.text.slice(setup.end, doc.lines.lineEnd(setupLine)).trim().split(/\s+/).filter(Boolean);
  const kept: string[] = [];
  for (let i = 0; i < setupWords.length; i++) {
    const w = setupWords[i];
    if (w === '-q') continue;
    if (/^-[cDT]$/.test(w)) kept.push(w);
    else if (/^-[nab]$/.test(w) && i + 1 < setupWords.length) kept.push(w, setupWords[++i]);
    else if (/^-[ab]\d+$/.test(w)) kept.push(w);
    else return undefined;
  }
  const apps = patchApplications(doc);
  if (apps.length === 0) return undefined;
  let strip: string | undefined;
  const lines: number[] = [];
  for (const a of apps) {
    const line = doc.lines.lineOf(a.ref.start);
    if (doc.lineSection[line] !== doc.lineSection[setupLine] || doc.lineConditional[line] !== 0 || a.dynamic || a.numbers.length !== 1) return undefined;
    if (doc.text.slice(doc.lines.lineStarts[line], a.ref.start).trim() !== '') return undefined;
    // Only the number and -pN.
    const words = doc.text.slice(a.argsStart, a.argsEnd).trim().split(/\s+/).filter(Boolean);
    let p: string | undefined;
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (/^-p\d+$/.test(w)) p = w.slice(2);
      else if (w === '-p' && /^\d+$/.test(words[i + 1] ?? '')) p = words[++i];
      else if (w === '-P' && /^\d+$/.test(words[i + 1] ?? '')) i++;
      else if (/^-P\d+$/.test(w) || /^\d+$/.test(w)) continue;
      else return undefined;
    }
    p ??= '0';
    if (strip !== undefined && strip !== p) return undefined;
    strip = p;
    lines.push(line);
  }
  // Every declared patch once, in number order (the order %autosetup applies them).
  const declared = declaredPatches(doc);
  if (declared.uncertain) return undefined;
  const applied = apps.map((a) => a.numbers[0].value);
  const wanted = [...declared.numbers].sort((x, y) => x - y);
  if (applied.length !== wanted.length || applied.some((n, i) => n !== wanted[i])) return undefined;
  // setup, then the patches, with only blank lines between.
  const last = lines[lines.length - 1];
  for (let l = setupLine + 1; l <= last; l++) {
    if (lines.includes(l)) continue;
    if (doc.lines.lineText(l).trim() !== '') return undefined;
  }
  if (range.end.line < setupLine || range.start.line > last) return undefined;
  const newText = ['%autosetup', `-p${strip}`, ...kept].join(' ');
  return {
    title: `Replace %setup and ${apps.length} %patch line${apps.length === 1 ? '' : 's'} with ${newText}`,
    edits: [{ range: doc.lines.range(lineStart, doc.lines.lineEnd(last)), newText }],
  };
}

export function specRefactorings(doc: SpecDocument, range: Range): Refactoring[] {
  const out: Refactoring[] = [];
  const autosetup = autosetupRewrite(doc, range);
  if (autosetup) out.push(autosetup);
  return out;
}
