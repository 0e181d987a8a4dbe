import type { JSONContent } from '@tiptap/core';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { checkArticleDoc } from '@/lib/editor/article-schema';
import { untrustedHtmlToDoc } from './html-to-doc';
import { linkTarget, sanitizeArticleHtml, SCHEMA_TAGS } from './sanitize';

/** Classic payloads (OWASP XSS filter evasion cheat sheet style, mutation XSS, parser differentials). */
const XSS_CORPUS: string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC="javascript:alert(\'XSS\');">',
  '<IMG SRC=JaVaScRiPt:alert(\'XSS\')>',
  '<img src=`javascript:alert("XSS")`>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="JaVaScRiPt:alert(1)">click</a>',
  '<a href="jav&#x09;ascript:alert(1)">click</a>',
  '<a href="jav&#x0A;ascript:alert(1)">click</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;">click</a>',
  '<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29">click</a>',
  '<a href=" &#14;  javascript:alert(1)">click</a>',
  '<a href="vbscript:msgbox(1)">click</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>',
  '<a href="data:text/html,<script>alert(1)</script>">click</a>',
  '<a href="//evil.example/x">protocol-relative</a>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
  '<math href="javascript:alert(1)">CLICKME</math>',
  '<style>@import "https://xss.example/xss.css";</style><p>after style</p>',
  '<div style="background-image: url(javascript:alert(1))">styled</div>',
  '<base href="javascript:alert(1)//"><a href="/relative">relative</a>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<form action="javascript:alert(1)"><input type="submit" value="go"><button formaction="javascript:alert(1)">X</button></form>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
  '<!--<img src="--><img src=x onerror=alert(1)//">',
  '<!-- a --!><img src=x onerror=alert(1)> -->',
  '<p>ok<!--></p><img src=x onerror=alert(1)>--></p>',
  '<body onload=alert(1)>body</body>',
  '<details open ontoggle=alert(1)>details</details>',
  '<video><source onerror="alert(1)"></video>',
  '<template><img src=x onerror=alert(1)></template>',
  '<textarea><img src=x onerror=alert(1)></textarea>',
  '<xmp><img src=x onerror=alert(1)></xmp>',
  '<a href="https://ok.example/" onmouseover="alert(1)">hover</a>',
  '<p onclick="alert(1)" style="x" class="c" id="i">para</p>',
  '<ol start="3" onclick="alert(1)" type="i"><li>item</li></ol>',
  '<a href="https://ok.example/"><svg><a href="javascript:alert(1)">nested</a></svg></a>',
  '<table background="javascript:alert(1)"><tr><td onmouseover=alert(1)>cell</td><td>two</td></tr></table>',
  '<select><option><img src=x onerror=alert(1)></option></select>',
  '<a href="java\u0000script:alert(1)">nul</a>',
  '<a href="  javascript:alert(1)">spaced</a>',
  '<a href="https://ok.example/&quot; onclick=&quot;alert(1)">quoted</a>',
  '<isindex action="javascript:alert(1)" type=submit value=click>',
  '<img src=x:alert(alt) onerror=eval(src) alt=0>',
  '<a href="mailto:x@y.example?body=<script>alert(1)</script>">mail</a>',
  '"><script>alert(document.cookie)</script>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
];

function sanitizedElements(html: string): Element[] {
  return Array.from(JSDOM.fragment(html).querySelectorAll('*'));
}

function linkHrefs(node: JSONContent, out: string[] = []): string[] {
  for (const mark of node.marks ?? []) if (mark.type === 'link') out.push(String(mark.attrs?.href));
  for (const child of node.content ?? []) linkHrefs(child, out);
  return out;
}

function textOf(node: JSONContent): string {
  return node.type === 'text' ? (node.text ?? '') : (node.content ?? []).map(textOf).join(' ');
}

