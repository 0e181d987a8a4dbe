import type { Role } from './roles';

/** How an invitation link reaches the invitee: mailed, or copied by the inviter. */
export const INVITATION_DELIVERIES = ['email', 'link'] as const;
export type InvitationDelivery = (typeof INVITATION_DELIVERIES)[number];

export interface MemberDto {
  userId: string;
  name: string;
  email: string;
  role: Role;
}

export interface InvitationDto {
  id: string;
  email: string;
  name: string;
  role: Role;
  delivery: InvitationDelivery;
  expiresAt: Date;
  createdAt: Date;
  invitedByName: string | null;
  /** Pending invitations only: 'valid' until they expire. */
  state: 'valid' | 'expired';
}
