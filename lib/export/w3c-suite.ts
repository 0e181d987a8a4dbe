/**
 * Test-only runner for the W3C Web Annotation model test assertions copied into
 * test-fixtures/w3c (JSON Schema draft-04 files). Mirrors the WPT "JSONtest" semantics:
 * an assertion passes when the validation outcome equals its `expectedResult` (default
 * "valid"); an unexpected outcome is a failure unless `onUnexpectedResult` starts with "pass";
 * failures of `should`/`may` assertions are warnings, of `must` assertions errors.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv, { type Options, type ValidateFunction } from 'ajv-draft-04';

export const W3C_SUITE_DIR = fileURLToPath(new URL('../../test-fixtures/w3c/', import.meta.url));

interface AssertionSchema {
  id?: string;
  title?: string;
  assertionType?: 'must' | 'should' | 'may';
  expectedResult?: 'valid' | 'invalid';
  onUnexpectedResult?: string;
  errorMessage?: string;
}

export interface W3cAssertion {
  /** Path as listed in the .test file, relative to the suite root. */
  file: string;
  schema: AssertionSchema;
  validate: ValidateFunction;
}

export interface AssertionResult {
  file: string;
  outcome: 'pass' | 'fail' | 'warn';
  message: string;
}

export interface SuiteOptions {
  /**
   * Draft-04 says keywords beside `$ref` are ignored; Ajv 8 evaluates them. The suite's
   * definitions use both styles, so annotations are checked under both readings.
   */
  ignoreKeywordsWithRef?: boolean;
}

function readJson(path: string): unknown {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** RFC 3986 absolute URI: a scheme, no whitespace or characters that must be escaped, and parseable. */
export function isUri(value: string): boolean {
  if (!/^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`\u0000-\u001f\u007f]*$/i.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** RFC 3339 date-time (what JSON Schema's "date-time" means): timezone required. */
export function isDateTime(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.exec(value);
  return match !== null && !Number.isNaN(Date.parse(value));
}

/** Loads every assertion listed in a .test file (e.g. annotations/annotationMusts.test). */
export function loadW3cSuite(testFile: string, options: SuiteOptions = {}): W3cAssertion[] {
  const ajvOptions: Options = { strict: false, allErrors: true, logger: false, ignoreKeywordsWithRef: options.ignoreKeywordsWithRef === true };
  const ajv = new Ajv(ajvOptions);
  ajv.addFormat('uri', isUri);
  ajv.addFormat('date-time', isDateTime);

  const definitionsDir = join(W3C_SUITE_DIR, 'definitions');
  for (const name of readdirSync(definitionsDir).filter((f) => f.endsWith('.json'))) {
    // Each definition file declares its own `id` (e.g. "bodyTarget.json"), which assertions $ref.
    ajv.addSchema(readJson(join(definitionsDir, name)) as object);
  }

  const test = readJson(join(W3C_SUITE_DIR, testFile)) as { assertions: unknown[] };
  return test.assertions.map((entry) => {
    if (typeof entry !== 'string') throw new Error(`Inline or nested assertions are not supported: ${JSON.stringify(entry)}`);
    const schema = readJson(join(W3C_SUITE_DIR, entry)) as AssertionSchema & object;
    return { file: entry, schema, validate: ajv.compile(schema) };
  });
}

export function runAssertion(assertion: W3cAssertion, annotation: unknown): AssertionResult {
  const { schema, file } = assertion;
  const valid = assertion.validate(annotation) === true;
  const expectedValid = (schema.expectedResult ?? 'valid') === 'valid';
  if (valid === expectedValid) return { file, outcome: 'pass', message: '' };
  if ((schema.onUnexpectedResult ?? 'failAndContinue').startsWith('pass')) return { file, outcome: 'pass', message: '' };
  const details = (assertion.validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '/'} ${e.message ?? ''}`).join('; ');
  return {
    file,
    outcome: (schema.assertionType ?? 'must') === 'must' ? 'fail' : 'warn',
    message: `${schema.errorMessage ?? schema.title ?? file}${details ? ` [${details}]` : ''}`,
  };
}

/** Every assertion's result for one annotation. */
export function runW3cSuite(assertions: readonly W3cAssertion[], annotation: unknown): AssertionResult[] {
  return assertions.map((a) => runAssertion(a, annotation));
}
