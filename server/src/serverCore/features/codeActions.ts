// Code actions, after vscode-eslint: per diagnostic the rule's fixes, "Disable <id> for this
// line", and "Fix all <id> problems in file"; plus source.fixAll.specwright (every safe fix).
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import { continuesOnNextLine } from '../../service/rules/suppressions';
import { LineIndex } from '../../service/text/lineIndex';
import type { DocumentInput, Finding, Fix } from '../../service/types';
import { safeFixes, selectNonOverlapping } from '../../node/fixes';
import type { ServerContext } from '../context';
import { DIAGNOSTIC_SOURCE, isDiagnosticData } from '../diagnostics';
import type { Feature } from '../feature';
import { runSafe } from '../runSafe';
import { externalToolCodeActions } from './externalTools';
import { EXPLAIN_RULE_COMMAND, PLACE_CURSOR_COMMAND } from '../../protocol';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.specwright`;

const DIRECTIVE = /^(\s*#\s*specwright:\s*disable-next-line\b)(.*)$/;

function sameRange(a: Diagnostic['range'], b: Finding['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function wanted(only: string[] | undefined, kind: string): boolean {
  return !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** Inserts (or extends) `# specwright: disable-next-line <id>` above the diagnostic's line. */
export function disableLineEdit(input: DocumentInput, line: number, rule: string): TextEdit | undefined {
  const lines = new LineIndex(input.text);
  if (line < 0 || line >= lines.lineCount) return undefined;
  // A comment inside a backslash continuation would end the command early: put it above the
  // command's first line (the suppression covers the whole continued command).
  while (line > 0 && continuesOnNextLine(lines, line - 1)) line--;
  const previous = line > 0 ? DIRECTIVE.exec(lines.lineText(line - 1)) : null;
  if (previous) {
    const ids = previous[2].split(/[\s,]+/).filter(Boolean);
    // Already disabled (an empty list disables every rule).
    if (ids.length === 0 || ids.includes(rule)) return undefined;
    const end = { line: line - 1, character: lines.lineText(line - 1).trimEnd().length };
    return { range: { start: end, end }, newText: ` ${rule}` };
  }
  const indent = /^[ \t]*/.exec(lines.lineText(line))![0];
  const start = { line, character: 0 };
  return { range: { start, end: start }, newText: `${indent}# specwright: disable-next-line ${rule}${lines.eol}` };
}

function fixAction(uri: string, fix: Fix, diagnostic: Diagnostic, preferred: boolean, placeCursor: boolean): CodeAction {
  const action: CodeAction = {
    title: fix.title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: preferred,
    edit: { changes: { [uri]: fix.edits } },
  };
  // The client runs the command after applying the edit: the cursor goes where the user types
  // next. An insertion without a line break ends on its own line, newText.length UTF-16 units on.
  const first = fix.edits[0];
  if (placeCursor && fix.cursorAfterEdit && first && !/[\r\n]/.test(first.newText)) {
    const position = { line: first.range.start.line, character: first.range.start.character + first.newText.length };
    action.command = { title: 'Place the cursor', command: PLACE_CURSOR_COMMAND, arguments: [uri, position] };
  }
  return action;
}

async function codeActions(ctx: ServerContext, params: CodeActionParams): Promise<CodeAction[]> {
  const uri = params.textDocument.uri;
  const input = ctx.input(uri);
  if (!input) return [];
  const only = params.context.only;
  const ours = params.context.diagnostics.filter((d) => d.source === DIAGNOSTIC_SOURCE && typeof d.code === 'string');
  const needFixAll = wanted(only, FIX_ALL_KIND) && (only !== undefined || ours.length > 0);
  // Findings of the current version, computed once when some diagnostic's data is stale or absent.
  let current: Finding[] | undefined;
  const findings = async () => (current ??= (await ctx.lint(uri))?.result.findings ?? []);

  const actions: CodeAction[] = [];
  if (wanted(only, CodeActionKind.QuickFix)) {
    const fixAllOffered = new Set<string>();
    for (const diagnostic of ours) {
      const rule = diagnostic.code as string;
      let fixes: Fix[];
      if (isDiagnosticData(diagnostic.data) && diagnostic.data.version === input.version) fixes = diagnostic.data.fixes;
      else fixes = (await findings()).find((f) => f.rule === rule && sameRange(diagnostic.range, f.range))?.fixes ?? [];
      fixes.forEach((fix, i) => actions.push(fixAction(uri, fix, diagnostic, i === 0 && fix.safety === 'safe', ctx.placeCursorCommand)));

      const disable = disableLineEdit(input, diagnostic.range.start.line, rule);
      if (disable) {
        actions.push({ title: `Disable ${rule} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [uri]: [disable] } } });
      }

      if (!fixAllOffered.has(rule) && fixes.some((f) => f.safety === 'safe')) {
        fixAllOffered.add(rule);
        const all = safeFixes(await findings(), rule);
        if (all.length > 1) {
          const { edits } = selectNonOverlapping(input.text, all);
          actions.push({ title: `Fix all ${rule} problems in file`, kind: CodeActionKind.QuickFix, edit: { changes: { [uri]: edits } } });
        }
      }
    }
  }
  // "Show documentation for <id>": the rule's page, shipped with the extension (works offline).
  if (ctx.explainRuleCommand && wanted(only, CodeActionKind.QuickFix)) {
    const explained = new Set<string>();
    for (const diagnostic of ours) {
      const rule = diagnostic.code as string;
      if (explained.has(rule)) continue;
      explained.add(rule);
      actions.push({ title: `Show documentation for ${rule}`, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], command: { title: `Show documentation for ${rule}`, command: EXPLAIN_RULE_COMMAND, arguments: [rule] } });
    }
  }
  if (needFixAll) {
    const all = safeFixes(await findings());
    if (all.length > 0) {
      const { edits } = selectNonOverlapping(input.text, all);
      actions.push({ title: 'Fix all auto-fixable Specwright problems', kind: FIX_ALL_KIND, edit: { changes: { [uri]: edits } } });
    }
  }
  // Rewrites not tied to a finding (%setup + %patch → %autosetup).
  if (wanted(only, CodeActionKind.RefactorRewrite)) {
    for (const r of ctx.service.refactorings(input, params.range)) actions.push({ title: r.title, kind: CodeActionKind.RefactorRewrite, edit: { changes: { [uri]: r.edits } } });
  }
  // shellcheck's own fixes (and any other external tool's) for the diagnostics it published.
  if (wanted(only, CodeActionKind.QuickFix)) {
    actions.push(...externalToolCodeActions(uri, input.version, params.context.diagnostics.filter((d) => d.source !== DIAGNOSTIC_SOURCE)));
  }
  return actions;
}

export const codeActionsFeature: Feature = {
  name: 'codeActions',
  capabilities: () => ({ codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, FIX_ALL_KIND] } }),
  register(ctx) {
    ctx.connection.onCodeAction(runSafe(ctx.log, 'codeAction', [], (params) => codeActions(ctx, params)));
  },
};
