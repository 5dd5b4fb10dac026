// Who writes a changelog entry, found as rpmdev-packager finds it: the setting or --author, then
// $RPM_PACKAGER, then %packager in ~/.rpmmacros, then git config user.name / user.email.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChangelogDate } from '../service/features/chores';

export interface Packager {
  author: string;
  /** Where the name came from (for messages). */
  source: string;
}

export function findPackager(explicit: string | undefined, cwd: string, env: NodeJS.ProcessEnv = process.env, home = os.homedir()): Packager | undefined {
  if (explicit && explicit.trim()) return { author: explicit.trim(), source: 'the setting' };
  const fromEnv = env.RPM_PACKAGER?.trim();
  if (fromEnv) return { author: fromEnv, source: '$RPM_PACKAGER' };
  try {
    const macros = fs.readFileSync(path.join(home, '.rpmmacros'), 'utf8');
    const m = /^[ \t]*%packager[ \t]+(.+?)[ \t]*$/m.exec(macros);
    if (m && !m[1].includes('%')) return { author: m[1], source: '~/.rpmmacros %packager' };
  } catch {
    // no ~/.rpmmacros
  }
  const git = (key: string) => {
    try {
      return execFileSync('git', ['config', '--get', key], { cwd, encoding: 'utf8', timeout: 5000, stdio: ['ignore', 'pipe', 'ignore'], env: { ...env, GIT_TERMINAL_PROMPT: '0' } }).trim();
    } catch {
      return '';
    }
  };
  const name = git('user.name');
  const email = git('user.email');
  if (name || email) return { author: email ? `${name || email} <${email}>` : name, source: 'git config' };
  return undefined;
}

/** Today in the local time zone. */
export function localDate(now = new Date()): ChangelogDate {
  return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
}

export const NO_PACKAGER = "no packager name: set one with --author 'Name <email>' (or the specwright.changelog.author setting), RPM_PACKAGER, %packager in ~/.rpmmacros, or git config user.name and user.email";
