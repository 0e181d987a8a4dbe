import type { ClaimDto, SourceDto } from '@/lib/domain/claims';
import type { ScaleDto } from '@/lib/domain/scales';
import type { Role } from '@/lib/domain/roles';

export type { ClaimDto, SourceDto };
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
  status: 'draft' | 'in_review' | 'ready' | 'published';
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

export const PENDING_COLOR = '#8c959f';
