import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FAVICON_DATA_URI, FAVICON_SVG } from './favicon';

describe('public page favicon', () => {
  it('is app/icon.svg, so the app and its public pages show one icon', () => {
    const appIcon = fs.readFileSync(path.join(__dirname, '../../../app/icon.svg'), 'utf8').replace(/\s*\n\s*/g, '');
    expect(FAVICON_SVG).toBe(appIcon);
    expect(decodeURIComponent(FAVICON_DATA_URI.slice('data:image/svg+xml,'.length))).toBe(appIcon);
  });
});
