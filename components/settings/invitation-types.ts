import type { InvitationDto } from '@/lib/domain/workspaces';

/** An invitation as it arrives over JSON (dates as ISO strings). */
export type InvitationJson = Omit<InvitationDto, 'expiresAt' | 'createdAt'> & { expiresAt: string; createdAt: string };

/** The answer of inviting and of resending: `link` only when mail is not configured. */
export interface InvitationIssued {
  invitation: InvitationJson;
  link?: string;
}

export const toInvitationJson = (dto: InvitationDto): InvitationJson => ({ ...dto, expiresAt: dto.expiresAt.toISOString(), createdAt: dto.createdAt.toISOString() });
