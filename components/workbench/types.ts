import type { ClaimDto, SourceDto } from '@/lib/domain/claims';
import type { ScaleDto } from '@/lib/domain/scales';
import type { Role } from '@/lib/domain/roles';
import type { ArticleStatus } from '@/lib/domain/statuses';

export type { ClaimDto, SourceDto };
export type { ClaimRow } from '@/lib/editor/claim-rows';
export type ScaleLevel = ScaleDto['levels'][number];

export interface WorkbenchArticle {
  id: string;
  slug: string;
  title: string;
  outlet: string;
  byline: string;
  url: string | null;
  publishedOn: string | null;
  sourceCredit: string;
  status: ArticleStatus;
  /** ISO datetime of the first publication (null: never published); until the publication state loads. */
  firstPublishedAt: string | null;
  blindReview: boolean;
  language: string;
  version: number;
  revision: number;
  doc: Record<string, unknown>;
}

export interface WorkbenchUser {
  id: string;
  name: string;
  role: Role;
}

export { PENDING_COLOR } from '@/lib/verdicts/default-scale';
