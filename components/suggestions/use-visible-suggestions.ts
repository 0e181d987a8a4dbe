'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef } from 'react';
import { queryKeys } from '@/components/workbench/query-keys';
import { useWorkbench } from '@/components/workbench/workbench-context';
import { docTextOf } from '@/lib/editor/doc-text';
import { useSuggestionsQuery } from './queries';
import { visibleSuggestions } from './suggestion-rules';
import type { SuggestionView } from './types';

const NONE: SuggestionView[] = [];

/**
 * The suggestions to show on the text as shown now, in reading order: open ones whose words are
 * where the server says (same revision), none under a claim that already covers the sentence,
 * none while the text is being edited. A list anchored to another revision is fetched again once.
 */
export function useVisibleSuggestions(): SuggestionView[] {
  const client = useQueryClient();
  const articleId = useWorkbench((s) => s.articleId);
  const editor = useWorkbench((s) => s.editor);
  const editing = useWorkbench((s) => s.editing);
  const revision = useWorkbench((s) => s.shown.revision);
  const ranges = useWorkbench((s) => s.ranges);
  const rangesRevision = useWorkbench((s) => s.rangesRevision);
  const data = useSuggestionsQuery().data;
  // The doc changes only with a new revision outside edit mode (as for the claim highlights).
  const text = useMemo(() => (editor ? docTextOf(editor.state.doc).text : null), [editor, revision]); // eslint-disable-line react-hooks/exhaustive-deps

  const refetchedFor = useRef<number | null>(null);
  useEffect(() => {
    if (!data || data.revision === revision || refetchedFor.current === revision) return;
    refetchedFor.current = revision;
    void client.invalidateQueries({ queryKey: queryKeys.suggestions(articleId), exact: true });
  }, [client, articleId, data, revision]);

  return useMemo(() => {
    if (!data || text === null || editing || data.suggestions.length === 0) return NONE;
    // Claim ranges of an older text would hide the wrong sentences: none until they are recomputed.
    const claimRanges = rangesRevision === revision ? ranges.values() : [];
    return visibleSuggestions(data.suggestions, text, claimRanges);
  }, [data, text, editing, ranges, rangesRevision, revision]);
}
