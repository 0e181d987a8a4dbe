'use client';

import { useEffect, useRef, useState } from 'react';
import type { ArticleUpdatedEvent, EntityEvent, PresenceViewer } from '@/lib/events/types';
import { ENTITY_EVENT_TYPES } from '@/lib/events/types';

export type LiveStatus = 'connecting' | 'live' | 'reconnecting' | 'closed' | 'revoked';

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
  const handlersRef = useRef(handlers);
  useEffect(() => {
    handlersRef.current = handlers;
  });

  useEffect(() => {
    // The cursor from the server render closes the gap between rendering and connecting.
    const source = new EventSource(`/api/articles/${articleId}/events${initialCursor ? `?lastEventId=${encodeURIComponent(initialCursor)}` : ''}`);
    const parse = <T,>(message: MessageEvent<string>): T | null => {
      try {
        return JSON.parse(message.data) as T;
      } catch {
        return null;
      }
    };
    const onEntity = (message: MessageEvent<string>) => {
      const event = parse<EntityEvent>(message);
      if (event) handlersRef.current.onEntity(event);
    };
    for (const type of ENTITY_EVENT_TYPES) source.addEventListener(type, onEntity);
    source.addEventListener('article.updated', (message) => {
      const event = parse<ArticleUpdatedEvent>(message);
      if (event) handlersRef.current.onArticleUpdated(event);
    });
    source.addEventListener('presence.changed', (message) => {
      const event = parse<{ viewers: PresenceViewer[] }>(message);
      if (event) handlersRef.current.onPresence(event.viewers);
    });
    source.addEventListener('ready', (message) => {
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
    source.onerror = () => {
      // CLOSED: the server refused the reconnect (signed out, removed): EventSource gives up.
      const next: LiveStatus = source.readyState === EventSource.CLOSED ? 'closed' : 'reconnecting';
      setStatus((s) => (s === 'revoked' ? s : next));
    };
    return () => source.close();
  }, [articleId, initialCursor]);

  return status;
}
