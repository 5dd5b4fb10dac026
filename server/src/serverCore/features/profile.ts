// `specwright/documentProfile`: the distribution profile a document is analysed with and where it
// comes from, so the client can show what the diagnostics really use (a project's specwright.json
// wins over the editor setting, and only the server reads that file).
import { DOCUMENT_PROFILE_REQUEST, type DocumentProfileParams, type DocumentProfileResult } from '../../protocol';
import type { ServerContext } from '../context';
import type { Feature } from '../feature';
import { runSafe } from '../runSafe';

export const profileFeature: Feature = {
  name: 'profile',
  capabilities: () => ({}),
  register(ctx: ServerContext) {
    // The Output channel says which profile each opened document is analysed with, and why.
    ctx.documents.onDidOpen((e) => {
      const uri = e.document.uri;
      if (!ctx.input(uri)) return;
      ctx.distroWithSource(uri).then(
        ({ distro, configFile }) => ctx.info(`${uri.replace(/^.*\//, '')}: profile ${distro} (${configFile ? `set by ${configFile}` : 'editor setting specwright.distro'})`),
        () => undefined,
      );
    });
    ctx.connection.onRequest(
      DOCUMENT_PROFILE_REQUEST,
      runSafe(ctx.log, DOCUMENT_PROFILE_REQUEST, null, async (params: DocumentProfileParams): Promise<DocumentProfileResult | null> => {
        if (typeof params?.uri !== 'string') return null;
        const { distro, configFile } = await ctx.distroWithSource(params.uri);
        return configFile ? { distro, source: 'specwright.json', configFile } : { distro, source: 'settings' };
      }),
    );
  },
};
