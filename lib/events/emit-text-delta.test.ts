import { afterEach, describe, expect, it } from 'vitest';
import { InMemoryEventBus, setEventBus, type WorkspaceEvent } from './bus';
import { emitArticleUpdated, liveTextDelta, MAX_TEXT_DELTA_CHARS } from './emit';
import type { ArticleTextDelta } from '@/lib/editor/text-delta';

const delta: ArticleTextDelta = {
  baseRevision: 1,
  revision: 2,
  docChanges: [{ from: 0, to: 1, insert: [{ type: 'paragraph', content: [{ type: 'text', text: 'New words.' }] }] }],
  textChanges: [{ from: 0, to: 3, insert: 'New' }],
  exceptions: [{ id: 'c1', orphaned: true }, { id: 'c2', start: 4, end: 9 }],
};

async function published(run: () => void): Promise<WorkspaceEvent[]> {
  const bus = new InMemoryEventBus();
  setEventBus(bus);
  const got: WorkspaceEvent[] = [];
  bus.subscribe({ workspaceId: 'w1' }, (e) => got.push(e));
  run();
  await new Promise((resolve) => setImmediate(resolve));
  return got;
}

afterEach(() => setEventBus(new InMemoryEventBus()));

describe('article.updated with a text delta', () => {
  it('carries a small delta', async () => {
    const [event] = await published(() => emitArticleUpdated({ id: 'a1', workspaceId: 'w1', version: 4, revision: 2 }, ['text'], 'u1', delta));
    expect(event).toMatchObject({ type: 'article.updated', fields: ['text'], revision: 2, version: 4, delta });
  });

  it('leaves out a delta over the limit (viewers refetch) and a missing one', async () => {
    const big = { ...delta, textChanges: [{ from: 0, to: 3, insert: 'x'.repeat(MAX_TEXT_DELTA_CHARS) }] };
    const events = await published(() => {
      emitArticleUpdated({ id: 'a1', workspaceId: 'w1', version: 4, revision: 2 }, ['text'], 'u1', big);
      emitArticleUpdated({ id: 'a1', workspaceId: 'w1', version: 5, revision: 3 }, ['text'], 'u1', null);
      emitArticleUpdated({ id: 'a1', workspaceId: 'w1', version: 6, revision: 3 }, ['status'], 'u1');
    });
    expect(events).toHaveLength(3);
    for (const event of events) expect(event).not.toHaveProperty('delta');
  });

  it('liveTextDelta keeps a delta exactly at the limit and drops one that cannot be serialised', () => {
    const base = JSON.stringify({ ...delta, textChanges: [{ from: 0, to: 3, insert: '' }] }).length;
    const atLimit = { ...delta, textChanges: [{ from: 0, to: 3, insert: 'x'.repeat(MAX_TEXT_DELTA_CHARS - base) }] };
    expect(JSON.stringify(atLimit).length).toBe(MAX_TEXT_DELTA_CHARS);
    expect(liveTextDelta(atLimit)).toBe(atLimit);
    const cyclic = { ...delta } as ArticleTextDelta & { self?: unknown };
    cyclic.self = cyclic;
    expect(liveTextDelta(cyclic)).toBeUndefined();
  });
});
