/** W3C Web Annotation TextQuoteSelector: the quoted words plus a little context either side. */
export type TextQuoteSelector = {
  type: 'TextQuoteSelector';
  exact: string;
  prefix?: string;
  suffix?: string;
};

/** W3C Web Annotation TextPositionSelector. `start`/`end` count Unicode code points, not UTF-16 units. */
export type TextPositionSelector = {
  type: 'TextPositionSelector';
  start: number;
  end: number;
};

export type Selector = TextQuoteSelector | TextPositionSelector;

/** A half-open range of UTF-16 offsets into a text (what `String.prototype.slice` takes). */
export type TextRange = { start: number; end: number };

/** What a quote is matched against besides its own words. Offsets are UTF-16. */
export type QuoteContext = {
  prefix: string;
  suffix: string;
  /** Where the quote is expected to start, if known. */
  hint?: number;
};
