/** Small building blocks of the HTML report. React escapes every string they are given. */
import { Fragment, type CSSProperties, type ReactNode } from 'react';
import { safeHttpUrl, splitParagraphs } from '../escape';
import { PENDING_LABEL } from '../format';
import { verdictColors } from '../verdict-colors';
import type { ReportVerdict } from '../view-model';

/** Inline CSS custom properties (verdict colours, lanes); values come from verdictColors, never from user text. */
export function cssVars(vars: Record<`--${string}`, string | number>): CSSProperties {
  return vars as CSSProperties;
}

/** A well-formed BCP 47 tag, or undefined so React leaves the lang attribute out. */
export function languageTag(language: string): string | undefined {
  return /^[a-z]{2,3}(-[a-z0-9]{1,8})*$/i.test(language) ? language : undefined;
}

export function Chip({ verdict }: { verdict: ReportVerdict | null }) {
  if (!verdict) return <span className="chip pending">{PENDING_LABEL}</span>;
  const { solid, onSolid } = verdictColors(verdict);
  return (
    <span className="chip" style={cssVars({ '--c': solid, '--on': onSolid })}>
      {verdict.label}
    </span>
  );
}

export function HiddenChip() {
  return <span className="chip pending">Hidden</span>;
}

/** A link when `url` is http(s); otherwise the text, inert. */
export function UrlText({ url }: { url: string }) {
  const safe = safeHttpUrl(url);
  return safe ? (
    <a className="bare" href={safe}>
      {url}
    </a>
  ) : (
    <bdi>{url}</bdi>
  );
}

/** Text with its line breaks kept as <br>. */
export function Multiline({ text }: { text: string }) {
  return <>{withLineBreaks(text)}</>;
}

export function withLineBreaks(text: string): ReactNode[] {
  return text.split(/\r?\n/).map((line, index) => (
    <Fragment key={index}>
      {index > 0 && <br />}
      {line}
    </Fragment>
  ));
}

export function Paragraphs({ text }: { text: string }) {
  return (
    <>
      {splitParagraphs(text).map((paragraph, index) => (
        <p key={index}>
          <Multiline text={paragraph} />
        </p>
      ))}
    </>
  );
}

/** Definition-list rows whose value is empty are left out. */
export interface Fact {
  term: string;
  value: ReactNode;
  className?: string;
}

export function FactRows({ facts }: { facts: readonly Fact[] }) {
  return (
    <>
      {facts
        .filter((fact) => fact.value !== '' && fact.value !== null && fact.value !== undefined && fact.value !== false)
        .map((fact) => (
          <div key={fact.term} className={fact.className}>
            <dt>{fact.term}</dt>
            <dd>{fact.value}</dd>
          </div>
        ))}
    </>
  );
}

/** Keeps a section heading on the same printed page as its first card. */
export function KeepWithHeading({ heading, cards, whenEmpty }: { heading: ReactNode; cards: ReactNode[]; whenEmpty: ReactNode }) {
  const [first, ...rest] = cards;
  if (first === undefined) {
    return (
      <>
        {heading}
        {whenEmpty}
      </>
    );
  }
  return (
    <>
      <div className="keep">
        {heading}
        {first}
      </div>
      {rest}
    </>
  );
}
