import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from '@playwright/test';
import { expect, importArticle, pageAs, test } from './fixtures';
import { ArticlePage } from './pages/article-page';

/**
 * Review sessions (issue 15) with three people at once: Tom (editor) leads, Ana and Kofi
 * (reviewers) follow. Start with the proposed agenda → both join → the lead moves on and both
 * followers land on the claim → one breaks away and rejoins → a called vote hides every verdict
 * until the reveal → the lead sets the final verdict → end → minutes. Then a viewer who follows
 * without vote controls, keyboard-only use of the bar, the aria-live announcement, and a second
 * Start refused with the server's message.
 */

const SHOTS = process.env.SHOTS_DIR ?? '/tmp/shots-h4';
mkdirSync(SHOTS, { recursive: true });

const SENTENCES = [
  'The mayor said the city built 4,000 homes last year.',
  'Rents fell by a fifth across the city, the council claims.',
  'Unemployment is at its lowest level since 1990.',
  'The new tram line carries 80,000 passengers a day.',
];
const TEXT = SENTENCES.join('\n\n');

interface Level {
  id: string;
  key: string;
  label: string;
}

/** An article of its own with four claims (one per sentence, numbered 1–4 in text order). */
async function articleWithClaims(page: Page, title: string): Promise<{ id: string; claims: string[] }> {
  const id = await importArticle(page, `${title} ${Date.now()}`, TEXT);
  const claims: string[] = [];
  for (const sentence of SENTENCES) {
    const start = TEXT.indexOf(sentence);
    const response = await page.request.post('/api/claims', { data: { articleId: id, revision: 1, start, end: start + sentence.length - 1 } });
    expect(response.status(), await response.text()).toBe(201);
    claims.push(((await response.json()) as { claim: { id: string } }).claim.id);
  }
  return { id, claims };
}

async function scaleLevels(page: Page): Promise<Level[]> {
  const { workspaces } = (await (await page.request.get('/api/workspaces')).json()) as { workspaces: Array<{ id: string; slug: string }> };
  const workspaceId = workspaces.find((w) => w.slug === 'demo-desk')!.id;
  const { scale } = (await (await page.request.get(`/api/workspaces/${workspaceId}/scale`)).json()) as { scale: { levels: Level[] } };
  return scale.levels;
}

async function giveVerdictByApi(page: Page, claimId: string, level: Level, reason: string) {
  const response = await page.request.put(`/api/claims/${claimId}/verdicts`, { data: { verdictId: level.id, reason } });
  expect([200, 201], await response.text()).toContain(response.status());
}

/** What this user may see of the claim's reviewer verdicts, straight from the API. */
async function verdictsSeen(page: Page, claimId: string): Promise<{ mine: { verdictLabel: string } | null; others: Array<{ userName: string; verdictLabel: string }> }> {
  const body = (await (await page.request.get(`/api/claims/${claimId}/verdicts`)).json()) as { verdicts: { mine: { verdictLabel: string } | null; others: Array<{ userName: string; verdictLabel: string }> } };
  return body.verdicts;
}

/** The number of the claim open in the claim panel (list rows carry a number too). */
function openClaimNumber(page: Page): Locator {
  return page.getByTestId('claim-detail').getByTestId('claim-number');
}

function bar(page: Page): Locator {
  return page.getByTestId('session-bar');
}

async function openArticle(browser: Browser, who: 'editor' | 'reviewer' | 'reviewer2' | 'viewer' | 'owner', id: string): Promise<Page> {
  const page = await pageAs(browser, who);
  await new ArticlePage(page).open(id);
  await expect(page.getByTestId('live-status')).toHaveText('Live');
  return page;
}

async function voteInVerdictsTab(page: Page, label: string, reason: string) {
  await page.getByTestId('claim-detail').getByRole('tab', { name: 'Verdicts' }).click();
  const verdicts = page.getByTestId('reviewer-verdicts');
  await verdicts.getByRole('radio', { name: label, exact: true }).check();
  await verdicts.getByLabel('Why (short)').fill(reason);
  const saved = page.waitForResponse((r) => /\/api\/claims\/[^/]+\/verdicts$/.test(r.url()) && r.request().method() === 'PUT');
  await verdicts.getByRole('button', { name: /Save my verdict|Update my verdict/ }).click();
  expect([200, 201]).toContain((await saved).status());
}

