import { describe, expect, it } from 'vitest';
import { annotationParamsSchema, exportQuerySchema } from './export';

describe('exportQuerySchema', () => {
  it.each([
    [{}, false],
    [{ draft: '1' }, true],
    [{ draft: 'true' }, true],
    [{ draft: '0' }, false],
    [{ draft: 'false' }, false],
    [{ draft: '1', format: 'claimreview' }, true],
  ])('%j → draft %s', (query, draft) => {
    expect(exportQuerySchema.parse(query)).toEqual({ draft });
  });

  it.each([[{ draft: 'yes' }], [{ draft: '' }], [{ draft: '2' }], [{ draft: ['1'] }]])('refuses %j, naming the option', (query) => {
    const parsed = exportQuerySchema.safeParse(query);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe('draft must be 1 (export a draft) or 0.');
  });
});

describe('annotationParamsSchema', () => {
  it('accepts a claim id (UUID) and refuses anything else', () => {
    expect(annotationParamsSchema.safeParse({ claimId: '6e8bc430-9c3a-41d9-9669-0800200c9a66' }).success).toBe(true);
    for (const claimId of ['', 'demo', '../x', '6e8bc430-9c3a-41d9-9669-0800200c9a66x', "1' OR '1'='1"]) expect(annotationParamsSchema.safeParse({ claimId }).success, claimId).toBe(false);
  });
});
