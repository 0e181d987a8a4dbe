import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  FIXTURE_EXCLUDED_CLAIM_ID,
  FIXTURE_GONE_PART,
  FIXTURE_PARTIAL_CLAIM_NUMBER,
  FIXTURE_TWO_PART_CLAIM_NUMBER,
  buildFixtureViewModel,
  buildMultiPartFixtureViewModel,
  buildPublishedFixtureViewModel,
} from '@/test/fixtures/export-report';
import { toPublicationAudience } from './publication-audience';
import type { ReportViewModel } from './view-model';
import { buildAnnotation, renderW3cAnnotations, renderW3cAnnotationsJson, w3cAnnotationId, type W3cAnnotation, type W3cTarget } from './w3c';
import { W3C_SUITE_DIR, isDateTime, isUri, loadW3cSuite, runW3cSuite, type W3cAssertion } from '@/test/fixtures/w3c-suite';

const MUSTS = 'annotations/annotationMusts.test';
const vm = buildFixtureViewModel();
const collection = renderW3cAnnotations(vm);
const annotations = collection.first.items;

/** The published fixture as a publication export sees it (public audience). */
function publicView(): ReportViewModel {
  return { ...buildPublishedFixtureViewModel(), audience: 'public' };
}

/** The annotation's targets as a list (a single-part claim has one target object). */
function targetsOf(annotation: W3cAnnotation | undefined): W3cTarget[] {
  if (!annotation) return [];
  return Array.isArray(annotation.target) ? annotation.target : [annotation.target];
}

const listedAssertions = (JSON.parse(readFileSync(join(W3C_SUITE_DIR, MUSTS), 'utf8')) as { assertions: string[] }).assertions;

// Draft-04 ignores keywords beside $ref; Ajv 8 applies them. The suite's definitions mix both
// styles, so every annotation must pass under either reading.
const modes: Array<[string, W3cAssertion[]]> = [
  ['keywords beside $ref applied (Ajv default)', loadW3cSuite(MUSTS)],
  ['keywords beside $ref ignored (draft-04 literal)', loadW3cSuite(MUSTS, { ignoreKeywordsWithRef: true })],
];

function failures(assertions: readonly W3cAssertion[], annotation: unknown) {
  return runW3cSuite(assertions, annotation).filter((r) => r.outcome !== 'pass');
}

describe('W3C Web Annotation MUST suite', () => {
  it('loads every assertion listed in annotationMusts.test', () => {
    expect(listedAssertions.length).toBeGreaterThanOrEqual(50);
    for (const [, assertions] of modes) expect(assertions.map((a) => a.file)).toEqual(listedAssertions);
  });

  describe.each(modes)('%s', (_mode, assertions) => {
    it.each(annotations.map((a) => [a.id, a] as const))('%s passes every MUST assertion', (_id, annotation) => {
      expect(failures(assertions, annotation)).toEqual([]);
    });

    it('also passes for the published, excluded and public-audience annotations', () => {
      const items = [...renderW3cAnnotations(buildPublishedFixtureViewModel()).first.items, ...renderW3cAnnotations(publicView()).first.items];
      expect(items.length).toBeGreaterThan(annotations.length);
      for (const annotation of items) expect(failures(assertions, annotation), annotation.id).toEqual([]);
    });

    it('also passes for an article without its own URL (target falls back to the canonical URL)', () => {
      const items = renderW3cAnnotations({ ...vm, article: { ...vm.article, url: null } }).first.items;
      expect(targetsOf(items[0])[0]?.source.id).toBe(vm.article.canonicalUrl);
      for (const annotation of items) expect(failures(assertions, annotation)).toEqual([]);
    });
  });
});

