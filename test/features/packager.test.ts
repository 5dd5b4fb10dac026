// Who writes a changelog entry (server/src/node/packager.ts): the setting or --author, then
// $RPM_PACKAGER, then %packager in ~/.rpmmacros, then git config user.name / user.email.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { findPackager, localDate } from '../../server/src/node/packager';
import { tempDir } from '../cli/helpers';

/** A scratch home and work folder; git reads no global or system configuration. */
function scratch() {
  const t = tempDir();
  const home = path.join(t.dir, 'home');
  const work = path.join(t.dir, 'work');
  fs.mkdirSync(home);
  fs.mkdirSync(work);
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: home, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: path.join(home, '.gitconfig') };
  const git = (...args: string[]) => spawnSync('git', args, { cwd: work, env }).status === 0;
  return { ...t, home, work, env, git };
}

describe('finding the packager', () => {
  it('the setting (or --author) first, then $RPM_PACKAGER, then ~/.rpmmacros %packager, then git config', (t) => {
    const s = scratch();
    try {
      if (!s.git('init', '-q')) { t.skip('git is not installed'); return; }
      s.git('config', 'user.name', 'Git User');
      s.git('config', 'user.email', 'git@example.org');
      fs.writeFileSync(path.join(s.home, '.rpmmacros'), '%_topdir %{getenv:HOME}/rpmbuild\n%packager   Macro Packager <macro@example.org>  \n');
      const env = { ...s.env, RPM_PACKAGER: 'Env Packager <env@example.org>' };
      assert.deepEqual(findPackager(' Set Ting <s@example.org> ', s.work, env, s.home), { author: 'Set Ting <s@example.org>', source: 'the setting' });
      assert.deepEqual(findPackager('', s.work, env, s.home), { author: 'Env Packager <env@example.org>', source: '$RPM_PACKAGER' });
      assert.deepEqual(findPackager(undefined, s.work, s.env, s.home), { author: 'Macro Packager <macro@example.org>', source: '~/.rpmmacros %packager' });
      fs.rmSync(path.join(s.home, '.rpmmacros'));
      assert.deepEqual(findPackager(undefined, s.work, s.env, s.home), { author: 'Git User <git@example.org>', source: 'git config' });
    } finally { s.cleanup(); }
  });

  it('a %packager built from macros is not taken literally; no source at all gives nothing', (t) => {
    const s = scratch();
    try {
      if (!s.git('init', '-q')) { t.skip('git is not installed'); return; }
      fs.writeFileSync(path.join(s.home, '.rpmmacros'), '%packager %{getenv:USER} <x@example.org>\n');
      assert.equal(findPackager(undefined, s.work, s.env, s.home), undefined);
      s.git('config', 'user.email', 'only@example.org');
      assert.deepEqual(findPackager(undefined, s.work, s.env, s.home), { author: 'only@example.org <only@example.org>', source: 'git config' });
    } finally { s.cleanup(); }
  });

  it("today's date in the local time zone", () => {
    assert.deepEqual(localDate(new Date(2026, 11, 6, 23, 59)), { year: 2026, month: 12, day: 6 });
    assert.deepEqual(localDate(new Date(2024, 1, 29, 0, 0)), { year: 2024, month: 2, day: 29 });
  });
});
