// Semantic tokens (full document) for specs and dkms.conf.
import type { SemanticTokens } from 'vscode-languageserver';
import { SEMANTIC_TOKENS_LEGEND } from '../../service/features/semanticTokens';
import type { ServerContext } from '../context';
import type { Feature } from '../feature';
import { runSafe } from '../runSafe';

export const semanticTokensFeature: Feature = {
  name: 'semanticTokens',
  capabilities: () => ({ semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true, range: false } }),
  register(ctx: ServerContext) {
    ctx.connection.languages.semanticTokens.on(
      runSafe(ctx.log, 'semanticTokens', { data: [] } as SemanticTokens, (params) => {
        const input = ctx.input(params.textDocument.uri);
        return input ? ctx.service.semanticTokens(input) : { data: [] };
      }),
    );
  },
};