/** Presses Tab until `target` has the focus (at most `max` times); fails if it never does. */
async function tabTo(page: Page, target: Locator, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
  }
  throw new Error('The control was not reached with Tab.');
}

test.describe('review sessions', () => {
  test('lead and two reviewers: agenda, follow the lead, break away and rejoin, hidden vote, reveal, decide, end, minutes', async ({ browser }) => {
    test.setTimeout(300_000);
    const tom = await pageAs(browser, 'editor');
    const { id, claims } = await articleWithClaims(tom, 'Session check');
    const levels = await scaleLevels(tom);
    const level = (label: string) => levels.find((l) => l.label === label)!;

    const ana = await openArticle(browser, 'reviewer', id);
    const kofi = await openArticle(browser, 'reviewer2', id);
    // Reviewers disagree on claim 3 before the session: the proposal puts it first.
    await giveVerdictByApi(ana, claims[2]!, level('True'), 'Matches the census.');
    await giveVerdictByApi(kofi, claims[2]!, level('False'), 'The census says otherwise.');
    await new ArticlePage(tom).open(id);
    await expect(tom.getByTestId('live-status')).toHaveText('Live');

    // Reviewers cannot start one.
    await expect(ana.getByTestId('start-session')).toHaveCount(0);

    // Start: the proposal, reordered by keyboard-friendly buttons, one removed and added back.
    await tom.getByTestId('start-session').click();
    const dialog = tom.getByTestId('start-session-dialog');
    const proposed = dialog.getByTestId('proposal-item');
    await expect(proposed).toHaveCount(4);
    await expect(proposed.first()).toContainText('Claim #3');
    await expect(proposed.first().getByTestId('proposal-reason')).toHaveText('Reviewers disagree · 0% agreement');
    await expect(proposed.nth(1).getByTestId('proposal-reason')).toHaveText('No final verdict');
    await dialog.getByRole('button', { name: 'Move claim #3 down' }).click();
    await dialog.getByRole('button', { name: 'Move claim #3 down' }).click();
    await expect(proposed.nth(2)).toContainText('Claim #3');
    await dialog.getByRole('button', { name: 'Remove claim #4' }).click();
    await expect(proposed).toHaveCount(3);
    await dialog.getByLabel('Add a claim to the agenda').selectOption(claims[3]!);
    await dialog.getByRole('button', { name: 'Add claim' }).click();
    await expect(proposed).toHaveCount(4);
    await expect(proposed.nth(3)).toContainText('Added by the lead');
    await dialog.getByLabel('Timebox per item (minutes, optional)').fill('5');
    await tom.screenshot({ path: path.join(SHOTS, 'start-dialog.png') });
    const started = tom.waitForResponse((r) => r.url().endsWith(`/api/articles/${id}/review-sessions`) && r.request().method() === 'POST');
    await dialog.getByRole('button', { name: 'Start session' }).click();
    expect((await started).status()).toBe(201);
    await expect(dialog).toHaveCount(0);
    await expect(bar(tom).getByTestId('session-position')).toHaveText('Item 1 of 4 · Claim #1');
    await expect(bar(tom).getByTestId('session-follow-state')).toHaveText('You are leading');
    await expect(bar(tom).getByTestId('session-countdown')).toHaveText(/^[45]:\d\d$/);
    await expect(tom.getByTestId('start-session')).toHaveCount(0);

    // Both reviewers see it and join; each lands on item 1's claim.
    for (const page of [ana, kofi]) {
      await expect(bar(page)).toContainText('Review session in progress — led by Tom Becker');
      await bar(page).getByRole('button', { name: 'Join' }).click();
      await expect(bar(page).getByTestId('session-position')).toHaveText('Item 1 of 4 · Claim #1');
      await expect(bar(page).getByTestId('session-follow-state')).toHaveText('Following Tom Becker');
      await expect(openClaimNumber(page)).toHaveText('Claim 1');
    }
    await expect(tom.getByTestId('session-people-following')).toHaveText(/Ana Souza, Kofi Mensah|Kofi Mensah, Ana Souza/);

    // The lead moves to item 2: both followers see claim 2 open, and it is announced.
    await tom.getByTestId('session-agenda').getByRole('button', { name: 'Go to item 2: claim #2' }).click();
    await expect(bar(tom).getByTestId('session-position')).toHaveText('Item 2 of 4 · Claim #2');
    for (const page of [ana, kofi]) {
      await expect(openClaimNumber(page)).toHaveText('Claim 2');
      await expect(bar(page).getByTestId('session-position')).toHaveText('Item 2 of 4 · Claim #2');
      await expect(page.getByTestId('session-announcer')).toHaveText('Now discussing item 2: claim #2');
      await expect(new ArticlePage(page).highlight(claims[1]!).first()).toBeInViewport();
    }
    await kofi.screenshot({ path: path.join(SHOTS, 'follower-session-bar.png') });

    // Ana breaks away (opens claim 4 herself), the lead sees it, and she rejoins with one click.
    await new ArticlePage(ana).highlight(claims[3]!).first().click();
    await expect(openClaimNumber(ana)).toHaveText('Claim 4');
    await expect(bar(ana).getByTestId('session-follow-state')).toHaveText('You’re looking elsewhere');
    await expect(tom.getByTestId('session-people-away')).toHaveText('Ana Souza');
    await expect(tom.getByTestId('session-people-following')).toHaveText('Kofi Mensah');
    await ana.screenshot({ path: path.join(SHOTS, 'follower-broken-away.png') });
    await bar(ana).getByRole('button', { name: 'Rejoin' }).click();
    await expect(bar(ana).getByTestId('session-follow-state')).toHaveText('Following Tom Becker');
    await expect(openClaimNumber(ana)).toHaveText('Claim 2');
    await expect(tom.getByTestId('session-people-away')).toHaveText('—');

    // A note from a reviewer, seen by the lead with its author.
    const noteBox = ana.getByTestId('session-notes');
    await noteBox.getByLabel('Add a note to this item').fill('The council counts only social housing.');
    await noteBox.getByRole('button', { name: 'Add note' }).click();
    await expect(tom.getByTestId('session-note')).toContainText('Ana Souza');
    await expect(tom.getByTestId('session-note')).toContainText('The council counts only social housing.');

    // The lead calls a vote; the reviewers vote through the Verdicts tab.
    await tom.getByTestId('session-vote').getByRole('button', { name: 'Call vote' }).click();
    for (const page of [ana, kofi]) await expect(page.getByTestId('session-vote')).toContainText('Vote in progress — give your verdict in the Verdicts tab');
    await voteInVerdictsTab(ana, 'Misleading', 'Only social housing is counted.');
    await expect(tom.getByTestId('session-vote-count')).toHaveText(/^1 of \d voted$/);
    // Before the reveal nobody sees anyone else's verdict, and the lead sees none.
    expect((await verdictsSeen(kofi, claims[1]!)).others).toEqual([]);
    expect(await verdictsSeen(tom, claims[1]!)).toMatchObject({ mine: null, others: [] });
    expect(await verdictsSeen(ana, claims[1]!)).toMatchObject({ mine: { verdictLabel: 'Misleading' }, others: [] });
    await expect(ana.getByTestId('reviewer-verdicts').getByTestId('team-verdict')).toHaveCount(1);
    await tom.screenshot({ path: path.join(SHOTS, 'lead-panel-vote.png') });
    // On a phone (one column) the session panel starts folded, so the text stays readable; a reload lands on the item.
    await ana.setViewportSize({ width: 390, height: 844 });
    await ana.reload();
    await expect(openClaimNumber(ana)).toHaveText('Claim 2');
    await expect(bar(ana).getByTestId('session-follow-state')).toHaveText('Following Tom Becker');
    await expect(ana.getByTestId('session-panel')).toHaveCount(0);
    await ana.screenshot({ path: path.join(SHOTS, 'mobile-follower-folded.png') });
    await ana.getByTestId('session-sheet').getByRole('button', { name: 'Show session panel' }).click();
    await expect(ana.getByTestId('session-vote')).toContainText('1 of');
    await ana.screenshot({ path: path.join(SHOTS, 'mobile-follower-vote.png') });
    await ana.setViewportSize({ width: 1440, height: 900 });
    await ana.reload();
    await expect(ana.getByTestId('session-panel')).toBeVisible();

    await voteInVerdictsTab(kofi, 'False', 'Completions fell, the council counts plans.');
    // Both reviewers present have now voted (the lead, who has not, does not count): it reveals itself.
    await expect(tom.getByTestId('session-vote')).toHaveAttribute('data-vote-state', 'revealed');
    // The reveal: both votes, the spread and the agreement, for everyone.
    for (const page of [tom, ana, kofi]) {
      const vote = page.getByTestId('session-vote');
      await expect(vote).toHaveAttribute('data-vote-state', 'revealed');
      await expect(vote.getByTestId('session-vote-results')).toContainText('Ana Souza');
      await expect(vote.getByTestId('session-vote-results')).toContainText('Misleading');
      await expect(vote.getByTestId('session-vote-results')).toContainText('Kofi Mensah');
      await expect(vote.getByTestId('session-vote-results')).toContainText('False');
      await expect(vote.getByTestId('session-vote-agreement')).toHaveText('0%');
    }
    expect((await verdictsSeen(kofi, claims[1]!)).others.map((v) => v.userName)).toContain('Ana Souza');
    await tom.screenshot({ path: path.join(SHOTS, 'lead-panel-revealed.png') });
    await tom.setViewportSize({ width: 390, height: 844 });
    await tom.getByTestId('session-vote').scrollIntoViewIfNeeded();
    await tom.screenshot({ path: path.join(SHOTS, 'mobile-lead-revealed.png') });
    await tom.setViewportSize({ width: 1440, height: 900 });

    // The lead sets the final verdict; the claim shows it for the followers.
    const decide = tom.getByTestId('session-decide');
    await decide.getByRole('radio', { name: 'False', exact: true }).check();
    await decide.getByLabel('Rationale (optional)').fill('Completions fell by a third.');
    await decide.getByRole('button', { name: 'Set final verdict' }).click();
    await expect(tom.getByTestId('session-item-outcome')).toHaveText('Decided: False');
    await expect(ana.getByTestId('claim-detail').getByTestId('verdict-chip').first()).toHaveText('False');

    // An action item for Kofi.
    const actions = tom.getByTestId('session-actions');
    await actions.getByLabel('Assign to').selectOption({ label: 'Kofi Mensah' });
    await actions.getByLabel('What to do').fill('Ask the council for completions by district');
    await actions.getByRole('button', { name: 'Add action' }).click();
    await expect(kofi.getByTestId('session-action')).toContainText('Ask the council for completions by district → Kofi Mensah');

    // A reload mid-session lands on the current item (the state comes from the server).
    await tom.getByTestId('session-agenda').getByRole('button', { name: 'Go to item 3: claim #3' }).click();
    await expect(openClaimNumber(kofi)).toHaveText('Claim 3');
    await kofi.reload();
    await expect(kofi.getByTestId('article-text')).toBeVisible();
    await expect(bar(kofi).getByTestId('session-position')).toHaveText('Item 3 of 4 · Claim #3');
    await expect(openClaimNumber(kofi)).toHaveText('Claim 3');
    await expect(bar(kofi).getByTestId('session-follow-state')).toHaveText('Following Tom Becker');

    // Defer item 3 with a note, then end the session.
    await tom.getByTestId('session-decide').getByRole('button', { name: 'Defer…' }).click();
    await tom.getByTestId('session-decide').getByLabel('Why defer? (required)').fill('Waiting for the census office.');
    await tom.getByTestId('session-decide').getByRole('button', { name: 'Defer item' }).click();
    await expect(tom.getByTestId('session-item-outcome')).toHaveText('Deferred');
    await tom.getByRole('button', { name: 'End session…' }).click();
    await tom.getByRole('group', { name: 'Confirm ending the session' }).getByRole('button', { name: 'End session' }).click();
    for (const page of [tom, ana, kofi]) await expect(bar(page)).toHaveCount(0);
    await expect(tom.getByTestId('start-session')).toBeVisible();

    // The minutes, from the Sessions tab: attendees, decisions, votes, notes, actions.
    const back = tom.getByRole('button', { name: 'Back to all claims' });
    if (await back.isVisible()) await back.click();
    await tom.getByRole('group', { name: 'Show in the panel' }).getByRole('button', { name: 'Sessions' }).click();
    const past = tom.getByTestId('past-session');
    await expect(past).toHaveCount(1);
    await expect(past).toContainText('Led by Tom Becker · 1 decided · 1 deferred');
    await past.click();
    const minutes = tom.getByTestId('session-minutes');
    for (const name of ['Tom Becker', 'Ana Souza', 'Kofi Mensah']) await expect(minutes.getByTestId('minutes-attendees')).toContainText(name);
    const item2 = minutes.getByTestId('minutes-item').filter({ hasText: 'Claim #2' });
    await expect(item2).toContainText('Decided: False');
    await expect(item2.getByTestId('minutes-votes')).toContainText('Ana Souza: Misleading');
    await expect(item2.getByTestId('minutes-votes')).toContainText('Kofi Mensah: False');
    await expect(item2).toContainText('The council counts only social housing.');
    await expect(minutes.getByTestId('minutes-item').filter({ hasText: 'Claim #3' })).toContainText('Deferred');
    await expect(minutes.getByTestId('minutes-actions')).toContainText('Ask the council for completions by district → Kofi Mensah');
    const markdownLink = minutes.getByRole('link', { name: 'Download Markdown' });
    const href = await markdownLink.getAttribute('href');
    expect(href).toMatch(/\/api\/review-sessions\/[^/]+\/minutes\?format=markdown$/);
    await expect(minutes.getByRole('link', { name: 'Download PDF' })).toHaveAttribute('href', href!.replace('markdown', 'pdf'));
    const markdown = await tom.request.get(href!);
    expect(markdown.status()).toBe(200);
    expect(await markdown.text()).toContain('Kofi Mensah');
    await tom.screenshot({ path: path.join(SHOTS, 'minutes.png') });
    for (const page of [tom, ana, kofi]) await page.context().close();
  });

  test('a viewer follows without vote or note controls; the bar works by keyboard and announces the item; a second Start gets the server’s message', async ({ browser }) => {
    test.setTimeout(180_000);
    const tom = await pageAs(browser, 'editor');
    const { id } = await articleWithClaims(tom, 'Session viewer check');
    const tomArticle = new ArticlePage(tom);
    await tomArticle.open(id);
    // A second tab of Tom's opens the Start dialog too, before the first one starts.
    const tom2 = await tom.context().newPage();
    await new ArticlePage(tom2).open(id);
    await tom.getByTestId('start-session').click();
    await tom2.getByTestId('start-session').click();
    await expect(tom.getByTestId('proposal-item')).toHaveCount(4);
    await expect(tom2.getByTestId('proposal-item')).toHaveCount(4);
    await tom.getByTestId('start-session-dialog').getByRole('button', { name: 'Start session' }).click();
    await expect(bar(tom).getByTestId('session-position')).toHaveText('Item 1 of 4 · Claim #1');
    const refused = tom2.waitForResponse((r) => r.url().endsWith(`/api/articles/${id}/review-sessions`) && r.request().method() === 'POST');
    await tom2.getByTestId('start-session-dialog').getByRole('button', { name: 'Start session' }).click();
    const response = await refused;
    expect(response.status()).toBe(409);
    const { error } = (await response.json()) as { error: { message: string } };
    expect(error.message).toContain('Tom Becker');
    await expect(tom2.getByTestId('start-session-error')).toHaveText(error.message);
    await tom2.screenshot({ path: path.join(SHOTS, 'start-refused.png') });
    await tom2.close();

    // Vera (viewer) joins with the keyboard only.
    const vera = await openArticle(browser, 'viewer', id);
    await expect(bar(vera)).toContainText('Review session in progress — led by Tom Becker');
    await tabTo(vera, bar(vera).getByRole('button', { name: 'Join' }));
    await vera.keyboard.press('Enter');
    await expect(bar(vera).getByTestId('session-follow-state')).toHaveText('Following Tom Becker');
    await expect(openClaimNumber(vera)).toHaveText('Claim 1');
    // Every control of the bar (and the session panel's toggle) is a button reachable with Tab.
    await tabTo(vera, bar(vera).getByRole('button', { name: 'Leave' }));
    const toggle = vera.getByTestId('session-sheet').getByRole('button', { name: 'Hide session panel' });
    await tabTo(vera, toggle);
    await vera.keyboard.press('Enter');
    await expect(vera.getByTestId('session-panel')).toHaveCount(0);
    await expect(vera.getByTestId('session-sheet').getByRole('button', { name: 'Show session panel' })).toBeFocused();
    await vera.keyboard.press('Enter');
    await expect(vera.getByTestId('session-panel')).toBeVisible();

    // The lead moves on: the item change is announced in the polite live region.
    const announcer = vera.getByTestId('session-announcer');
    await expect(announcer).toHaveAttribute('aria-live', 'polite');
    await tom.getByTestId('session-agenda').getByRole('button', { name: 'Go to item 2: claim #2' }).click();
    await expect(announcer).toHaveText('Now discussing item 2: claim #2');
    await expect(openClaimNumber(vera)).toHaveText('Claim 2');

    // A called vote: the viewer sees its progress but has nothing to vote or note with.
    await tom.getByTestId('session-vote').getByRole('button', { name: 'Call vote' }).click();
    await expect(vera.getByTestId('session-vote')).toHaveAttribute('data-vote-state', 'open');
    await expect(vera.getByTestId('session-vote')).toContainText('Vote in progress');
    await expect(vera.getByTestId('session-vote')).not.toContainText('give your verdict');
    await expect(vera.getByTestId('session-vote').getByRole('button')).toHaveCount(0);
    await expect(vera.getByTestId('session-notes').getByLabel('Add a note to this item')).toHaveCount(0);
    await expect(vera.getByTestId('session-decide')).toHaveCount(0);
    await vera.getByTestId('claim-detail').getByRole('tab', { name: 'Verdicts' }).click();
    await expect(vera.getByTestId('reviewer-verdicts').getByRole('radio')).toHaveCount(0);
    await vera.screenshot({ path: path.join(SHOTS, 'viewer-vote.png') });

    // Rejoin by keyboard after looking elsewhere.
    await new ArticlePage(vera).highlight((await tomArticle.claimIdByQuote(id, 'tram line'))).first().click();
    await expect(bar(vera).getByTestId('session-follow-state')).toHaveText('You’re looking elsewhere');
    await tabTo(vera, bar(vera).getByRole('button', { name: 'Rejoin' }));
    await vera.keyboard.press('Enter');
    await expect(openClaimNumber(vera)).toHaveText('Claim 2');
    await tabTo(vera, bar(vera).getByRole('button', { name: 'Leave' }));
    await vera.keyboard.press('Enter');
    await expect(bar(vera).getByRole('button', { name: 'Join' })).toBeVisible();

    await tom.getByRole('button', { name: 'End session…' }).click();
    await tom.getByRole('group', { name: 'Confirm ending the session' }).getByRole('button', { name: 'End session' }).click();
    await expect(bar(vera)).toHaveCount(0);
    for (const page of [tom, vera]) await page.context().close();
  });
});
