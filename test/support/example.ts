import { join } from 'node:path';
import { loadValidData } from '../../src/api.js';
import type { Dataset } from '../../src/model/types.js';
import { createTemplateEngine } from '../../src/render/engine.js';
import { renderMarkdown } from '../../src/render/render-report.js';
import { packageRoot } from '../../src/paths.js';

export const EXAMPLE_DIR = join(packageRoot, 'data');
export const CURRENT = '2022-03-16-kim-sachstand';

/** The shipped example, validated once per test file. */
export async function loadExample() {
  return loadValidData({ dataDir: EXAMPLE_DIR });
}

/** Renders a report of the example after an in-memory change to a copy of its data. */
export async function renderWith(mutate: (data: Dataset) => void = () => undefined, reportId = CURRENT): Promise<string> {
  const { dataset, templates } = await loadExample();
  const copy = structuredClone(dataset);
  mutate(copy);
  const { markdown } = await renderMarkdown(createTemplateEngine(templates), copy, reportId);
  return markdown;
}
