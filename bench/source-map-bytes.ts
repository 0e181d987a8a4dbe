/**
 * How many characters of a generated JS file each original source produced, read from its source
 * map (plain or indexed with `sections`, as Turbopack writes). A mapping segment owns the generated
 * text from its column to the next segment on the same line (or the line's end). Minified chunks
 * are ASCII almost throughout, so characters ≈ bytes.
 */
import { z } from 'zod';

const BasicMap = z.object({ sources: z.array(z.string()), mappings: z.string() });
interface Section {
  offset: { line: number; column: number };
  map: SourceMap;
}
type SourceMap = z.infer<typeof BasicMap> | { sections: Section[] };
const SourceMapSchema: z.ZodType<SourceMap> = z.union([
  BasicMap,
  z.object({
    sections: z.array(z.object({ offset: z.object({ line: z.number().int().min(0), column: z.number().int().min(0) }), map: z.lazy(() => SourceMapSchema) })),
  }),
]);

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 VLQ values of one mapping segment ("AAgBC" → [0, 0, 16, 1]). */
export function decodeVlq(segment: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    if (digit < 0) throw new Error(`Not a base64 VLQ digit: "${char}" in "${segment}"`);
    value += (digit & 31) * 2 ** shift;
    if (digit & 32) {
      shift += 5;
      continue;
    }
    values.push(value % 2 === 1 ? -Math.floor(value / 2) : value / 2);
    value = 0;
    shift = 0;
  }
  if (shift !== 0) throw new Error(`Truncated VLQ segment "${segment}"`);
  return values;
}

interface Segment {
  line: number;
  column: number;
  /** null: generated code with no original source (runtime glue). */
  source: string | null;
}

function collectSegments(map: SourceMap, lineOffset: number, columnOffset: number, into: Segment[]): void {
  if ('sections' in map) {
    for (const section of map.sections) {
      // A section's first line starts at its column; its later lines start at column 0.
      const column = section.offset.line === 0 ? columnOffset + section.offset.column : section.offset.column;
      collectSegments(section.map, lineOffset + section.offset.line, column, into);
    }
    return;
  }
  let sourceIndex = 0;
  map.mappings.split(';').forEach((lineMappings, lineIndex) => {
    let column = 0;
    for (const text of lineMappings.split(',')) {
      if (text === '') continue;
      const [columnDelta = 0, sourceDelta] = decodeVlq(text);
      column += columnDelta;
      let source: string | null = null;
      if (sourceDelta !== undefined) {
        sourceIndex += sourceDelta;
        source = map.sources[sourceIndex] ?? null;
      }
      into.push({ line: lineOffset + lineIndex, column: column + (lineIndex === 0 ? columnOffset : 0), source });
    }
  });
}

/** Generated characters per original source path (unmapped text is not counted). */
export function bytesPerSource(code: string, rawMap: unknown): Map<string, number> {
  const map = SourceMapSchema.parse(rawMap);
  const segments: Segment[] = [];
  collectSegments(map, 0, 0, segments);
  segments.sort((a, b) => a.line - b.line || a.column - b.column);
  const lineLengths = code.split('\n').map((line) => line.length);
  const totals = new Map<string, number>();
  segments.forEach((segment, i) => {
    const next = segments[i + 1];
    const end = next && next.line === segment.line ? next.column : (lineLengths[segment.line] ?? segment.column);
    if (segment.source !== null && end > segment.column) totals.set(segment.source, (totals.get(segment.source) ?? 0) + end - segment.column);
  });
  return totals;
}
