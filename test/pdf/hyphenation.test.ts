import { expect, test } from 'vitest';
import { startHyphenation } from '../../src/emit/pdf/hyphenation.js';

test('German words get soft hyphens at the de-1996 break points', async () => {
  const hyphenate = startHyphenation();
  const [a, b, short] = await hyphenate(['Implementierung', 'Geschäftsstelle', 'Stadt']);
  expect(a).toBe('Im\u00adple\u00admen\u00adtie\u00adrung');
  expect(b!.replaceAll('\u00ad', '')).toBe('Geschäftsstelle');
  expect(b).toContain('schäfts\u00adstel');
  expect(short).toBe('Stadt');
  expect(await hyphenate([])).toEqual([]);
});
