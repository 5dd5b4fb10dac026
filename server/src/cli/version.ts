// The package version; esbuild inlines the manifest's version into the bundles.
import { version as packageVersion } from '../../../package.json';

export const VERSION: string = packageVersion;
