// SARIF 2.1.0, as GitHub code scanning reads it: one run, every rule in the driver,
// results with 1-based regions relative to %SRCROOT% (the working directory).
import path from 'node:path';
import { URI } from 'vscode-uri';
import { ALL_RULES, ruleDocUrl } from '../service/rules/registry';
import type { Range, Severity, SeverityOrOff } from '../service/types';
import type { FileFailure, FileResult } from './lintCommand';
import { indentedJson } from './formatJson';
import { VERSION } from './version';
import { plainMessage } from '../service/text/plainText';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const INFORMATION_URI = 'https://github.com/specwright/specwright';

type SarifLevel = 'error' | 'warning' | 'note' | 'none';

function level(severity: Severity | SeverityOrOff): SarifLevel {
  if (severity === 'error') return 'error';
  if (severity === 'warning') return 'warning';
  if (severity === 'off') return 'none';
  return 'note';
}

function region(range: Range) {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}

/** A relative, percent-encoded URI under %SRCROOT%, or an absolute file URI outside it. */
export function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  const abs = path.resolve(cwd, file);
  const rel = path.relative(cwd, abs);
  if (rel === '' || rel.startsWith('..') || path.isAbsolute(rel)) return { uri: URI.file(abs).toString() };
  return { uri: rel.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

/** One file's results, each pretty-printed at its depth in the document, joined by commas. */
export function formatSarifFile(r: FileResult, cwd: string): string {
  return sarifResults(r, cwd)
    .map((x) => indentedJson(x, RESULTS_DEPTH))
    .join(',\n');
}

/** Plain text for every viewer; the Markdown form (code in backticks) where the message has some. */
function sarifMessage(message: string): { text: string; markdown?: string } {
  const text = plainMessage(message);
  return text === message ? { text } : { text, markdown: message };
}

function sarifResults(r: FileResult, cwd: string) {
  const location = artifactLocation(r.file, cwd);
  return r.findings.map((f) => ({
    ruleId: f.rule,
    ...(ruleIndex().has(f.rule) ? { ruleIndex: ruleIndex().get(f.rule) } : {}),
    level: level(f.severity),
    message: sarifMessage(f.message),
    locations: [{ physicalLocation: { artifactLocation: location, region: region(f.range) } }],
    ...(f.related && f.related.length > 0
      ? {
          relatedLocations: f.related.map((x, id) => ({
            id,
            message: sarifMessage(x.message),
            physicalLocation: {
              artifactLocation: x.uri ? artifactLocation(URI.parse(x.uri).fsPath, cwd) : location,
              region: region(x.range),
            },
          })),
        }
      : {}),
    ...(f.fixes.length > 0
      ? {
          fixes: f.fixes.map((x) => ({
            description: { text: x.title },
            artifactChanges: [
              {
                artifactLocation: location,
                replacements: x.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })),
              },
            ],
            properties: { safety: x.safety },
          })),
        }
      : {}),
  }));
}

let ruleIndexMap: Map<string, number> | undefined;
function ruleIndex(): Map<string, number> {
  ruleIndexMap ??= new Map(ALL_RULES.map((r, i) => [r.id, i]));
  return ruleIndexMap;
}

/** Depth of an element of runs[0].results in the pretty-printed log. */
const RESULTS_DEPTH = 4;
const RESULTS_PLACEHOLDER = '@@specwright-results@@';

function sarifLog(failures: readonly FileFailure[], cwd: string, results: unknown[]) {
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'specwright',
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: INFORMATION_URI,
            rules: ALL_RULES.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.description },
              helpUri: ruleDocUrl(r.id),
              defaultConfiguration: { level: level(r.defaultSeverity), enabled: r.defaultSeverity !== 'off' },
              properties: { language: r.language, category: r.category, fixSafety: r.fixSafety, ...(r.rpmlintId ? { rpmlintId: r.rpmlintId } : {}) },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: URI.file(cwd).toString().replace(/\/?$/, '/') } },
        // results come before invocations so that they can be streamed: the failures are known at the end.
        results,
        invocations: [
          {
            executionSuccessful: failures.length === 0,
            toolExecutionNotifications: failures.map((f) => ({
              level: 'error',
              message: { text: `${f.file}: ${f.message}` },
              locations: [{ physicalLocation: { artifactLocation: artifactLocation(f.file, cwd) } }],
            })),
          },
        ],
      },
    ],
  };
}

/** The log up to the opening of runs[0].results (streamed documents start with this). */
export function sarifHead(cwd: string): string {
  const text = JSON.stringify(sarifLog([], cwd, [RESULTS_PLACEHOLDER]), null, 2);
  return text.slice(0, text.indexOf(`"${RESULTS_PLACEHOLDER}"`)).replace(/\s+$/, '');
}

/** The rest of the log after the last result. */
export function sarifTail(failures: readonly FileFailure[], cwd: string): string {
  const text = JSON.stringify(sarifLog(failures, cwd, [RESULTS_PLACEHOLDER]), null, 2);
  const at = text.indexOf(`"${RESULTS_PLACEHOLDER}"`) + RESULTS_PLACEHOLDER.length + 2;
  return text.slice(at);
}
