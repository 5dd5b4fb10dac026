// dkms.conf syntax tree. dkms `source`s the file as bash, so the parser understands the
// subset that dkms.conf files use (assignments, arrays, quoting) and marks anything else as
// shell code. Offsets are UTF-16 code units into DkmsDocument.text.

import type { LineIndex } from '../text/lineIndex';
import type { MessageData } from '../text/messages';
import type { Span } from '../specfile/ast';

/** A `$name` / `${name}` inside a value (in double quotes or unquoted). */
export interface DkmsVariableReference extends Span {
  name: string;
  nameSpan: Span;
  braced: boolean;
}

export interface DkmsValue extends Span {
  /** Raw text as written, quotes included. */
  raw: string;
  /** Value with quotes removed and escapes resolved; variables left as written. */
  text: string;
  /** How the value was quoted: none, '…', "…", or a mix. */
  quoting: 'none' | 'single' | 'double' | 'mixed';
  variables: DkmsVariableReference[];
  /** Contains `$(…)` or backticks. */
  hasCommandSubstitution: boolean;
}

export interface DkmsAssignment extends Span {
  /** Directive name as written (`BUILT_MODULE_NAME`). */
  name: string;
  nameSpan: Span;
  /** `NAME[3]=…` → 3; undefined when not indexed. */
  index?: number;
  /** Text of the index as written (may be a variable or expression). */
  indexText?: string;
  indexSpan?: Span;
  /** `NAME=(a b c)`: one value per element; otherwise a single value. */
  isArray: boolean;
  values: DkmsValue[];
  /** The whole right-hand side span (empty when `NAME=`). */
  valueSpan: Span;
  /** `+=` */
  append: boolean;
  line: number;
  endLine: number;
  /** Inside an `if`/function/other shell construct: dkms may or may not see it. */
  conditional: boolean;
  /** Written as `export NAME=…` (or `declare`/`local`/`readonly`). */
  exported?: boolean;
}

export interface DkmsComment extends Span {
  line: number;
}

/** A line (or group of lines) that is shell code other than a plain assignment. */
export interface DkmsShellCode extends Span {
  line: number;
  endLine: number;
  text: string;
}

/** A compound shell construct (`if … fi`, a function, a loop), for folding and outline. */
export interface DkmsBlock extends Span {
  kind: 'if' | 'case' | 'for' | 'while' | 'until' | 'select' | 'function' | 'brace';
  line: number;
  endLine: number;
  /** Function name, for `kind: 'function'`. */
  name?: string;
  /** False when the file ended before the block was closed. */
  closed: boolean;
}

export interface DkmsProblem extends Span {
  rule: string;
  /** One of the rule's messages (dkms/parseProblems.ts), and its placeholder values. */
  messageId: string;
  data?: MessageData;
  /** The rendered message. */
  message: string;
}

export interface DkmsDocument {
  text: string;
  lines: LineIndex;
  assignments: DkmsAssignment[];
  comments: DkmsComment[];
  shellCode: DkmsShellCode[];
  /** Parse-level problems (malformed lines, unclosed quotes). */
  problems: DkmsProblem[];
  /** The file uses CRLF line endings (on at least one line). */
  hasCrlf: boolean;
  /** `@VAR@`-style placeholders (templates), and `#VAR#` or `__VAR__` written as a whole value. */
  placeholders: Span[];
  /** Compound shell constructs, outermost first in order of their start. */
  blocks: DkmsBlock[];
}
