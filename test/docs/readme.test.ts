/**
 * The README is the door: short enough to read, its first lines the two commands that work on a fresh
 * machine (CI runs its test command), and every link from it and within docs/ leads somewhere.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { packageRoot } from '../../src/paths.js';

/** Above this the README is a manual again; the manuals are in docs/. */
const README_LIMIT = 12_000;

const readme = readFileSync(join(packageRoot, 'README.md'), 'utf8');
const docsDir = join(packageRoot, 'docs');
const docs = readdirSync(docsDir).filter((name) => name.endsWith('.md'));

/** Relative Markdown links `[text](target)` outside code spans and blocks and HTML comments. */
function links(markdown: string): string[] {
  const prose = markdown.replace(/<!--[\s\S]*?-->/g, '').replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((target) => !/^[a-z]+:/.test(target));
}

/** GitHub's anchors of a Markdown file's headings. */
function anchors(markdown: string): Set<string> {
  const headings = markdown.replace(/```[\s\S]*?```/g, '').match(/^#{1,6} .+$/gm) ?? [];
  return new Set(headings.map((h) => h.replace(/^#+ /, '').toLowerCase().replace(/[^\p{L}\p{N} _-]/gu, '').replace(/ /g, '-')));
}

/** Problems with the links of one file: a missing target file or a missing heading. */
function brokenLinks(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const broken: string[] = [];
  for (const link of links(text)) {
    const [path, anchor] = link.split('#') as [string, string | undefined];
    const target = path ? resolve(dirname(file), decodeURI(path)) : file;
    if (!existsSync(target)) broken.push(`${link}: ${relative(packageRoot, target)} gibt es nicht`);
    else if (anchor && target.endsWith('.md') && !anchors(readFileSync(target, 'utf8')).has(decodeURIComponent(anchor))) broken.push(`${link}: keine Überschrift "#${anchor}"`);
  }
  return broken;
}

describe('README.md', () => {
  test(`stays short (under ${README_LIMIT} bytes): the manuals are in docs/`, () => {
    expect(Buffer.byteLength(readme)).toBeLessThan(README_LIMIT);
  });

  test('starts with the two set-up commands: install and render the example, run the tests (npm test)', () => {
    const [title, fence, install, tests] = readme.split('\n').filter((line) => line.trim() !== '');
    expect(title).toBe('# kim');
    expect(fence).toBe('```sh');
    expect(install).toMatch(/^npm install && npx kim report --format all\s+#/);
    expect(tests).toMatch(/^npm test\s+#/);
  });

  test('links to the clerk guide, the field reference and the developer guide, and every link resolves', () => {
    const targets = links(readme);
    for (const doc of ['docs/anleitung.md', 'docs/datenfelder.md', 'docs/development.md', 'docs/README.md']) expect(targets).toContain(doc);
    expect(brokenLinks(join(packageRoot, 'README.md'))).toEqual([]);
  });
});

describe('docs/', () => {
  test('every link between the documents resolves, anchors included', () => {
    expect(docs.length).toBeGreaterThan(4);
    expect(docs.flatMap((doc) => brokenLinks(join(docsDir, doc)).map((problem) => `docs/${doc}: ${problem}`))).toEqual([]);
  });

  test('docs/README.md lists every document of docs/', () => {
    const listed = links(readFileSync(join(docsDir, 'README.md'), 'utf8'));
    const missing = docs.filter((doc) => doc !== 'README.md' && !listed.includes(doc));
    expect(missing, 'in docs/README.md eintragen').toEqual([]);
  });
});
