/**
 * kim writes its colours itself (src/cli/colors.ts) instead of loading chalk at every start: the same bytes
 * as chalk for every style kim uses, nested styles and line breaks included, and nothing without colour.
 */
import { Chalk } from 'chalk';
import { describe, expect, test } from 'vitest';
import { colors } from '../../src/cli/colors.js';

const STYLES = ['red', 'green', 'yellow', 'cyan', 'dim', 'bold', 'red.bold', 'yellow.bold'] as const;
type Painter = (text: string) => string;
const styleOf = (from: object, name: string): Painter => name.split('.').reduce((o, key) => (o as Record<string, unknown>)[key] as object, from) as Painter;

const chalk = new Chalk({ level: 1 });
const TEXTS = [
  '✓',
  '',
  'zwei\nZeilen',
  'Windows\r\nZeilen\n',
  `außen ${chalk.red('rot')} ${chalk.dim('blass')} ${chalk.bold('fett')} außen`,
  `${chalk.yellow.bold('gelb und fett')} dann\n${chalk.red('rot')}`,
];

describe('kim\'s colours', () => {
  test.each(STYLES)('%s writes what chalk writes', (name) => {
    for (const text of TEXTS) expect(JSON.stringify(styleOf(colors(true), name)(text)), JSON.stringify(text)).toBe(JSON.stringify(styleOf(chalk, name)(text)));
  });

  test('without colour every style returns the text as it is, like chalk at level 0', () => {
    const off = new Chalk({ level: 0 });
    for (const name of STYLES) for (const text of TEXTS) expect(styleOf(colors(false), name)(text)).toBe(styleOf(off, name)(text));
  });
});