describe('sanitizeArticleHtml: XSS corpus', { timeout: 30_000 }, () => {
  it('has at least 30 payloads', () => {
    expect(XSS_CORPUS.length).toBeGreaterThanOrEqual(30);
  });

  it.each(XSS_CORPUS.map((payload) => [payload]))('neutralises %s', (payload) => {
    const { html } = sanitizeArticleHtml(payload);
    const allowed = new Set<string>(SCHEMA_TAGS);
    for (const element of sanitizedElements(html)) {
      expect(allowed.has(element.tagName.toLowerCase()), element.outerHTML).toBe(true);
      for (const attribute of Array.from(element.attributes)) {
        const ok = (element.tagName === 'A' && attribute.name === 'href') || (element.tagName === 'OL' && attribute.name === 'start');
        expect(ok, `${attribute.name} on ${element.tagName}`).toBe(true);
        if (attribute.name === 'href') expect(attribute.value).toMatch(/^(https?:\/\/|mailto:)/);
      }
    }
    expect(html).not.toMatch(/<\s*(script|style|iframe|object|embed|svg|math|form|img|base|meta)/i);

    const { doc } = untrustedHtmlToDoc(payload);
    for (const href of linkHrefs(doc)) expect(href).toMatch(/^(https?:\/\/|mailto:)/);
    if ((doc.content ?? []).length > 0) {
      const checked = checkArticleDoc(doc);
      // Whatever text is left is plain text in a JSON document: never markup.
      expect(checked.doc).toEqual(doc);
    }
    // Script bodies are gone, not shown as text.
    expect(textOf(doc)).not.toMatch(/document\.cookie|<script/i);
  });

  it('drops the text of script, style, noscript and template, keeps that of unknown inline tags', () => {
    const { doc } = untrustedHtmlToDoc('<p>a<script>alert(1)</script>b<style>p{}</style>c<noscript>nojs</noscript><template>tpl</template><span>d</span><font>e</font><blink>f</blink></p>');
    expect(textOf(doc)).toBe('abcdef');
  });

  it('keeps the text of a dropped link and of a javascript: link', () => {
    const { doc, report } = untrustedHtmlToDoc('<p><a href="javascript:alert(1)">the minutes</a> and <a href="#top">top</a></p>');
    expect(textOf(doc)).toBe('the minutes and top');
    expect(linkHrefs(doc)).toEqual([]);
    expect(report.linksDropped).toBe(1); // the in-page link is not counted
  });

  it('the mutation-XSS noscript payload leaves only inert text', () => {
    const { doc } = untrustedHtmlToDoc('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>after');
    expect(linkHrefs(doc)).toEqual([]);
    expect(JSON.stringify(doc)).not.toContain('onerror');
  });
});

