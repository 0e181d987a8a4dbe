import { describe, expect, it } from 'vitest';
import { acceptSuggestionSchema, decideSuggestionSchema, refitSchema, updateCheckWorthinessSettingsSchema } from './check-worthiness';

const ID = '00000000-0000-4000-8000-000000000000';

describe('check-worthiness request schemas', () => {
  const cases: Array<[string, { safeParse: (v: unknown) => { success: boolean; error?: { issues: Array<{ message: string }> } } }, unknown, true | string]> = [
    ['accept: version only', acceptSuggestionSchema, { version: 1 }, true],
    ['accept: edited claim fields', acceptSuggestionSchema, { version: 2, claim: { claimant: ' The ministry ', claimText: 'X', claimDate: '2026-03-01' } }, true],
    ['accept: empty date → null', acceptSuggestionSchema, { version: 2, claim: { claimDate: '' } }, true],
    ['accept: no version', acceptSuggestionSchema, {}, 'A version number is required.'],
    ['accept: empty statement', acceptSuggestionSchema, { version: 1, claim: { claimText: '  ' } }, 'The claim statement cannot be empty.'],
    ['accept: impossible date', acceptSuggestionSchema, { version: 1, claim: { claimDate: '2026-02-30' } }, 'Use a date like 2017-11-21.'],
    ['accept: NUL in claimant', acceptSuggestionSchema, { version: 1, claim: { claimant: 'a\u0000b' } }, 'Claimant'],
    ['dismiss: version', decideSuggestionSchema, { version: 3 }, true],
    ['dismiss: version 0', decideSuggestionSchema, { version: 0 }, 'A version number is required.'],
    ['settings: threshold', updateCheckWorthinessSettingsSchema, { threshold: 0.4 }, true],
    ['settings: threshold null (the weights’)', updateCheckWorthinessSettingsSchema, { threshold: null, version: 1 }, true],
    ['settings: threshold too low', updateCheckWorthinessSettingsSchema, { threshold: 0.01 }, 'The threshold must be at least 0.1.'],
    ['settings: threshold too high', updateCheckWorthinessSettingsSchema, { threshold: 1 }, 'The threshold must be at most 0.95.'],
    ['settings: version 0 (no change yet)', updateCheckWorthinessSettingsSchema, { threshold: 0.4, version: 0 }, true],
    ['settings: negative version', updateCheckWorthinessSettingsSchema, { threshold: 0.4, version: -1 }, 'A version number is required.'],
    ['settings: auto-run', updateCheckWorthinessSettingsSchema, { autoFindOnImport: true }, true],
    ['settings: auto-run not boolean', updateCheckWorthinessSettingsSchema, { autoFindOnImport: 'yes' }, 'autoFindOnImport must be true or false.'],
    ['settings: deactivate', updateCheckWorthinessSettingsSchema, { activeModelId: null }, true],
    ['settings: model id', updateCheckWorthinessSettingsSchema, { activeModelId: ID }, true],
    ['settings: bad model id', updateCheckWorthinessSettingsSchema, { activeModelId: 'x' }, 'Invalid id.'],
    ['settings: nothing', updateCheckWorthinessSettingsSchema, { version: 1 }, 'Nothing to change.'],
    ['refit: default folds', refitSchema, {}, true],
    ['refit: 1 fold', refitSchema, { folds: 1 }, 'Use at least 2 folds.'],
    ['refit: 11 folds', refitSchema, { folds: 11 }, 'Use at most 10 folds.'],
  ];
  it.each(cases)('%s', (_label, schema, input, expected) => {
    const parsed = schema.safeParse(input);
    if (expected === true) expect(parsed.success).toBe(true);
    else {
      expect(parsed.success).toBe(false);
      expect(parsed.error!.issues[0]!.message).toContain(expected);
    }
  });

  it('trims the claimant and turns an empty date into null', () => {
    expect(acceptSuggestionSchema.parse({ version: 1, claim: { claimant: '  The ministry ', claimDate: '' } })).toEqual({ version: 1, claim: { claimant: 'The ministry', claimDate: null } });
  });
});
