// `specwright lint --with rpmlint,shellcheck,rpmspec`: the same adapters as the language server,
// run synchronously, their findings added with rule `<tool>/<code>` (e.g. `rpmlint/no-documentation`,
// `shellcheck/SC2086`, `rpmspec/error`). The command line is the user's own decision, so it
// counts as trusted; tool paths come from `--with tool=path` or PATH.
import path from 'node:path';
import { parseSpec } from '../../service/specfile/parser';
import type { Finding } from '../../service/types';
import { isDuplicate, planTool, toCliFinding } from './index';
import { runToolSync, type SpawnSyncFunction } from './run';
import { TOOL_NAMES, type ToolName } from './types';

export interface CliTool {
  tool: ToolName;
  /** Program name or path. */
  path: string;
}

/** Parses `rpmlint,shellcheck=/opt/bin/shellcheck`; returns an error message for a bad item. */
export function parseWithList(value: string): { tools: CliTool[] } | { error: string; item: string } {
  const tools: CliTool[] = [];
  for (const item of value.split(',').map((s) => s.trim()).filter(Boolean)) {
    const eq = item.indexOf('=');
    const name = eq < 0 ? item : item.slice(0, eq);
    const program = eq < 0 ? name : item.slice(eq + 1);
    if (!(TOOL_NAMES as readonly string[]).includes(name)) return { error: `unknown tool '${name}' (known: ${TOOL_NAMES.join(', ')})`, item: name };
    if (program === '') return { error: `empty path for ${name}`, item: name };
    tools.push({ tool: name as ToolName, path: program });
  }
  return { tools };
}

export class CliToolSession {
  /** Tools that were not found (reported once, then skipped). */
  readonly missing = new Set<ToolName>();

  constructor(
    private readonly tools: CliTool[],
    private readonly report: (message: string) => void,
    private readonly spawnSync?: SpawnSyncFunction,
  ) {}

  /** Findings of every requested tool on one spec, minus those our own findings already cover. */
  findings(file: string, text: string, own: readonly Finding[]): Finding[] {
    if (!/\.spec(\.in)?$/i.test(file)) return [];
    const doc = parseSpec(text);
    const target = { doc, text, fileName: path.basename(file), filePath: path.resolve(file) };
    const ownLines = own.map((f) => ({ rule: f.rule, line: f.range.start.line, severity: f.severity }));
    const out: Finding[] = [];
    for (const { tool, path: command } of this.tools) {
      if (this.missing.has(tool)) continue;
      const plan = planTool(tool, command, target);
      if (!plan) continue;
      const report = plan.interpret(runToolSync(plan.invocation, { trusted: true, spawnSync: this.spawnSync }));
      if (report.problem) {
        if (report.problem.kind === 'not-found') {
          this.missing.add(tool);
          this.report(`specwright: ${tool} was not found ('${command}'): its checks are skipped\n`);
          continue;
        }
        this.report(`${file}: ${tool}: ${report.problem.message}\n`);
      }
      for (const f of report.findings) if (!isDuplicate(f, ownLines)) out.push(toCliFinding(f));
    }
    return out;
  }
}
