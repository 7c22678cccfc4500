import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { checkData } from '../../src/api.js';
import { packageRoot } from '../../src/paths.js';
import { removeTempDirs, tempDir } from '../support/temp.js';

afterAll(removeTempDirs);

/** npm run bench builds its large folders with this generator: they must be valid data, or it measures failures. */
test('the benchmark\'s generated data folder is valid', async () => {
  const { generateLarge } = (await import(join(packageRoot, 'scripts', 'generate-large.mjs'))) as { generateLarge: (o: object) => { out: string } };
  const { out } = generateLarge({ out: join(tempDir('kim-large-'), 'data'), reports: 4, staff: 40, assignments: 80 });
  const { validation } = await checkData({ dataDir: out });
  expect(validation.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(validation.reportSources).toHaveLength(4);
});
