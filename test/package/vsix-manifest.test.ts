// The extension manifest is ready for the Visual Studio Marketplace and Open VSX: icon, banner,
// categories, keywords, repository, licence and changelog; `vsce ls` lists only what ships and
// prints no warning.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT, ensureBuilt } from '../helpers/lsp';

const pkg = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as Record<string, unknown> & {
  icon: string;
  galleryBanner: { color: string; theme: string };
  categories: string[];
  keywords: string[];
  repository: { url: string };
  license: string;
  publisher: string;
  engines: { vscode: string };
};
/** The categories the Marketplace accepts (vsce rejects others). */
const MARKETPLACE_CATEGORIES = ['Azure', 'Data Science', 'Debuggers', 'Education', 'Extension Packs', 'Formatters', 'Keymaps', 'Language Packs', 'Linters', 'Machine Learning', 'Notebooks', 'Other', 'Programming Languages', 'SCM Providers', 'Snippets', 'Testing', 'Themes', 'Visualization', 'AI', 'Chat'];
const vsce = path.join(REPO_ROOT, 'node_modules', '.bin', 'vsce');

describe('.vsix manifest', () => {
  it('has what the Marketplace and Open VSX show', () => {
    const icon = fs.readFileSync(path.join(REPO_ROOT, pkg.icon));
    assert.equal(icon.subarray(1, 4).toString(), 'PNG');
    assert.ok(icon.readUInt32BE(16) >= 128 && icon.readUInt32BE(20) >= 128, 'the icon is at least 128×128');
    assert.match(pkg.galleryBanner.color, /^#[0-9a-f]{6}$/i);
    assert.ok(['dark', 'light'].includes(pkg.galleryBanner.theme));
    for (const c of pkg.categories) assert.ok(MARKETPLACE_CATEGORIES.includes(c), c);
    assert.ok(pkg.keywords.length > 0 && pkg.keywords.length <= 30, 'the Marketplace takes at most 30 keywords');
    assert.match(pkg.repository.url, /^https:\/\//);
    assert.equal(pkg.license, 'MIT');
    assert.match(fs.readFileSync(path.join(REPO_ROOT, 'LICENSE'), 'utf8'), /MIT License/);
    assert.match(fs.readFileSync(path.join(REPO_ROOT, 'CHANGELOG.md'), 'utf8'), /^## \[Unreleased\]/m);
    assert.ok(pkg.publisher && pkg.engines.vscode);
  });

  it('vsce ls lists only what ships, with no warning', { skip: fs.existsSync(vsce) ? false : 'vsce is not installed (npm install)' }, () => {
    ensureBuilt();
    const r = spawnSync(vsce, ['ls', '--no-dependencies'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 120_000 });
    assert.equal(r.status, 0, r.stderr);
    assert.doesNotMatch(r.stderr, /WARNING|ERROR/i);
    const files = r.stdout.trim().split('\n');
    for (const must of ['package.json', 'README.md', 'CHANGELOG.md', 'LICENSE', pkg.icon, 'dist/extension.js', 'dist/server.js', 'dist/web/extension.js']) assert.ok(files.includes(must), must);
    for (const f of files) assert.match(f, /^(package\.json|README\.md|CHANGELOG\.md|LICENSE|images\/icon\.png|dist\/[\w/]+\.js|docs\/rules\/[^/]+\.md|syntaxes\/[\w.-]+\.json|snippets\/[\w.-]+\.json|language-configuration\/[\w.-]+\.json)$/, f);
  });

  // `vsce ls` accepts a package.json "files" list beside .vscodeignore, but `vsce package` (and so
  // `npm start`) refuses the pair: npm's allow-list lives in .npmignore instead.
  it('vsce package builds the .vsix', { skip: fs.existsSync(vsce) ? false : 'vsce is not installed (npm install)' }, () => {
    ensureBuilt();
    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'specwright-vsix-')), 'specwright.vsix');
    const r = spawnSync(vsce, ['package', '--no-dependencies', '--out', out], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 180_000 });
    assert.equal(r.status, 0, r.stderr + r.stdout);
    assert.ok(fs.statSync(out).size > 100_000, 'the .vsix holds the bundles');
    fs.rmSync(path.dirname(out), { recursive: true, force: true });
  });
});
