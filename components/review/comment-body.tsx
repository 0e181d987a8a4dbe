import { displaySegments } from '@/lib/review/mention-tokens';

/**
 * A comment's text with its @mentions as chips (text only: never HTML). A chip shows the person's
 * current name from the stored mention (by id), so a rename shows everywhere; the name written in
 * the comment is the fallback for someone no longer there.
 */
export function CommentBody({ comment }: { comment: { body: string; mentions: ReadonlyArray<{ userId: string; name: string }> } }) {
  const currentNames = new Map(comment.mentions.map((m) => [m.userId, m.name]));
  const segments = displaySegments(comment.body,comment.mentions.map((m) => ({ userId: m.userId, label: m.name })));
  return (
    <>
      {segments.map((s, i) =>
        s.kind === 'text' ? (
          s.text
        ) : (
          <strong key={i} data-user-id={s.userId} className="mention-chip">
            @{currentNames.get(s.userId) ?? s.label}
          </strong>
        ),
      )}
    </>
  );
}