describe('the harness catches broken annotations', () => {
  const [, assertions] = modes[0] ?? ['', []];
  const good = annotations[0] as W3cAnnotation;
  const failingFiles = (annotation: unknown) => failures(assertions, annotation).map((f) => f.file);
  const clone = (): Record<string, unknown> => structuredClone(good) as unknown as Record<string, unknown>;

  it('fails without @context', () => {
    const broken = clone();
    delete broken['@context'];
    expect(failingFiles(broken)).toContain('annotations/3.1-annotationContextValidated.json');
  });

  it('fails with a bad TextPositionSelector', () => {
    const broken = structuredClone(good);
    broken.target = { ...targetsOf(broken)[0]!, selector: [{ type: 'TextPositionSelector', start: -3, end: 'ten' as unknown as number }] };
    expect(failingFiles(broken)).toContain('annotations/specificResource/4.2-TextDataPositionSelectorValid.json');
  });

  it('fails with a TextQuoteSelector missing `exact`', () => {
    const broken = structuredClone(good) as unknown as { target: { selector: unknown[] } };
    broken.target.selector = [{ type: 'TextQuoteSelector', prefix: 'x' }];
    expect(failingFiles(broken)).toContain('annotations/specificResource/4.2.4-textQuoteSelectorValid.json');
  });

  it('fails with both body and bodyValue, a non-IRI id, or a created date without timezone', () => {
    expect(failingFiles({ ...clone(), bodyValue: 'x' })).toContain('annotations/3.2.5-notBodyBodyValue.json');
    expect(failingFiles({ ...clone(), id: 'not an iri' })).toContain('annotations/3.1-annotationIdValidated.json');
    expect(failingFiles({ ...clone(), created: '2024-03-05 09:00' })).toContain('annotations/3.3.1-annotationCreatedValidated.json');
  });

  it('fails when a textual body has an id and a purpose (it then reads as an External Web Resource)', () => {
    const broken = structuredClone(good) as unknown as { body: Array<Record<string, unknown>> };
    broken.body[0] = { ...broken.body[0], id: 'http://example.org/body/1' };
    expect(failingFiles(broken)).toContain('annotations/bodiesTargets/3.3.5-bodyEWRNoPurpose.json');
  });

  it('has working formats', () => {
    expect(isUri('http://localhost:3000/articles/a-1')).toBe(true);
    expect(isUri('urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66')).toBe(true);
    expect(isUri('/relative/path')).toBe(false);
    expect(isUri('http://exa mple.org')).toBe(false);
    expect(isDateTime('2024-03-05T09:00:00Z')).toBe(true);
    expect(isDateTime('2024-03-05T09:00:00.123+03:30')).toBe(true);
    expect(isDateTime('2024-03-05T09:00:00')).toBe(false);
    expect(isDateTime('2024-03-05')).toBe(false);
  });
});

