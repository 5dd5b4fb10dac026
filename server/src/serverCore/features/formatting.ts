// Document and range formatting of specs (settings `specwright.format.*`, overridden by a
// project's specwright.json `format`). Format on save is the
// client's: VS Code's editor.formatOnSave calls textDocument/formatting.
import type { TextEdit } from 'vscode-languageserver';
import type { ServerContext } from '../context';
import type { Feature } from '../feature';
import { runSafe } from '../runSafe';

export const formattingFeature: Feature = {
  name: 'formatting',
  capabilities: () => ({ documentFormattingProvider: true, documentRangeFormattingProvider: true }),
  register(ctx: ServerContext) {
    ctx.connection.onDocumentFormatting(
      runSafe(ctx.log, 'formatting', null, async (params): Promise<TextEdit[] | null> => {
        const input = ctx.input(params.textDocument.uri);
        if (!input) return null;
        return ctx.service.format(input, await ctx.formatOptions(input.uri));
      }),
    );
    ctx.connection.onDocumentRangeFormatting(
      runSafe(ctx.log, 'range formatting', null, async (params): Promise<TextEdit[] | null> => {
        const input = ctx.input(params.textDocument.uri);
        if (!input) return null;
        return ctx.service.format(input, await ctx.formatOptions(input.uri), params.range);
      }),
    );
  },
};
