/**
 * mammoth's HTML as a tree. mammoth writes a small, well-formed subset
 * (h1–h6, p, strong, em, ul, ol, li, table, tr, td, th, br, a, img, sup, sub,
 * s) with text escaped, so a tag tokenizer is enough; no browser parser needed.
 */
export interface HtmlNode {
  tag: string;
  children: (HtmlNode | string)[];
}

const VOID = new Set(['br', 'img', 'hr']);
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

export function parseHtml(html: string): HtmlNode {
  const root: HtmlNode = { tag: 'root', children: [] };
  const stack: HtmlNode[] = [root];
  const token = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)[^>]*?(\/?)>|([^<]+)/g;
  for (let m = token.exec(html); m !== null; m = token.exec(html)) {
    const top = stack[stack.length - 1] ?? root;
    if (m[4] !== undefined) {
      top.children.push(decodeEntities(m[4]));
      continue;
    }
    const tag = (m[2] ?? '').toLowerCase();
    if (m[1] === '/') {
      // Close up to the matching open tag (tolerates a stray closing tag).
      const at = stack.map((n) => n.tag).lastIndexOf(tag);
      if (at > 0) stack.length = at;
      continue;
    }
    const node: HtmlNode = { tag, children: [] };
    top.children.push(node);
    if (!VOID.has(tag) && m[3] !== '/') stack.push(node);
  }
  return root;
}

export const textOf = (node: HtmlNode | string): string => (typeof node === 'string' ? node : node.children.map(textOf).join(''));
