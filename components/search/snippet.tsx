import type { SnippetPart } from '@/lib/search/types';

/** A hit's snippet: matched words in <mark>, the rest as text (React escapes it: never HTML). */
export function Snippet({ parts }: { parts: SnippetPart[] }) {
  return (
    <p className="text-sm leading-relaxed text-[var(--color-ink)]" data-testid="search-snippet">
      {parts.map((part, index) =>
        part.match ? (
          <mark key={index} className="rounded-sm bg-amber-200/80 px-0.5 text-inherit">
            {part.text}
          </mark>
        ) : (
          <span key={index}>{part.text}</span>
        ),
      )}
    </p>
  );
}
