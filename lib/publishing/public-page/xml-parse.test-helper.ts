/**
 * A small strict XML 1.0 reader for the sitemap and feed tests: it throws on anything not
 * well-formed (unbalanced or crossed tags, unknown entities, a bare "&" or "<", unquoted or
 * repeated attributes, characters XML cannot carry, text after the root element).
 * Not imported by app code.
 */
export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: Array<XmlElement | string>;
}

const NAME = /^[A-Za-z_][\w.:-]*/;
const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const BAD_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function parseXml(xml: string): XmlElement {
  const bad = BAD_CHAR.exec(xml);
  if (bad) throw new Error(`character U+${bad[0].charCodeAt(0).toString(16)} is not allowed in XML (at ${bad.index})`);
  let i = 0;
  const decl = /^<\?xml\s+version="1\.0"(\s+encoding="[A-Za-z0-9-]+")?\s*\?>/.exec(xml);
  if (decl) i = decl[0].length;
  skipSpace();
  const root = element();
  skipSpace();
  if (i !== xml.length) throw new Error(`content after the root element at ${i}: ${xml.slice(i, i + 30)}`);
  return root;

  function skipSpace() {
    while (i < xml.length && /\s/.test(xml[i]!)) i += 1;
  }
  function name(): string {
    const match = NAME.exec(xml.slice(i));
    if (!match) throw new Error(`expected a name at ${i}: ${xml.slice(i, i + 30)}`);
    i += match[0].length;
    return match[0];
  }
  function decode(text: string, where: number): string {
    if (text.includes('<')) throw new Error(`bare "<" at ${where}`);
    return text.replace(/&([^;\s]*);?/g, (whole, ref: string) => {
      if (!whole.endsWith(';')) throw new Error(`bare "&" at ${where}: ${whole}`);
      if (ref in PREDEFINED) return PREDEFINED[ref]!;
      const numeric = /^#(?:x([0-9a-fA-F]+)|(\d+))$/.exec(ref);
      if (!numeric) throw new Error(`unknown entity &${ref}; at ${where}`);
      return String.fromCodePoint(numeric[1] ? parseInt(numeric[1], 16) : Number(numeric[2]));
    });
  }
  function element(): XmlElement {
    if (xml[i] !== '<') throw new Error(`expected "<" at ${i}`);
    i += 1;
    const tag = name();
    const attrs: Record<string, string> = {};
    for (;;) {
      const before = i;
      skipSpace();
      if (xml.startsWith('/>', i)) {
        i += 2;
        return { name: tag, attrs, children: [] };
      }
      if (xml[i] === '>') {
        i += 1;
        break;
      }
      if (i === before) throw new Error(`expected whitespace before an attribute at ${i}`);
      const attr = name();
      if (attr in attrs) throw new Error(`attribute ${attr} repeated at ${i}`);
      if (xml[i] !== '=') throw new Error(`expected "=" at ${i}`);
      i += 1;
      const quote = xml[i];
      if (quote !== '"' && quote !== "'") throw new Error(`unquoted attribute ${attr} at ${i}`);
      const end = xml.indexOf(quote, i + 1);
      if (end < 0) throw new Error(`unterminated attribute ${attr}`);
      attrs[attr] = decode(xml.slice(i + 1, end), i);
      i = end + 1;
    }
    const children: Array<XmlElement | string> = [];
    for (;;) {
      if (i >= xml.length) throw new Error(`<${tag}> is never closed`);
      if (xml.startsWith('</', i)) {
        i += 2;
        const closing = name();
        if (closing !== tag) throw new Error(`</${closing}> closes <${tag}> at ${i}`);
        skipSpace();
        if (xml[i] !== '>') throw new Error(`expected ">" at ${i}`);
        i += 1;
        return { name: tag, attrs, children };
      }
      if (xml[i] === '<') {
        children.push(element());
        continue;
      }
      const next = xml.indexOf('<', i);
      const end = next < 0 ? xml.length : next;
      children.push(decode(xml.slice(i, end), i));
      i = end;
    }
  }
}

/** Child elements named `name`. */
export function childElements(parent: XmlElement, name: string): XmlElement[] {
  return parent.children.filter((c): c is XmlElement => typeof c !== 'string' && c.name === name);
}

/** The text of the single child element `name` ('' when empty); throws when there is not exactly one. */
export function childText(parent: XmlElement, name: string): string {
  const found = childElements(parent, name);
  if (found.length !== 1) throw new Error(`expected one <${name}> in <${parent.name}>, found ${found.length}`);
  return found[0]!.children.filter((c): c is string => typeof c === 'string').join('');
}
