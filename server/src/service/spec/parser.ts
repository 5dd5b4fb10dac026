// TEMPORARY STUB: the real parser is being written.
import { LineIndex } from '../text/lineIndex';
import type { SpecDocument } from './ast';

export function parseSpec(text: string): SpecDocument {
  const lines = new LineIndex(text);
  return {
    text, lines, isTemplate: false, sections: [], packages: [], tags: [], macroReferences: [], macroDefinitions: [],
    buildConditionals: [], conditionals: [], includes: [], comments: [], changelog: [], placeholders: [], problems: [],
    lineKinds: [], lineSection: new Int32Array(lines.lineCount), lineConditional: [],
  };
}
