/**
 * Loading and validating a data folder, the first step of every command: the parsed files, all
 * diagnostics, and the dataset when it is valid.
 */
import { resolve } from 'node:path';
import { hasErrors, type Diagnostic } from './diagnostics.js';
import { DataError } from './errors.js';
import { NO_ENVIRONMENT, type Environment } from './environment.js';
import { loadSources, type LoadedSources } from './load/dataset.js';
import { oldFormatError } from './migrate/old-format.js';
import type { Dataset, Report } from './model/types.js';
import { findTemplates, type TemplateSet } from './render/template-registry.js';
import type { Validation } from './validate/index.js';
import { cachedValidation, storeValidation, validationCacheKey, type RecordedRead } from './validate/validation-cache.js';

export interface DataOptions {
  /** The data folder (default `data`). */
  dataDir: string;
  /** The data repository's template overrides (default `templates`, ignored when missing). */
  templatesDir?: string | undefined;
  /** What kim takes from its environment (disk cache, SOURCE_DATE_EPOCH); none: no cache. */
  env?: Environment | undefined;
}

export interface ValidData {
  dataset: Dataset;
  templates: TemplateSet;
  /** Warnings only: errors have been thrown. */
  diagnostics: Diagnostic[];
  validation: Validation;
}

/**
 * Loads and validates a data folder; returns all diagnostics, errors or not (for `kim validate`, `kim
 * list`), and the parsed files as they are (`kim list` shows what it can of invalid ones too).
 */
export async function checkData(options: DataOptions): Promise<{ validation: Validation; templates: TemplateSet; sources: LoadedSources }> {
  const dataDir = resolve(options.dataDir);
  const env = options.env ?? NO_ENVIRONMENT;
  const [sources, templates] = await Promise.all([loadSources(dataDir, { cacheDir: env.cacheDir, trace: env.trace }), findTemplates(options.templatesDir && resolve(options.templatesDir))]);
  const old = oldFormatError(sources);
  const validation = old ? { diagnostics: [...sources.diagnostics, old], dataset: undefined, reportSources: [] } : await validate(sources, [...templates.templates.keys()], env);
  // Override files kim would not use are part of what the run reports (template-registry.ts).
  validation.diagnostics = [...validation.diagnostics, ...templates.diagnostics];
  return { validation, templates, sources };
}

/**
 * Loads and validates for one report (`kim report`): as loadValidData, except that an error about another
 * report's own outputs only (a staff name in its text, Rule.scope) does not stop this one, as in kim build.
 * `pick` chooses the report from the data (selectReport).
 */
export async function loadValidDataFor(options: DataOptions, pick: (dataset: Dataset) => Report): Promise<ValidData & { report: Report }> {
  const { validation, templates } = await checkData(options);
  const dataset = validation.dataset;
  const errors = validation.diagnostics.filter((d) => d.severity === 'error');
  if (!dataset || errors.some((d) => validation.outputOnly?.has(d) !== true)) throw new DataError(validation.diagnostics);
  const report = pick(dataset);
  const file = validation.reportSources[dataset.reports.indexOf(report)]?.file;
  if (errors.some((d) => d.file === file)) throw new DataError(validation.diagnostics.filter((d) => d.severity === 'warning' || d.file === file));
  return { dataset, templates, diagnostics: validation.diagnostics.filter((d) => d.severity === 'warning'), validation, report };
}

/** Loads and validates; throws DataError with every diagnostic when anything is wrong. */
export async function loadValidData(options: DataOptions): Promise<ValidData> {
  const { validation, templates } = await checkData(options);
  if (hasErrors(validation.diagnostics) || !validation.dataset) throw new DataError(validation.diagnostics);
  return { dataset: validation.dataset, templates, diagnostics: validation.diagnostics, validation };
}

/**
 * Validation, or the result a previous run stored for exactly these files (validation-cache.ts): then
 * the validators and rules are not even loaded, which is most of a cold `kim report`'s cost.
 */
async function validate(sources: LoadedSources, templates: string[], env: Environment): Promise<Validation> {
  const key = env.cacheDir === undefined ? undefined : validationCacheKey(sources, templates);
  const cached = key === undefined ? undefined : await cachedValidation(env.cacheDir!, key, sources, env.trace);
  if (cached) return cached;
  const reads: RecordedRead[] = [];
  const { validateSources } = await import('./validate/index.js');
  const validation = await validateSources(sources, templates, (read) => reads.push(read));
  if (key !== undefined) await storeValidation(env.cacheDir!, key, sources, validation, reads);
  return validation;
}
