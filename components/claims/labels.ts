import type { ClaimStatus } from '@/lib/domain/statuses';

export const STATUS_LABELS: Record<ClaimStatus, string> = { open: 'Open', in_review: 'In review', resolved: 'Resolved' };
