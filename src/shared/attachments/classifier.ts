import type { DomainError } from '../domain';
import { textMediaType } from '../domain/attachment';
import { activeXmlRefused, emptyFile, typeRefused } from './refusals';
import { SNIFF_BYTES, sniffHead, type HeadVerdict } from './sniff';
import { TextInspector } from './text-inspector';
import { TailKeeper, zipEntryNames, zipKindOf } from './zip-directory';

// The type of an upload as its bytes stream by: the head (SNIFF_BYTES) gives the verdict early, so a refused file
// is refused before it is stored; text is then checked to its last byte and a ZIP's directory read at its end.

const concatBytes = (parts: readonly Uint8Array[], length: number): Uint8Array => {
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

export class ContentClassifier {
  private head: Uint8Array[] = [];
  private headLength = 0;
  private verdict: HeadVerdict | null = null;
  private inspector: TextInspector | null = null;
  private tail: TailKeeper | null = null;
  private refusal: DomainError | null = null;

  /** `name`: only to tell CSV from plain text, both inert; every other decision is the content's. */
  constructor(private readonly name: string) {}

  /** Whether the head has been judged (a chunk may be stored only after that). */
  get decided(): boolean {
    return this.verdict !== null;
  }

  /** The bytes in order; answers a refusal as soon as one is certain. */
  async push(bytes: Uint8Array): Promise<DomainError | null> {
    if (this.refusal !== null) return this.refusal;
    if (this.verdict === null) {
      this.head.push(bytes.slice());
      this.headLength += bytes.length;
      if (this.headLength < SNIFF_BYTES) return null;
      return this.judgeHead();
    }
    return this.follow(bytes);
  }

  /** After the last byte: the media type to store, or why the file is refused. */
  async finish(totalSize: number): Promise<{ mediaType: string } | DomainError> {
    if (totalSize === 0) return emptyFile();
    if (this.verdict === null) {
      const refusal = await this.judgeHead();
      if (refusal !== null) return refusal;
    }
    if (this.refusal !== null) return this.refusal;
    const verdict = this.verdict as HeadVerdict;
    if (verdict.kind === 'binary') {
      if (!verdict.zip || this.tail === null) return { mediaType: verdict.mediaType };
      const names = zipEntryNames(this.tail.bytes(), totalSize);
      const kind = names === null ? null : zipKindOf(names);
      if (kind === null) return { mediaType: verdict.mediaType };
      return 'refused' in kind ? typeRefused(kind.refused) : kind;
    }
    if (verdict.kind === 'refused') return typeRefused(verdict.found);
    const outcome = (this.inspector as TextInspector).finish();
    if ('kind' in outcome) return this.refuseText(outcome);
    return { mediaType: verdict.base === 'application/xml' ? 'application/xml' : textMediaType(verdict.base, outcome.charset) };
  }

  private async judgeHead(): Promise<DomainError | null> {
    const head = concatBytes(this.head, this.headLength);
    this.head = [];
    const verdict = await sniffHead(head, this.name);
    this.verdict = verdict;
    if (verdict.kind === 'refused') {
      this.refusal = typeRefused(verdict.found);
      return this.refusal;
    }
    if (verdict.kind === 'text') this.inspector = new TextInspector(verdict.base, verdict.encoding, verdict.bomBytes);
    if (verdict.kind === 'binary' && verdict.zip) this.tail = new TailKeeper();
    return this.follow(head);
  }

  private follow(bytes: Uint8Array): DomainError | null {
    if (this.tail !== null) this.tail.push(bytes);
    if (this.inspector !== null) {
      const problem = this.inspector.feed(bytes);
      if (problem !== null) this.refusal = this.refuseText(problem);
    }
    return this.refusal;
  }

  private refuseText(problem: { kind: 'binary' } | { kind: 'active-xml'; found: string }): DomainError {
    this.refusal = problem.kind === 'binary' ? typeRefused(null) : activeXmlRefused(problem.found);
    return this.refusal;
  }
}
