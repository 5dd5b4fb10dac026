// Parses rpmlint's text output: `file:line: W: id details` and `file: E: id details`.
// Summary lines ("2 packages and 0 specfiles checked; …") and anything else are ignored.

/**
 * @typedef {{ file: string, line?: number, level: 'E' | 'W' | 'I', id: string, details: string }} RpmlintFinding
 */

const FINDING = /^(.+?)(?::(\d+))?: ([EWI]): (\S+)(?: (.*))?$/;

/**
 * @param {string} output rpmlint's stdout
 * @returns {RpmlintFinding[]}
 */
export function parseRpmlintOutput(output) {
  const out = [];
  for (const raw of output.split(/\r?\n/)) {
    const line = raw.trimEnd();
    if (line === '' || /^\d+ packages? and \d+ specfiles? checked/.test(line) || line.startsWith('=')) continue;
    const m = FINDING.exec(line);
    if (!m) continue;
    /** @type {RpmlintFinding} */
    const f = { file: m[1], level: /** @type {'E'|'W'|'I'} */ (m[3]), id: m[4], details: m[5] ?? '' };
    if (m[2] !== undefined) f.line = Number(m[2]);
    out.push(f);
  }
  return out;
}

/** rpmlint's exit status: 0 clean, 64 errors, 65 warnings-as-errors / badness, 66 both; others are failures. */
export function isRpmlintResultStatus(status) {
  return status === 0 || status === 64 || status === 65 || status === 66;
}
