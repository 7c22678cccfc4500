import { expect, test } from 'vitest';
test('placeholder until the first real test lands', () => { expect(1 + 1).toBe(2); });
