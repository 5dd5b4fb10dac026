import { dkmsCalls, type ScriptCommand } from '../../specfile/dkmsScriptlets';
import { defineSpecRule } from '../types';

function words(c: ScriptCommand): string[] {
  return c.words.filter((w) => !w.redirect).map((w) => w.text);
}

/** The and-or list of the call ends in an `||` handler, or the call feeds a pipe or a condition. */
function handled(seq: ScriptCommand[], index: number): boolean {
  const cmd = seq[index];
  if (cmd.leading.some((w) => w === 'if' || w === 'elif' || w === 'while' || w === 'until' || w === '!')) return true;
  // `x | dkms …` / `dkms … | y`
  if (cmd.after === '|' || cmd.before === '|') return true;
  for (let j = index; j < seq.length; j++) {
    const after = seq[j].after;
    if (after === '||') return true;
    if (after !== '&&' && after !== '|') break;
  }
  // `dkms … && other` followed by `||` on the next command is caught above; `&&` after the call
  // under set -e is not fatal
  return false;
}

/** `set -e`, `set -eu`, `set -o errexit` before the call. */
function errexitBefore(seq: ScriptCommand[], index: number): boolean {
  for (let j = 0; j < index; j++) {
    const w = words(seq[j]);
    const k = seq[j].nameIndex;
    if (k < 0 || seq[j].words[k].text !== 'set') continue;
    const args = w.slice(w.indexOf('set') + 1);
    if (args.some((a) => /^-[a-z]+$/.test(a) && a.includes('e')) || (args.includes('-o') && args.includes('errexit'))) return true;
  }
  return false;
}

/** No command after the call runs on its success path: its status is the scriptlet's. */
function isLast(seq: ScriptCommand[], index: number): boolean {
  let skipping = 0; // depth of the if/case block whose other arms we skip
  for (let j = index + 1; j < seq.length; j++) {
    const c = seq[j];
    const name = c.nameIndex >= 0 ? c.words[c.nameIndex].text : undefined;
    const opens = c.leading.some((w) => w === 'if' || w === 'while' || w === 'until' || w === 'case' || w === 'for' || w === 'select');
    const closes = c.leading.filter((w) => w === 'fi' || w === 'done' || w === 'esac').length;
    // `else`, `elif` or a case pattern (`remove)`, `(0)`)
    const otherArm = c.leading.some((w) => w === 'else' || w === 'elif' || w.endsWith(')'));
    if (skipping > 0) {
      if (opens) skipping++;
      skipping -= closes;
      if (skipping < 0) skipping = 0;
      continue;
    }
    if (otherArm) {
      skipping = 1 - closes;
      continue;
    }
    if (opens) return false;
    if (name === undefined) continue; // fi, done, esac, }
    if (name === 'exit') {
      const arg = c.words[c.nameIndex + 1]?.text;
      return arg === undefined || /^"?\$\?"?$/.test(arg);
    }
    return false;
  }
  return true;
}

export default defineSpecRule({
  id: 'dkms-scriptlet-can-fail',
  category: 'dkms',
  defaultSeverity: 'warning',
  description: 'A dkms command can make its scriptlet fail (no `|| :`, last command, or under set -e)',
  fixSafety: 'safe',
  messages: {
    canFail: '`dkms {{text}}` fails whenever the module does not build or is already gone, and {{why}}: {{effect}}. Append `|| :`',
  },
  check(ctx) {
    const doc = ctx.doc;
    for (const call of dkmsCalls(doc)) {
      if (call.definition || !call.action) continue;
      if (!['add', 'build', 'install', 'remove', 'uninstall', 'unbuild', 'autoinstall', 'ldtarball'].includes(call.action.text)) continue;
      const seq = call.sequence;
      if (handled(seq, call.index)) continue;
      const errexit = errexitBefore(seq, call.index);
      const cmd = seq[call.index];
      const last = isLast(seq, call.index);
      if (!last && !(errexit && cmd.after !== '&&')) continue;
      const scriptlet = `%${call.section.name}`;
      const effect = call.section.name === 'preun' || call.section.name === 'pre' || call.section.name === 'pretrans'
        ? 'rpm then refuses to remove or upgrade the package'
        : 'rpm then reports the transaction as failed';
      const why = last ? `it is the last command of ${scriptlet}, so its exit status is the scriptlet's` : `${scriptlet} runs under set -e`;
      const end = cmd.words[cmd.words.length - 1].end;
      const canFix = cmd.after === '' || cmd.after === ';';
      ctx.report({
        start: call.exe.start,
        end: call.argsEnd,
        messageId: 'canFail', data: { text: call.action.text, why, effect },
        fixes: canFix ? [{ title: 'Append `|| :`', safety: 'safe', edits: [{ start: end, end, newText: ' || :' }] }] : [],
      });
    }
  },
});
