import { fileURLToPath } from 'node:url';

/**
 * The package root, whether this code runs from src/ (tests) or dist/src/ (the built CLI): built-in
 * templates, schemas and compiled validators are found relative to it.
 */
export const packageRoot = fileURLToPath(new URL(import.meta.url.includes('/dist/src/') ? '../../' : '../', import.meta.url));
