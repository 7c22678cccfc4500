/**
 * Where the PDF stage's build-time assets live (scripts/build-pdf-assets.mjs writes them): the packed
 * hyphenation trie and the prebuilt font subsets. Beside the built code, so an installed kim finds them.
 */
import { join } from 'node:path';
import { packageRoot } from '../../paths.js';

export const ASSET_DIR = join(packageRoot, 'dist', 'pdf-assets');
export const HYPHENATION_ASSET = 'hyphenation-de-1996.bin';
export const fontAssetName = (postscriptName: string) => `${postscriptName}.font`;
