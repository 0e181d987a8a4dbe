import { describe, expect, it } from 'vitest';
import { HIDDEN_UNTIL_VERDICT } from '@/lib/review/blind-review';
import { HIDDEN_UNTIL_REVEAL } from '@/lib/review/verdict-visibility';
import { sampleMinutesInput } from '@/test/fixtures/review-session-minutes';
import { buildMinutes } from './minutes';
import { minutesToHtml } from './minutes-html';
import { minutesToMarkdown } from './minutes-markdown';
import { withholdMinutesDecisions } from './minutes-redaction';

const full = () => buildMinutes(sampleMinutesInput());

describe('withholdMinutesDecisions', () => {
  it('returns the minutes untouched when nothing is hidden', () => {
    const m = full();
    expect(withholdMinutesDecisions(m, new Set())).toBe(m);
  });

  it('removes outcome, votes, notes and the outcome note of every hidden claim, whatever its outcome', () => {
    const m = full();
    const hidden = new Set(m.items.flatMap((i) => (i.claimId ? [i.claimId] : [])));
    expect(hidden.size).toBeGreaterThan(1);
    const out = withholdMinutesDecisions(m, hidden);
    for (const item of out.items.filter((i) => i.claimId !== null)) {
      expect(item).toMatchObject({ outcome: 'pending', outcomeNote: '', decidedVerdict: null, decidedBy: null, votes: [], agreement: null, notes: [], decisionHidden: true });
    }
    // Position, number and quote stay; the input is not changed.
    expect(out.items.map((i) => [i.position, i.claimNumber, i.claimQuote])).toEqual(m.items.map((i) => [i.position, i.claimNumber, i.claimQuote]));
    expect(m.items.some((i) => i.decisionHidden)).toBe(false);
  });

  it('withholds only the votes and agreement of claims whose others\' verdicts are hidden; a hidden decision wins', () => {
    const m = full();
    const withVotes = m.items.filter((i) => i.claimId !== null && i.votes.length > 0);
    expect(withVotes.length).toBeGreaterThan(0);
    const [first] = withVotes;
    const out = withholdMinutesDecisions(m, new Set(), new Set([first!.claimId!]));
    const item = out.items.find((i) => i.position === first!.position)!;
    expect(item).toEqual({ ...first, votes: [], agreement: null, votesHidden: true });
    for (const other of m.items.filter((i) => i.position !== first!.position)) expect(out.items.find((i) => i.position === other.position)).toEqual(other);
    const both = withholdMinutesDecisions(m, new Set([first!.claimId!]), new Set([first!.claimId!])).items.find((i) => i.position === first!.position)!;
    expect(both).toMatchObject({ decisionHidden: true, outcome: 'pending', votes: [] });
    // Rendered: the votes line says they are hidden until the reveal (not "No vote revealed").
    for (const text of [minutesToMarkdown(out, {}), minutesToHtml(out, {})]) expect(text).toContain(HIDDEN_UNTIL_REVEAL);
    for (const text of [minutesToMarkdown(m, {}), minutesToHtml(m, {})]) expect(text).not.toContain(HIDDEN_UNTIL_REVEAL);
  });

  it('leaves other claims as they were', () => {
    const m = full();
    const [first, ...rest] = m.items.filter((i) => i.claimId !== null);
    const out = withholdMinutesDecisions(m, new Set([first!.claimId!]));
    for (const item of rest) expect(out.items.find((i) => i.position === item.position)).toEqual(item);
  });

  it('renders hidden items with the blind-review phrase and no decided words, in Markdown and HTML', () => {
    const m = full();
    const decided = m.items.find((i) => i.outcome === 'decided' && i.decidedVerdict && i.claimId)!;
    const out = withholdMinutesDecisions(m, new Set([decided.claimId!]));
    for (const text of [minutesToMarkdown(out), minutesToHtml(out)]) {
      expect(text).toContain(HIDDEN_UNTIL_VERDICT);
      expect(text).toContain('1 hidden until you give your verdict');
      expect(text).not.toContain('1 decided');
      expect(decided.votes.length).toBeGreaterThan(0);
      for (const v of decided.votes) {
        expect(text).not.toContain(`${v.name}: ${v.verdictLabel}`);
        expect(text).not.toContain(`${v.name}</bdi></b>: ${v.verdictLabel}`);
      }
      for (const n of decided.notes) expect(text).not.toContain(n.body.slice(0, 20));
    }
  });
});
