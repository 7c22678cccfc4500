import { join } from 'node:path';
import { loadValidData, type ValidData } from '../../src/api.js';
import type { Dataset } from '../../src/model/types.js';
import { buildReportModel, type ReportModel } from '../../src/model/report-model.js';
import { defaultVocabulary } from '../../src/render/default-vocabulary.js';
import { createTemplateEngine } from '../../src/render/engine.js';
import { renderMarkdown } from '../../src/render/render-report.js';
import { packageRoot } from '../../src/paths.js';

export const EXAMPLE_DIR = join(packageRoot, 'data');
export const CURRENT = '2022-03-16-kim-sachstand';
/** Invented test data: the Rhein-Sieg-Kreis's next Vorlage after 16.03.2022 (test/fixtures/rsk-follow-up). */
export const FOLLOW_UP_DIR = join(packageRoot, 'test', 'fixtures', 'rsk-follow-up');
export const FOLLOW_UP = '2022-06-22-kim-sachstand';
/** Invented test data: a second Kreis with Bausteine I–III and a first Beschlussvorlage (test/fixtures/kreis-lindenau). */
export const LINDENAU_DIR = join(packageRoot, 'test', 'fixtures', 'kreis-lindenau');
export const LINDENAU = '2023-03-14-kim-umsetzung';
/**
 * Invented test data: a third body with a SessionNet-style header, Module I–III in Vollzeitstellen, case
 * management at welfare organisations, a first report and its follow-up (test/fixtures/landkreis-talheim).
 */
export const TALHEIM_DIR = join(packageRoot, 'test', 'fixtures', 'landkreis-talheim');
export const TALHEIM_FIRST = '2021-11-23-kim-sachstand';
export const TALHEIM_NEXT = '2022-05-10-kim-sachstand';
/**
 * Invented test data: a town of the Landkreis Talheim reporting on the Kreis's programme (programme.yaml
 * owner), a first report and its follow-up (test/fixtures/stadt-wiesental).
 */
export const TOWN_DIR = join(packageRoot, 'test', 'fixtures', 'stadt-wiesental');
export const TOWN_FIRST = '2021-11-30-kim-bericht';
export const TOWN_NEXT = '2022-05-17-kim-bericht';

const loaded = new Map<string, Promise<ValidData>>();

/** A data folder, validated once per test file. */
export function loadData(dir = EXAMPLE_DIR): Promise<ValidData> {
  let data = loaded.get(dir);
  if (!data) {
    data = loadValidData({ dataDir: dir });
    loaded.set(dir, data);
  }
  return data;
}

/** The shipped example, validated once per test file. */
export async function loadExample() {
  return loadData(EXAMPLE_DIR);
}

/** Renders a report of a data folder (default the shipped example) after an in-memory change to a copy of its data. */
export async function renderWith(mutate: (data: Dataset) => void = () => undefined, reportId = CURRENT, dir = EXAMPLE_DIR): Promise<string> {
  const { dataset, templates } = await loadData(dir);
  const copy = structuredClone(dataset);
  mutate(copy);
  const report = copy.reports.find((r) => r.id === reportId)!;
  const { markdown } = await renderMarkdown(createTemplateEngine(templates), copy, report);
  return markdown;
}

/** Renders a report of a data folder as its files say now: loaded afresh, for tests that edit the files themselves. */
export async function renderFromFiles(dataDir: string, reportId = CURRENT): Promise<string> {
  const { dataset, templates } = await loadValidData({ dataDir });
  const report = dataset.reports.find((r) => r.id === reportId)!;
  return (await renderMarkdown(createTemplateEngine(templates), dataset, report)).markdown;
}

/** The report model of a report after an in-memory change. */
export async function modelWith(mutate: (data: Dataset) => void = () => undefined, reportId = CURRENT, dir = EXAMPLE_DIR): Promise<ReportModel> {
  const { dataset } = await loadData(dir);
  const copy = structuredClone(dataset);
  mutate(copy);
  return buildReportModel(copy, copy.reports.find((r) => r.id === reportId)!, defaultVocabulary());
}
