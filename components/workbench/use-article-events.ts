'use client';

import { useEffect, useRef, useState } from 'react';
import type { StreamClosedNotice } from '@/lib/events/stream-limits';
import type { ArticleUpdatedEvent, EntityEvent, PresenceViewer } from '@/lib/events/types';
import { ENTITY_EVENT_TYPES } from '@/lib/events/types';

/**
 * `too_many_tabs` / `article_full`: the server closed this, the oldest stream, to make room for a
 * newer one (a cap on open streams). It stays closed: reconnecting by itself would push out the
 * next tab, which would do the same, and the tabs would take turns forever.
 */
export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'closed' | 'revoked' | 'too_many_tabs' | 'article_full';

/** States the stream never leaves by itself. */
const FINAL: ReadonlySet<LiveStatus> = new Set(['revoked', 'too_many_tabs', 'article_full']);
const PAUSED: ReadonlySet<LiveStatus> = new Set(['too_many_tabs', 'article_full']);

const RESUME_EVENT = 'claimdesk:resume-live-updates';

/**
 * The person asked this tab to take over live updates again (after `too_many_tabs` or
 * `article_full`). A window event, so the notice can sit wherever the status is shown.
 */
export function resumeLiveUpdates(): void {
  window.dispatchEvent(new Event(RESUME_EVENT));
}

export interface ArticleEventHandlers {
  onEntity: (event: EntityEvent) => void;
  onArticleUpdated: (event: ArticleUpdatedEvent) => void;
  onPresence: (viewers: PresenceViewer[]) => void;
  /** Missed events are gone (server restart or too long offline): refetch everything. */
  onResync: () => void;
  /** The stream is up; `connectionId` names this tab for presence updates. */
  onReady: (connectionId: string | null) => void;
}

/**
 * Subscribes to the article's Server-Sent Events. EventSource reconnects by itself after a drop
 * and sends Last-Event-ID, so the server replays what was missed (or asks for a resync).
 */
export function useArticleEvents(articleId: string, initialCursor: string | null, handlers: ArticleEventHandlers): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>('connecting');
  // Bumped to open a new EventSource after a pause; the last event id seen lets it catch up.
  const [attempt, setAttempt] = useState(0);
  const lastEventId = useRef<string | null>(null);
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });

  useEffect(() => {
    if (!PAUSED.has(status)) return;
    const resume = () => {
      setStatus('connecting');
      setAttempt((n) => n + 1);
    };
    window.addEventListener(RESUME_EVENT, resume);
    return () => window.removeEventListener(RESUME_EVENT, resume);
  }, [status]);

  useEffect(() => {
    // The cursor from the server render closes the gap between rendering and connecting.
    const cursor = lastEventId.current ?? initialCursor;
    const source = new EventSource(`/api/articles/${articleId}/events${cursor ? `?lastEventId=${encodeURIComponent(cursor)}` : ''}`);
    const remember = (message: MessageEvent<string>) => {
      if (message.lastEventId) lastEventId.current = message.lastEventId;
    };
    const parse = <T,>(message: MessageEvent<string>): T | null => {
      try {
        return JSON.parse(message.data) as T;
      } catch {
        return null;
      }
    };
    const onEntity = (message: MessageEvent<string>) => {
      remember(message);
      const event = parse<EntityEvent>(message);
      if (event) handlersRef.current.onEntity(event);
    };
    for (const type of ENTITY_EVENT_TYPES) source.addEventListener(type, onEntity);
    source.addEventListener('article.updated', (message) => {
      remember(message);
      const event = parse<ArticleUpdatedEvent>(message);
      if (event) handlersRef.current.onArticleUpdated(event);
    });
    source.addEventListener('presence.changed', (message) => {
      const event = parse<{ viewers: PresenceViewer[] }>(message);
      if (event) handlersRef.current.onPresence(event.viewers);
    });
    source.addEventListener('ready', (message) => {
      remember(message);
      setStatus('live');
      const ready = parse<{ connectionId?: string; presence?: PresenceViewer[] | { viewers: PresenceViewer[] } }>(message);
      const presence = ready?.presence;
      if (presence) handlersRef.current.onPresence(Array.isArray(presence) ? presence : presence.viewers);
      handlersRef.current.onReady(ready?.connectionId ?? null);
    });
    source.addEventListener('resync', () => handlersRef.current.onResync());
    source.addEventListener('revoked', () => {
      setStatus('revoked');
      source.close();
    });
    source.addEventListener('closed', (message) => {
      // Close before the server's end of stream arrives, or EventSource would reconnect.
      source.close();
      const notice = parse<Partial<StreamClosedNotice>>(message);
      setStatus(notice?.limit === 'perArticle' ? 'article_full' : 'too_many_tabs');
    });
    source.onerror = () => {
      // CLOSED: the server refused the reconnect (signed out, removed): EventSource gives up.
      const next: LiveStatus = source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting';
      setStatus((s) => (FINAL.has(s) ? s : next));
    };
    return () => source.close();
  }, [articleId, initialCursor, attempt]);

  return status;
}