describe('W3C export content', () => {
  const text = vm.article.text;

  it('is an AnnotationCollection with an embedded first page', () => {
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    expect(isUri(collection.id)).toBe(true);
    expect(collection.label).toContain(vm.article.title);
    expect(collection.total).toBe(vm.claims.length);
    expect(collection.first.type).toBe('AnnotationPage');
    expect(collection.first.items).toHaveLength(vm.claims.length);
    expect(JSON.parse(renderW3cAnnotationsJson(vm))).toEqual(collection);
  });

  it('uses dereferenceable annotation IRIs, UTC timestamps, the generator, and no e-mail addresses', () => {
    const claim = vm.claims[0];
    expect(annotations[0]?.id).toBe(`http://localhost:3000/annotations/${claim?.id}`);
    expect(annotations.map((a) => a.id)).toEqual(vm.claims.map((c) => `http://localhost:3000/annotations/${c.id}`));
    expect(w3cAnnotationId({ appUrl: 'https://desk.example/' }, { id: 'c 1/2' })).toBe('https://desk.example/annotations/c%201%2F2');
    for (const a of annotations) {
      expect(a.created).toMatch(/Z$/);
      expect(a.modified).toMatch(/Z$/);
      expect(a.generator.name).toBe('Claimdesk');
    }
    expect(annotations[0]?.creator).toEqual({ id: 'http://localhost:3000/users/u-leila', type: 'Person', name: 'لیلا احمدی' });
    const json = renderW3cAnnotationsJson(vm);
    expect(json).not.toMatch(/@example\.org/);
    expect(json).not.toContain('email');
  });

  it('selectors point at the quoted words (positions in code points)', () => {
    const codePoints = [...text];
    for (const [i, claim] of vm.claims.entries()) {
      const selectors = targetsOf(annotations[i])[0]?.selector ?? [];
      const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
      expect(quote).toMatchObject({ exact: claim.quote.exact });
      const position = selectors.find((s) => s.type === 'TextPositionSelector');
      if (claim.orphaned) {
        expect(position).toBeUndefined();
        continue;
      }
      if (position?.type !== 'TextPositionSelector') throw new Error('missing TextPositionSelector');
      expect(codePoints.slice(position.start, position.end).join('')).toBe(claim.quote.exact);
      if (quote?.type === 'TextQuoteSelector') expect(text).toContain(`${quote.prefix ?? ''}${quote.exact}${quote.suffix ?? ''}`);
    }
  });

  it('carries verdict, rationale and claim text bodies; pending claims are highlights only', () => {
    const [first] = annotations;
    expect(first?.motivation).toBe('assessing');
    expect(first?.body).toContainEqual({ type: 'TextualBody', value: 'False', purpose: 'assessing', format: 'text/plain' });
    expect(first?.body.some((b) => b.type === 'TextualBody' && b.purpose === 'commenting' && b.value === vm.claims[0]?.rationale)).toBe(true);
    expect(first?.body.some((b) => b.type === 'TextualBody' && b.purpose === 'describing' && b.value === vm.claims[0]?.claimText)).toBe(true);

    const pending = annotations[vm.claims.findIndex((c) => c.finalVerdict === null)];
    expect(pending?.motivation).toBe('highlighting');
    expect(pending?.body.some((b) => b.purpose === 'assessing')).toBe(false);
  });

  it('marks orphaned claims with a describing body', () => {
    const orphan = annotations[vm.claims.findIndex((c) => c.orphaned)];
    expect(orphan?.body.some((b) => b.type === 'TextualBody' && b.purpose === 'describing' && b.value.includes('no longer in the article'))).toBe(true);
  });

  it('links only http(s) sources', () => {
    const links = annotations.flatMap((a) => a.body.filter((b) => b.type === 'SpecificResource'));
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) expect(link.source).toMatch(/^https?:\/\//);
    // Rationale text may mention "javascript:" as words; no IRI-valued field may hold one.
    const iris: string[] = [];
    JSON.stringify(collection, (key, value: unknown) => {
      if ((key === 'id' || key === 'source' || key === 'homepage') && typeof value === 'string') iris.push(value);
      return value;
    });
    expect(iris.length).toBeGreaterThan(annotations.length);
    for (const iri of iris) expect(iri).toMatch(/^https?:\/\//);
  });
});

describe('W3C export for publication (public audience)', () => {
  const internal = buildPublishedFixtureViewModel();
  const published = renderW3cAnnotations(publicView());
  const items = published.first.items;

  it('leaves claims excluded from the fact-check out', () => {
    expect(items.map((a) => a.id)).not.toContain(`http://localhost:3000/annotations/${FIXTURE_EXCLUDED_CLAIM_ID}`);
    expect(published.total).toBe(internal.claims.length - 1);
    expect(items).toHaveLength(published.total);
  });

  it('links only public sources', () => {
    const linked = items.flatMap((a) => a.body.flatMap((b) => (b.type === 'SpecificResource' ? [b.source] : [])));
    expect(linked).toContain('https://amar.example.ir/labour-force/1402');
    expect(linked).not.toContain('https://tips.example.net/inbox/77');
    expect(JSON.stringify(published)).not.toContain('tips.example.net');
    expect(JSON.stringify(published)).not.toContain('internal.example.net');
  });

  it('keeps every claim internally, the excluded one saying why', () => {
    const all = renderW3cAnnotations(internal).first.items;
    expect(all).toHaveLength(internal.claims.length);
    const excluded = all.find((a) => a.id.endsWith(`/annotations/${FIXTURE_EXCLUDED_CLAIM_ID}`));
    expect(excluded?.body).toContainEqual({ type: 'TextualBody', value: 'Not part of the fact-check: Attribution only <not> a factual claim.', purpose: 'describing', format: 'text/plain' });
    // Internal exports link internal sources too (they are the desk's own).
    expect(JSON.stringify(all)).toContain('https://tips.example.net/inbox/77');
  });

  it('says so in every annotation once the fact-check is retracted', () => {
    const view = publicView();
    const retracted = { ...view, publication: { ...view.publication!, retraction: { at: '2024-03-12T08:00:00.000Z', reason: 'The figures were wrong.' } } };
    for (const annotation of renderW3cAnnotations(retracted).first.items) {
      expect(annotation.body).toContainEqual({ type: 'TextualBody', value: 'This fact-check was retracted on 12 March 2024. The figures were wrong.', purpose: 'describing', format: 'text/plain' });
      expect(failures(loadW3cSuite(MUSTS), annotation)).toEqual([]);
    }
    expect(items.every((a) => a.body.every((b) => b.type !== 'TextualBody' || !b.value.includes('retracted')))).toBe(true);
  });

  it('builds the same annotation for one claim as the collection holds (what GET /annotations/<id> serves)', () => {
    const view = publicView();
    const claim = view.claims.find((c) => c.number === 5)!;
    expect(buildAnnotation(view, claim)).toEqual(items.find((a) => a.id === `http://localhost:3000/annotations/${claim.id}`));
  });
});

describe('W3C export of multi-part claims and quoted evidence', () => {
  const multi = buildMultiPartFixtureViewModel();
  const items = renderW3cAnnotations(multi).first.items;
  const byNumber = (vm: ReportViewModel, list: W3cAnnotation[], n: number) => list.find((a) => a.id.endsWith(`/annotations/${vm.claims.find((c) => c.number === n)?.id}`));
  const codePoints = [...multi.article.text];

  it.each(modes)('every annotation passes the MUST assertions (%s), internally and publicly', (_mode, assertions) => {
    const published = renderW3cAnnotations(toPublicationAudience({ ...multi, publication: buildPublishedFixtureViewModel().publication })).first.items;
    for (const annotation of [...items, ...published]) expect(failures(assertions, annotation), annotation.id).toEqual([]);
  });

  it('gives a two-part claim one SpecificResource target per part, in text order, each with quote and position', () => {
    const claim = multi.claims.find((c) => c.number === FIXTURE_TWO_PART_CLAIM_NUMBER)!;
    const annotation = byNumber(multi, items, FIXTURE_TWO_PART_CLAIM_NUMBER);
    expect(Array.isArray(annotation?.target)).toBe(true);
    const targets = targetsOf(annotation);
    expect(targets).toHaveLength(2);
    targets.forEach((target, i) => {
      const part = claim.parts![i]!;
      expect(target.type).toBe('SpecificResource');
      // The same article source as single-part targets.
      expect(target.source).toEqual(targetsOf(byNumber(multi, items, 1))[0]?.source);
      expect(target.selector).toEqual([
        { type: 'TextQuoteSelector', exact: part.quote.exact, ...(part.quote.prefix ? { prefix: part.quote.prefix } : {}), suffix: part.quote.suffix },
        { type: 'TextPositionSelector', start: part.position.start, end: part.position.end },
      ]);
      expect(codePoints.slice(part.position.start, part.position.end).join('')).toBe(part.quote.exact);
    });
    // The first part opens the article: no prefix to give.
    expect(targets[0]!.selector).toEqual([expect.objectContaining({ exact: claim.parts![0]!.quote.exact }), { type: 'TextPositionSelector', start: 0, end: claim.parts![0]!.position.end }]);
    expect(targets[0]!.selector[0]).not.toHaveProperty('prefix');
  });

  it('keeps only the quote of an orphaned part and says which part is gone', () => {
    const annotation = byNumber(multi, items, FIXTURE_PARTIAL_CLAIM_NUMBER);
    const targets = targetsOf(annotation);
    expect(targets).toHaveLength(2);
    expect(targets[0]?.selector).toEqual([{ type: 'TextQuoteSelector', exact: FIXTURE_GONE_PART, suffix: ' گفت' }]);
    expect(targets[1]?.selector.map((s) => s.type)).toEqual(['TextQuoteSelector', 'TextPositionSelector']);
    const note = annotation?.body.find((b) => b.type === 'TextualBody' && b.purpose === 'describing' && b.value.startsWith('Part 1 of 2'));
    expect(note).toMatchObject({ value: `Part 1 of 2 (“${FIXTURE_GONE_PART}”) is no longer in the article.`, language: 'en' });
    expect(annotation?.body.some((b) => b.type === 'TextualBody' && b.value.includes('Text no longer in the article'))).toBe(false);
  });

  it('keeps a single target object for single-part claims (as before)', () => {
    for (const annotation of items.filter((a) => !a.id.endsWith('c-two-part') && !a.id.endsWith('c-partial'))) expect(Array.isArray(annotation.target)).toBe(false);
  });

  it('exports a source with a passage as a linking SpecificResource with a TextQuoteSelector on the source URL', () => {
    const bodies = byNumber(multi, items, FIXTURE_TWO_PART_CLAIM_NUMBER)?.body ?? [];
    expect(bodies).toContainEqual({
      type: 'SpecificResource',
      source: 'https://customs.example.org/annual-report-2023#summary',
      purpose: 'linking',
      selector: { type: 'TextQuoteSelector', exact: 'Non-oil exports grew 7%, year-on-year & in real terms', prefix: 'In 2023,', suffix: 'according to the provisional' },
    });
    // No context given: exact only; line breaks kept as stored (the selector is the passage itself).
    expect(bodies).toContainEqual({ type: 'SpecificResource', source: 'https://tips.example.net/inbox/91', purpose: 'linking', selector: { type: 'TextQuoteSelector', exact: 'The 12% figure\nwas a projection.' } });
    // A source without a passage stays a plain link.
    const lowest = byNumber(multi, items, 2)?.body ?? [];
    expect(lowest).toContainEqual({ type: 'SpecificResource', source: 'http://data.example.org/unemployment.csv', purpose: 'linking' });
    // Claim 1's passage now has context.
    expect(byNumber(multi, items, 1)?.body).toContainEqual({
      type: 'SpecificResource',
      source: 'https://amar.example.ir/labour-force/1402',
      purpose: 'linking',
      selector: { type: 'TextQuoteSelector', exact: 'نرخ بیکاری: ۸٫۲ درصد', prefix: 'جدول ۲:', suffix: 'در سال ۱۴۰۲' },
    });
  });

  it('leaves internal evidence out of the public export', () => {
    const published = toPublicationAudience({ ...multi, publication: buildPublishedFixtureViewModel().publication });
    const json = JSON.stringify(renderW3cAnnotations(published));
    expect(json).toContain('customs.example.org');
    expect(json).not.toContain('tips.example.net');
    expect(json).not.toContain('was a projection');
  });

  it('reads a snapshot from before multi-part claims and passage context (no parts, no excerptPrefix)', () => {
    const old = structuredClone(multi);
    for (const claim of old.claims) {
      delete claim.parts;
      for (const source of claim.sources) {
        delete source.excerptPrefix;
        delete source.excerptSuffix;
      }
    }
    const oldItems = renderW3cAnnotations(old).first.items;
    for (const annotation of oldItems) expect(failures(modes[0]![1], annotation)).toEqual([]);
    expect(targetsOf(byNumber(old, oldItems, FIXTURE_TWO_PART_CLAIM_NUMBER))).toHaveLength(1);
  });

  it('the harness catches a broken part target and a broken evidence selector', () => {
    const [, assertions] = modes[0]!;
    const annotation = structuredClone(byNumber(multi, items, FIXTURE_TWO_PART_CLAIM_NUMBER)!);
    const targets = annotation.target as W3cTarget[];
    targets[1]!.selector = [{ type: 'TextQuoteSelector' } as unknown as W3cTarget['selector'][number]];
    expect(failures(assertions, annotation).map((f) => f.file)).toContain('annotations/specificResource/4.2.4-textQuoteSelectorValid.json');

    const evidence = structuredClone(byNumber(multi, items, FIXTURE_TWO_PART_CLAIM_NUMBER)!);
    const link = evidence.body.find((b) => b.type === 'SpecificResource' && b.selector) as { selector: unknown };
    link.selector = { type: 'TextQuoteSelector', prefix: 'no exact' };
    expect(failures(assertions, evidence).map((f) => f.file)).toContain('annotations/specificResource/4.2.4-textQuoteSelectorValid.json');
  });
});
