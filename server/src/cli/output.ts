// Streaming the report: each file's part is formatted as soon as the file is linted (on a worker
// thread, see workers.ts) and written in the order of the targets; only the opening and the end
// of the document are written by the main thread. JSON, SARIF and Code Climate documents are
// valid at the end of any number of files without holding them all in memory.
import type { Severity } from '../service/types';
import type { OutputFormat } from './args';
import { formatCodeClimateFile } from './formatCodeClimate';
import { formatGithubFailures, formatGithubFile } from './formatGithub';
import { formatJsonFile } from './formatJson';
import { formatSarifFile, sarifHead, sarifTail } from './formatSarif';
import { formatTextFile } from './formatText';
import type { FileFailure, FileResult } from './lintCommand';

export interface FindingCounts extends Record<Severity, number> {
  /** Findings with a safe fix. */
  fixable: number;
}

export function emptyCounts(): FindingCounts {
  return { error: 0, warning: 0, information: 0, hint: 0, fixable: 0 };
}

export function countFindings(r: FileResult, into: FindingCounts = emptyCounts()): FindingCounts {
  for (const f of r.findings) {
    into[f.severity]++;
    if (f.fixes.some((x) => x.safety === 'safe')) into.fixable++;
  }
  return into;
}

export function addCounts(into: FindingCounts, more: FindingCounts): void {
  for (const k of Object.keys(into) as (keyof FindingCounts)[]) into[k] += more[k];
}

/** What the formatters need besides the result; plain data, sent to worker threads. */
export interface FormatSettings {
  format: OutputFormat;
  cwd: string;
  /** --fix was given (the JSON report then has a `fixed` count per file). */
  fix: boolean;
}

interface StreamFormat {
  /** The report part of one file ('' for none). Runs on the worker thread. */
  file(r: FileResult, s: FormatSettings): string;
  /** Before the first part. */
  begin(s: FormatSettings): string;
  /** Between two non-empty parts. */
  separator: string;
  /** After the last part. */
  end(s: FormatSettings, failures: readonly FileFailure[]): string;
  /** The whole report when no file had a part (e.g. `[]`); default begin + end. */
  empty?: string;
}

const jsonArray = (file: StreamFormat['file']): StreamFormat => ({
  file,
  begin: () => '[\n',
  separator: ',\n',
  end: () => '\n]\n',
  empty: '[]\n',
});

const FORMATS: Record<OutputFormat, StreamFormat> = {
  text: { file: (r) => formatTextFile(r), begin: () => '', separator: '', end: () => '' },
  json: jsonArray((r, s) => formatJsonFile(r, s.fix)),
  codeclimate: jsonArray((r, s) => formatCodeClimateFile(r, s.cwd)),
  github: { file: (r, s) => formatGithubFile(r, s.cwd), begin: () => '', separator: '', end: (s, failures) => formatGithubFailures(failures, s.cwd) },
  sarif: {
    file: (r, s) => formatSarifFile(r, s.cwd),
    begin: (s) => sarifHead(s.cwd) + '\n',
    separator: ',\n',
    end: (s, failures) => sarifTail(failures, s.cwd) + '\n',
  },
};

const RAW: StreamFormat = { file: () => '', begin: () => '', separator: '', end: () => '' };

export function formatFilePart(r: FileResult, s: FormatSettings): string {
  return FORMATS[s.format].file(r, s);
}

/** Writes the parts in order with the document's opening, separators and end. */
export class ReportStream {
  private started = false;
  private readonly format: StreamFormat;

  /** `raw`: the parts as they are, nothing around them (--fix-dry-run's diffs). */
  constructor(
    private readonly settings: FormatSettings,
    private readonly write: (text: string) => void,
    raw = false,
  ) {
    this.format = raw ? RAW : FORMATS[settings.format];
  }

  part(text: string): void {
    if (text === '') return;
    if (!this.started) {
      this.started = true;
      this.write(this.format.begin(this.settings) + text);
    } else {
      this.write(this.format.separator + text);
    }
  }

  finish(failures: readonly FileFailure[]): void {
    if (!this.started && this.format.empty !== undefined) {
      this.write(this.format.empty);
      return;
    }
    if (!this.started) this.write(this.format.begin(this.settings));
    this.write(this.format.end(this.settings, failures));
  }
}
