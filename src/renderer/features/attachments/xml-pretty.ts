// An NF-e XML as an analyst reads it: indented, one element per line. Parsed with DOMParser and written back as
// text — never inserted into the page as markup. What does not parse is shown as it came.

const MAX_NODES = 200_000;

export interface PrettyXml {
  text: string;
  /** False when the bytes were not well-formed XML (the text is then the original). */
  parsed: boolean;
}

const escapeText = (value: string): string => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (value: string): string => escapeText(value).replace(/"/g, '&quot;');

export const prettyXml = (source: string, parser: DOMParser = new DOMParser()): PrettyXml => {
  const doc = parser.parseFromString(source, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0 || doc.documentElement === null) return { text: source, parsed: false };
  const lines: string[] = [];
  let nodes = 0;
  const walk = (node: Node, depth: number): boolean => {
    nodes += 1;
    if (nodes > MAX_NODES) return false;
    const pad = '  '.repeat(depth);
    if (node.nodeType === 3 /* text */ || node.nodeType === 4 /* CDATA */) {
      const text = (node.nodeValue ?? '').trim();
      if (text !== '') lines.push(`${pad}${escapeText(text)}`);
      return true;
    }
    if (node.nodeType === 8 /* comment */) {
      lines.push(`${pad}<!--${node.nodeValue ?? ''}-->`);
      return true;
    }
    if (node.nodeType !== 1) return true;
    const el = node as Element;
    const attrs = [...el.attributes].map((a) => ` ${a.name}="${escapeAttr(a.value)}"`).join('');
    const children = [...el.childNodes].filter((c) => c.nodeType !== 3 || (c.nodeValue ?? '').trim() !== '');
    const only = children[0];
    if (children.length === 0) lines.push(`${pad}<${el.tagName}${attrs}/>`);
    else if (children.length === 1 && only !== undefined && only.nodeType === 3) lines.push(`${pad}<${el.tagName}${attrs}>${escapeText((only.nodeValue ?? '').trim())}</${el.tagName}>`);
    else {
      lines.push(`${pad}<${el.tagName}${attrs}>`);
      for (const child of children) if (!walk(child, depth + 1)) return false;
      lines.push(`${pad}</${el.tagName}>`);
    }
    return true;
  };
  if (!walk(doc.documentElement, 0)) return { text: source, parsed: false };
  return { text: lines.join('\n'), parsed: true };
};
