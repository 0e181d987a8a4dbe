import type { ClaimStatus } from '@/db/schema/enums';

export const STATUS_LABELS: Record<ClaimStatus, string> = { open: 'Open', in_review: 'In review', resolved: 'Resolved' };
