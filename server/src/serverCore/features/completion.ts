// Completion for specs and dkms.conf, in the active distribution profile (specwright.distro).
import type { CompletionList } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import type { Feature } from '../feature';
import { runSafe } from '../runSafe';

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

export const completionFeature: Feature = {
  name: 'completion',
  capabilities: () => ({ completionProvider: { triggerCharacters: ['%', '{', '?', '!', '$', '(', '-'], resolveProvider: false } }),
  register(ctx: ServerContext) {
    ctx.connection.onCompletion(
      runSafe(ctx.log, 'completion', EMPTY, async (params) => {
        const input = ctx.input(params.textDocument.uri);
        if (!input) return EMPTY;
        const distro = await ctx.distro(input.uri);
        return ctx.service.complete(input, params.position, { distro }) as CompletionList;
      }),
    );
  },
};