describe('sanitizeArticleHtml: structure', { timeout: 30_000 }, () => {
  it('keeps exactly the schema tags, with href and start only', () => {
    const { html } = sanitizeArticleHtml('<h2 class="x">H</h2><p><strong>b</strong><b>b</b><em>i</em><i>i</i><s>s</s><del>d</del><strike>k</strike><br>x</p><hr><ul><li>u</li></ul><ol start="4"><li>o</li></ol><blockquote>q</blockquote>');
    expect(html).toBe('<h2>H</h2><p><strong>b</strong><b>b</b><em>i</em><i>i</i><s>s</s><del>d</del><strike>k</strike><br />x</p><hr /><ul><li>u</li></ul><ol start="4"><li>o</li></ol><blockquote>q</blockquote>');
  });

  it('drops a list start that is not a small non-negative integer', () => {
    expect(sanitizeArticleHtml('<ol start="-2"><li>a</li></ol>').html).toBe('<ol><li>a</li></ol>');
    expect(sanitizeArticleHtml('<ol start="99999999999"><li>a</li></ol>').html).toBe('<ol><li>a</li></ol>');
    expect(sanitizeArticleHtml('<ol start="2x"><li>a</li></ol>').html).toBe('<ol><li>a</li></ol>');
    expect(sanitizeArticleHtml('<ol start="0"><li>a</li></ol>').html).toBe('<ol start="0"><li>a</li></ol>');
  });

  it('resolves relative links against the base URL, drops them without one', () => {
    expect(sanitizeArticleHtml('<a href="/a?b=1">x</a>', { baseUrl: 'https://news.example/story/1' }).html).toBe('<p><a href="https://news.example/a?b=1">x</a></p>');
    expect(sanitizeArticleHtml('<a href="../up">x</a>', { baseUrl: 'https://news.example/story/1' }).html).toBe('<p><a href="https://news.example/up">x</a></p>');
    expect(sanitizeArticleHtml('<a href="/a">x</a>').html).toBe('<p>x</p>');
    expect(sanitizeArticleHtml('<a href="javascript:alert(1)">x</a>', { baseUrl: 'https://news.example/' }).html).toBe('<p>x</p>');
  });

  it('linkTarget: http(s) and mailto only', () => {
    expect(linkTarget('HTTPS://Example.org/a')).toBe('https://example.org/a');
    expect(linkTarget('https://example.org/a b')).toBeNull(); // a space inside: refused, not repaired
    expect(linkTarget('mailto:desk@example.org')).toBe('mailto:desk@example.org');
    expect(linkTarget('ftp://example.org/')).toBeNull();
    expect(linkTarget('#x', 'https://example.org/')).toBeNull();
    expect(linkTarget('', 'https://example.org/')).toBeNull();
    expect(linkTarget('x', 'not a url')).toBeNull();
  });

  it('turns a figure into its alt text and caption, and counts the image', () => {
    const result = sanitizeArticleHtml('<figure><img src="a.jpg" alt="A drawing"><figcaption>The <em>bridge</em></figcaption></figure>');
    expect(result.html).toBe('<p>A drawing</p><p>The <em>bridge</em></p>');
    expect(result.imagesDropped).toBe(1);
    // alt equal to the caption is kept once
    expect(sanitizeArticleHtml('<figure><img alt="Same"><figcaption>Same</figcaption></figure>').html).toBe('<p>Same</p>');
  });

  it('keeps an image between blocks as a paragraph of its alt text, and spaces inline alt text from its neighbours', () => {
    expect(sanitizeArticleHtml('<div><img alt="A chart of the budget"><p>Critics disputed the figure.</p></div>').html).toBe('<p>A chart of the budget</p><p>Critics disputed the figure.</p>');
    expect(sanitizeArticleHtml('<p>See<img alt="chart">below</p>').html).toBe('<p>See chart below</p>');
  });

  it('replaces a loose image by its alt text and drops one without', () => {
    const result = sanitizeArticleHtml('<p>Before <img src="i.png" alt="icon"> after<img src="x"></p>');
    expect(result.html).toBe('<p>Before icon after</p>');
    expect(result.imagesDropped).toBe(2);
  });

  it('flattens a table to one paragraph per row, a one-cell row keeps its blocks', () => {
    const result = sanitizeArticleHtml('<table><caption>Budget</caption><thead><tr><th>Item</th><th>Cost</th></tr></thead><tbody><tr><td><p>Bridge</p></td><td><a href="https://e.example/">40 M</a></td></tr><tr><td></td><td></td></tr><tr><td colspan="2"><p>Total</p><ul><li>x</li></ul></td></tr></tbody></table>');
    expect(result.html).toBe('<p>Budget</p><p>Item | Cost</p><p> Bridge  | <a href="https://e.example/">40 M</a></p><p>Total</p><ul><li>x</li></ul>');
    expect(result.tablesFlattened).toBe(1);
  });

  it('unwraps containers into paragraphs and splits on double line breaks', () => {
    expect(sanitizeArticleHtml('<div>one<div>two</div>three</div><section><article>four<br><br>five<br>six</article></section>').html).toBe('<p>one</p><p>two</p><p>three</p><p>four</p><p>five<br />six</p>');
    expect(sanitizeArticleHtml('<p>a<br> <br>b</p>').html).toBe('<p>a</p><p>b</p>');
  });

  it('reads Google Docs clipboard HTML: the font-weight:normal wrapper is not bold, styled spans are', () => {
    const clip = '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1"><h1 dir="ltr"><span style="font-size:20pt;font-weight:400">Head</span></h1><p dir="ltr"><span style="font-weight:700">bold</span> <span style="font-style:italic">it</span> <span style="text-decoration:line-through">gone</span> <span style="color:red">plain</span></p></b>';
    expect(sanitizeArticleHtml(clip).html).toBe('<h1>Head</h1><p><strong>bold</strong> <em>it</em> <s>gone</s> plain</p>');
    expect(sanitizeArticleHtml('<b>real bold</b>').html).toBe('<p><b>real bold</b></p>');
  });

  it('keeps form and fieldset text as separate blocks, without the form', () => {
    expect(sanitizeArticleHtml('<form><fieldset>first</fieldset><fieldset>second</fieldset></form>').html).toBe('<p>first</p><p>second</p>');
  });

  it('turns preformatted text into lines', () => {
    expect(sanitizeArticleHtml('<pre><code>line 1\nline 2\n\nline 3</code></pre>').html).toBe('<p>line 1<br />line 2</p><p>line 3</p>');
  });

  it('bounds nesting', () => {
    const deep = '<div>'.repeat(5000) + 'deep' + '</div>'.repeat(5000);
    expect(sanitizeArticleHtml(deep).html).toBe('<p>deep</p>');
  });
});
