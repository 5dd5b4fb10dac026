// GitLab Code Quality (a subset of the Code Climate issue format): a JSON array of issues,
// each with a description, check_name, fingerprint, severity and a location with a path relative
// to the project root (the working directory) and a begin line.
// https://docs.gitlab.com/ci/testing/code_quality/#code-quality-report-format
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Severity } from '../service/types';
import { indentedJson } from './formatJson';
import type { FileResult } from './lintCommand';
import { plainMessage } from '../service/text/plainText';

function severity(s: Severity): 'major' | 'minor' | 'info' {
  return s === 'error' ? 'major' : s === 'warning' ? 'minor' : 'info';
}

/** The path GitLab shows: relative to the project root, with forward slashes. */
function reportPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, path.resolve(cwd, file));
  return (rel.startsWith('..') || path.isAbsolute(rel) ? path.resolve(cwd, file) : rel).split(path.sep).join('/');
}

/**
 * The issues of one file, comma-separated. The fingerprint identifies an issue across commits
 * (GitLab compares a merge request's report with the target branch's): path, rule, message and
 * the how-many-th such finding it is in the file, but not the line, which moves with every edit above it.
 */
export function formatCodeClimateFile(r: FileResult, cwd: string): string {
  const file = reportPath(r.file, cwd);
  const seen = new Map<string, number>();
  return r.findings
    .map((f) => {
      const identity = `${file}\0${f.rule}\0${f.message}`;
      const n = (seen.get(identity) ?? 0) + 1;
      seen.set(identity, n);
      const issue = {
        type: 'issue',
        check_name: f.rule,
        description: `${plainMessage(f.message)} [${f.rule}]`,
        categories: [f.severity === 'error' ? 'Bug Risk' : 'Style'],
        severity: severity(f.severity),
        fingerprint: createHash('md5').update(`${identity}\0${n}`).digest('hex'),
        location: { path: file, lines: { begin: f.range.start.line + 1, end: f.range.end.line + 1 } },
      };
      return indentedJson(issue, 1);
    })
    .join(',\n');
}
