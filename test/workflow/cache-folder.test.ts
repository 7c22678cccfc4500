/** Where kim keeps its cache on each platform (src/disk-cache.ts): the platform's own cache folder. */
import { describe, expect, it } from 'vitest';
import { cacheDir } from '../../src/disk-cache.js';

describe('the cache folder follows the platform convention', () => {
  it('Windows: %LOCALAPPDATA%\\kim\\Cache (not the roaming profile, not ~\\.cache)', () => {
    expect(cacheDir({ LOCALAPPDATA: 'C:\\Users\\sb\\AppData\\Local' }, 'win32', 'C:\\Users\\sb')).toBe('C:\\Users\\sb\\AppData\\Local\\kim\\Cache');
    expect(cacheDir({}, 'win32', 'C:\\Users\\sb')).toBe('C:\\Users\\sb\\AppData\\Local\\kim\\Cache');
  });

  it('macOS: ~/Library/Caches/kim', () => {
    expect(cacheDir({}, 'darwin', '/Users/sb')).toBe('/Users/sb/Library/Caches/kim');
  });

  it('Linux: $XDG_CACHE_HOME/kim, else ~/.cache/kim', () => {
    expect(cacheDir({ XDG_CACHE_HOME: '/var/cache/sb' }, 'linux', '/home/sb')).toBe('/var/cache/sb/kim');
    expect(cacheDir({}, 'linux', '/home/sb')).toBe('/home/sb/.cache/kim');
  });

  it('KIM_CACHE_DIR moves it and KIM_CACHE=off turns it off, on every platform', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      expect(cacheDir({ KIM_CACHE_DIR: '/tmp/k', LOCALAPPDATA: 'C:\\x' }, platform, '/h')).toBe('/tmp/k');
      expect(cacheDir({ KIM_CACHE: 'off', LOCALAPPDATA: 'C:\\x' }, platform, '/h')).toBeUndefined();
    }
  });
});
