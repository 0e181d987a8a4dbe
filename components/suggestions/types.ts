import type { Reason } from '@/lib/check-worthiness/types';
import type { SuggestionDto, SuggestionRunDto, SuggestionState } from '@/lib/domain/check-worthiness';

/** A suggestion as the components use it: `SuggestionDto` flattened (see `toSuggestionView`). */
export interface SuggestionView {
  id: string;
  version: number;
  /** UTF-16 offsets into the article's plain text at its current revision. */
  start: number;
  end: number;
  quote: string;
  /** 0–1. */
  score: number;
  /** Reason offsets are relative to the quote's start. */
  reasons: Reason[];
  /** Who is speaking, from the attribution cue ('' when none was found). */
  claimant: string;
  state: SuggestionState;
}

export type RunView = Pick<SuggestionRunDto, 'id' | 'status' | 'revision' | 'sentencesDone' | 'sentencesTotal' | 'progress' | 'language' | 'languageSupport' | 'unsupportedCues' | 'chunkedSentences' | 'error'>;

export function toSuggestionView(dto: SuggestionDto): SuggestionView {
  return { id: dto.id, version: dto.version, start: dto.range.start, end: dto.range.end, quote: dto.quote.exact, score: dto.score, reasons: dto.reasons, claimant: dto.claimant, state: dto.state };
}
