// Code lenses (on which profiles each %if arm / build conditional is live) and signature help.
import type { CodeLens, SignatureHelp } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import type { Feature } from '../feature';
import { runSafe } from '../runSafe';

export const lensesFeature: Feature = {
  name: 'lenses',
  capabilities: () => ({
    codeLensProvider: { resolveProvider: false },
    signatureHelpProvider: { triggerCharacters: [' '], retriggerCharacters: ['-'] },
  }),
  register(ctx: ServerContext) {
    ctx.connection.onCodeLens(
      runSafe(ctx.log, 'codeLens', null, (params): CodeLens[] | null => {
        const input = ctx.input(params.textDocument.uri);
        if (!input) return null;
        // No command to run: the title is the information ('' keeps the lens unclickable).
        return ctx.service.codeLenses(input).map((l) => ({ range: l.range, command: { title: l.title, command: '' } }));
      }),
    );
    ctx.connection.onSignatureHelp(
      runSafe(ctx.log, 'signatureHelp', null, async (params): Promise<SignatureHelp | null> => {
        const input = ctx.input(params.textDocument.uri);
        if (!input) return null;
        const distro = await ctx.distro(input.uri);
        return ctx.service.signatureHelp(input, params.position, { distro }) ?? null;
      }),
    );
  },
};
