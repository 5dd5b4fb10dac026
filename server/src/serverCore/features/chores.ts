// Packaging chores over workspace/executeCommand, so every LSP editor gets them:
//   specwright.server.bumpRelease, .addChangelogEntry, .newUpstreamVersion, .convertToRpmautospec
// Argument: { uri, comment?, version?, author? } (or the uri alone). The server finds the
// packager (setting specwright.changelog.author, $RPM_PACKAGER, ~/.rpmmacros, git config) and
// today's date, applies the edits with workspace/applyEdit, says what it did with
// window/showMessage and returns { applied, message, cursor? } (VS Code's client moves the cursor).
import fs from 'node:fs';
import path from 'node:path';
import { URI } from 'vscode-uri';
import { MessageType, type WorkspaceEdit } from 'vscode-languageserver';
import { CHORES, type Chore } from '../../service/languageService';
import type { Position } from '../../service/types';
import { NO_PACKAGER, findPackager, localDate } from '../../node/packager';
import type { ServerContext } from '../context';
import type { Feature } from '../feature';
import { runSafe } from '../runSafe';

export const CHORE_COMMAND_PREFIX = 'specwright.server.';

export interface ChoreCommandArgs {
  uri: string;
  comment?: string;
  version?: string;
  author?: string;
}

export interface ChoreCommandResult {
  applied: boolean;
  message: string;
  cursor?: Position;
}

export const choresFeature: Feature = {
  name: 'chores',
  capabilities: () => ({ executeCommandProvider: { commands: CHORES.map((c) => CHORE_COMMAND_PREFIX + c) } }),
  register(ctx: ServerContext) {
    ctx.connection.onExecuteCommand(
      runSafe(ctx.log, 'executeCommand', null, async (params): Promise<ChoreCommandResult | null> => {
        if (!params.command.startsWith(CHORE_COMMAND_PREFIX)) return null;
        const chore = params.command.slice(CHORE_COMMAND_PREFIX.length) as Chore;
        if (!CHORES.includes(chore)) return null;
        const raw = params.arguments?.[0];
        const args: ChoreCommandArgs | undefined = typeof raw === 'string' ? { uri: raw } : raw && typeof raw === 'object' && typeof (raw as ChoreCommandArgs).uri === 'string' ? (raw as ChoreCommandArgs) : undefined;
        const say = (message: string, applied: boolean, cursor?: Position): ChoreCommandResult => {
          void ctx.connection.sendNotification('window/showMessage', { type: applied ? MessageType.Info : MessageType.Warning, message: `Specwright: ${message}` });
          return { applied, message, ...(cursor ? { cursor } : {}) };
        };
        if (!args) return say(`${params.command} needs an argument { "uri": "file:///…/x.spec" }.`, false);
        const input = ctx.input(args.uri);
        if (!input || input.languageId !== 'rpm-spec') return say('open the spec file first (the command works on an open spec).', false);
        if (chore === 'newUpstreamVersion' && !args.version) return say('a new version is needed ({ "version": "1.2.3" }).', false);
        const settings = await ctx.settings(input.uri);
        const parsed = URI.parse(input.uri);
        const explicit = (args.author ?? settings.changelogAuthor).trim();
        let packager: ReturnType<typeof findPackager>;
        try {
          const dir = parsed.scheme === 'file' ? path.dirname(parsed.fsPath) : process.cwd();
          packager = findPackager(explicit, dir);
        } catch {
          // The web build has no environment, home folder, files or git: only the setting or argument.
          packager = explicit ? { author: explicit, source: 'the setting' } : undefined;
        }
        const distro = await ctx.distro(input.uri);
        const result = ctx.service.chore(input, chore, { date: localDate(), author: packager?.author ?? '', comment: args.comment, distro }, args.version);
        if (result.refused) return say(result.message, false);
        if (!packager && (chore === 'bumpRelease' || chore === 'addChangelogEntry' || chore === 'newUpstreamVersion') && result.edits.some((e) => /^\* /m.test(e.newText))) {
          return say(NO_PACKAGER.replace('--author', '"author" in the command argument').replace(/^no/, 'No'), false);
        }
        const edit: WorkspaceEdit = { changes: { [input.uri]: result.edits } };
        for (const f of result.newFiles ?? []) {
          if (parsed.scheme !== 'file') return say(`cannot write ${f.name} beside a spec that is not a local file.`, false);
          const target = path.join(path.dirname(parsed.fsPath), f.name);
          try {
            // 'wx': never overwrite an existing file.
            fs.writeFileSync(target, f.text, { flag: 'wx' });
          } catch (e) {
            const code = (e as NodeJS.ErrnoException).code;
            return say(code === 'EEXIST' ? `${target} exists already; nothing converted.` : `cannot write ${target} (${code ?? String(e)}); nothing converted.`, false);
          }
        }
        const applied = await ctx.connection.workspace.applyEdit({ label: `Specwright: ${chore}`, edit });
        if (!applied.applied) return say(`the editor refused the edit${applied.failureReason ? ` (${applied.failureReason})` : ''}.`, false);
        return say(result.message, true, result.cursor);
      }),
    );
  },
};
