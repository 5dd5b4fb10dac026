// The external tools on one spec: what to run (an invocation) and how to read the result.
// The language server runs the plans with ToolRunner (async, cancellable), the CLI with
// runToolSync; both interpret the same way.
import fs from 'node:fs';
import path from 'node:path';
import type { SpecDocument } from '../../service/specfile/ast';
import { extractShellBodies } from '../../service/shell/extract';
import type { Finding } from '../../service/types';
import { rpmlintrcNames } from '../rpmlintrc';
import { interpretRpmlint, rpmlintChecks, rpmlintInvocation } from './rpmlint';
import { interpretRpmspec, rpmspecInvocation } from './rpmspec';
import type { ToolInvocation, ToolResult } from './run';
import { interpretShellcheck, shellcheckInvocation } from './shellcheck';
import { ANY_OWN_ERROR, type ToolFinding, type ToolName, type ToolReport } from './types';

export interface ToolSetting {
  enable: boolean;
  /** Program name or path; empty disables the tool. Machine-scoped: never from a workspace. */
  path: string;
  /**
   * Named in a `specwright.externalTools` list: a missing program is then worth a message. Under
   * `auto` a tool runs where it is installed, and its absence is only logged.
   */
  explicit?: boolean;
}

export type ToolSettings = Record<ToolName, ToolSetting>;

/** `auto`: rpmlint and shellcheck where installed (and the workspace trusted); rpmspec only when enabled. */
export const DEFAULT_TOOL_SETTINGS: ToolSettings = {
  rpmlint: { enable: true, path: 'rpmlint' },
  shellcheck: { enable: true, path: 'shellcheck' },
  rpmspec: { enable: false, path: 'rpmspec' },
};

/** A spec to check: its text, parsed, and where it lives. */
export interface SpecTarget {
  doc: SpecDocument;
  text: string;
  /** The spec's file name (`foo.spec`); `untitled.spec` for an unsaved document. */
  fileName: string;
  /** Absolute path on disk, for a file: document. */
  filePath?: string;
}

export interface ToolPlan {
  tool: ToolName;
  invocation: ToolInvocation;
  interpret(result: ToolResult): ToolReport;
}

/** The content on disk equals the text: the tool may read the file itself (and find files next to it). */
function sameOnDisk(filePath: string | undefined, text: string): boolean {
  if (!filePath) return false;
  try {
    return fs.readFileSync(filePath, 'utf8') === text;
  } catch {
    return false;
  }
}

/** The rpmlintrc rpmlint should load for the spec (the most specific one next to it). */
export function findRpmlintrc(filePath: string | undefined): string | undefined {
  if (!filePath) return undefined;
  const dir = path.dirname(filePath);
  for (const name of rpmlintrcNames(filePath)) {
    const p = path.join(dir, name);
    try {
      if (fs.statSync(p).isFile()) return p;
    } catch {
      // not there
    }
  }
  return undefined;
}

/** The nearest .shellcheckrc at or above the spec's directory (its text), if any. */
export function findShellcheckrc(dir: string | undefined): string | undefined {
  for (let d = dir; d; ) {
    try {
      return fs.readFileSync(path.join(d, '.shellcheckrc'), 'utf8');
    } catch {
      // not here
    }
    const parent = path.dirname(d);
    if (parent === d) break;
    d = parent;
  }
  return undefined;
}

/** What to run for `tool` on the spec, or undefined when there is nothing to check. */
export function planTool(tool: ToolName, command: string, target: SpecTarget): ToolPlan | undefined {
  const dir = target.filePath ? path.dirname(target.filePath) : undefined;
  const onDisk = sameOnDisk(target.filePath, target.text) ? target.filePath : undefined;
  switch (tool) {
    case 'rpmlint': {
      if (!rpmlintChecks(target.fileName)) return undefined;
      const invocation = rpmlintInvocation({ command, fileName: target.fileName, text: target.text, specPath: onDisk, dir, rpmlintrc: findRpmlintrc(target.filePath) });
      return { tool, invocation, interpret: (r) => interpretRpmlint(r, target.doc) };
    }
    case 'shellcheck': {
      const bodies = extractShellBodies(target.doc);
      if (bodies.length === 0) return undefined;
      return { tool, invocation: shellcheckInvocation(command, bodies, dir, findShellcheckrc(dir)), interpret: (r) => interpretShellcheck(r, target.doc, bodies) };
    }
    case 'rpmspec': {
      const invocation = rpmspecInvocation({ command, fileName: target.fileName, text: target.text, specPath: onDisk, dir });
      return { tool, invocation, interpret: (r) => interpretRpmspec(r, target.doc) };
    }
  }
}

/**
 * Whether a finding of ours makes the tool finding redundant (same check, same line; ours
 * carries the fix). rpmlint ids Specwright implements are dropped earlier, whatever the line
 * (rpmlint.ts supersededBy); this is for what remains, such as rpm's parse errors.
 */
export function isDuplicate(
  f: { duplicates?: string[]; lineless?: boolean; range: { start: { line: number } } },
  own: readonly { rule: string; line: number; severity?: string }[],
): boolean {
  const rules = f.duplicates;
  if (!rules || rules.length === 0) return false;
  const anyError = rules.includes(ANY_OWN_ERROR);
  return own.some((o) => (rules.includes(o.rule) || (anyError && o.severity === 'error')) && (f.lineless || o.line === f.range.start.line));
}

/** A tool finding as a CLI finding: rule `<tool>/<code>` (see types.ts cliRuleId). */
export function toCliFinding(f: ToolFinding): Finding {
  return {
    rule: `${f.tool}/${f.code}`,
    severity: f.severity,
    message: f.message,
    range: f.range,
    fixes: f.fixes,
    ...(f.tags ? { tags: f.tags } : {}),
  };
}

export { extractShellBodies };
export type { ToolFinding, ToolName, ToolReport };
