import type { TextCharset } from '../domain/attachment';
import { NOT_TEXT, type TextBase, type TextEncoding } from './sniff';

// A text upload is text all the way through: every byte of it is checked as it streams by (the head decided the
// kind; a NUL at byte ten million still makes it binary). UTF-8 first; the first invalid sequence switches to
// windows-1252 (what "Latin-1" means on the Brazilian Windows machines the logs come from, a superset of
// ISO-8859-1 for every printable byte), which every byte decodes in. UTF-16 only with its byte-order mark
// (PowerShell 5 writes its logs that way).

/**
 * What makes an XML attachment active when a browser opens it — from disk after a download, where no
 * Content-Security-Policy applies: elements in the XHTML or SVG namespace run scripts even inside another root, a
 * stylesheet instruction runs XSLT, and entity declarations are how an XML bomb expands. An NF-e has none of them.
 */
const XML_ACTIVE = ['http://www.w3.org/1999/xhtml', 'http://www.w3.org/2000/svg', '<?xml-stylesheet', '<!ENTITY'] as const;
const CARRY = Math.max(...XML_ACTIVE.map((n) => n.length)) - 1;

export type TextProblem = { kind: 'binary' } | { kind: 'active-xml'; found: string };

export class TextInspector {
  private decoder: InstanceType<typeof TextDecoder>;
  private charset: TextCharset;
  private carry = '';
  private problem: TextProblem | null = null;
  private skipBom: number;

  constructor(private readonly base: TextBase, encoding: TextEncoding, bomBytes: number) {
    this.charset = encoding;
    this.decoder = new TextDecoder(encoding, { fatal: true });
    this.skipBom = bomBytes;
  }

  /** The bytes in order; returns the first problem found (and keeps returning it). */
  feed(bytes: Uint8Array): TextProblem | null {
    if (this.problem !== null) return this.problem;
    let view = bytes;
    if (this.skipBom > 0) {
      const skip = Math.min(this.skipBom, view.length);
      view = view.subarray(skip);
      this.skipBom -= skip;
    }
    return this.check(this.decode(view, true));
  }

  /** After the last byte: the charset the file is in, or why it is not text. */
  finish(): { charset: TextCharset } | TextProblem {
    if (this.problem !== null) return this.problem;
    const problem = this.check(this.decode(new Uint8Array(0), false));
    return problem ?? { charset: this.charset };
  }

  private decode(view: Uint8Array, stream: boolean): string {
    try {
      return this.decoder.decode(view, { stream });
    } catch {
      if (this.charset !== 'utf-8') {
        this.problem = { kind: 'binary' }; // UTF-16 with a lone surrogate: not text
        return '';
      }
      this.charset = 'windows-1252';
      this.decoder = new TextDecoder('windows-1252');
      return this.decoder.decode(view, { stream });
    }
  }

  private check(text: string): TextProblem | null {
    if (this.problem !== null) return this.problem;
    if (NOT_TEXT.test(text)) {
      this.problem = { kind: 'binary' };
      return this.problem;
    }
    if (this.base === 'application/xml') {
      const window = this.carry + text;
      const found = XML_ACTIVE.find((needle) => window.includes(needle));
      if (found !== undefined) {
        this.problem = { kind: 'active-xml', found };
        return this.problem;
      }
      this.carry = window.slice(-CARRY);
    }
    return null;
  }
}
