import { describe, expect, it } from 'vitest';
import {
  ATTACHMENT_KINDS, ATTACHMENT_MEDIA_TYPES, AttachmentName, attachmentKindOf, attachmentReadable, attachmentTargetAllowed,
  type AttachmentFacts, type AttachmentReader,
} from '../../../../src/shared/domain/attachment';

describe('AttachmentName', () => {
  it.each([
    ['print.png', 'print.png'],
    ['Relatório de NF-e (março).xlsx', 'Relatório de NF-e (março).xlsx'],
    ['  espaços.txt', '  espaços.txt'],
    ['Captura de Tela 2026-03-02 às 10.00.01.png'.normalize('NFD'), 'Captura de Tela 2026-03-02 às 10.00.01.png'],
    ['😀.png', '😀.png'],
    ['a'.repeat(255), 'a'.repeat(255)],
    [`${'ç'.repeat(127)}a`, `${'ç'.repeat(127)}a`],
  ])('keeps %j', (name, kept) => {
    expect(AttachmentName.parse(name)).toBe(kept);
  });

  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['a slash', 'dir/print.png'],
    ['a backslash', '..\\..\\windows\\win.ini'],
    ['a traversal', '..'],
    ['a dot', '.'],
    ['a NUL', 'print.png\u0000.exe'],
    ['a lone surrogate', 'print\ud800.png'],
    ['a line break is fine in text, not a control like BEL', 'print\u0007.png'],
    ['a right-to-left override', 'fatura\u202Efdp.exe'],
    ['a bidi isolate', 'nota\u2067.pdf'],
    ['256 bytes', 'a'.repeat(256)],
    ['256 bytes in two-byte letters', 'ç'.repeat(128)],
  ])('refuses %s', (_what, name) => {
    expect(AttachmentName.safeParse(name).success).toBe(false);
  });

  it('says what is wrong in both languages', () => {
    const result = AttachmentName.safeParse('a/b.png');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('o nome do arquivo não pode conter / nem \\ / the file name cannot hold / or \\');
  });
});

describe('attachmentKindOf', () => {
  it('gives every accepted media type one of the kinds, and nothing else a kind', () => {
    for (const type of ATTACHMENT_MEDIA_TYPES) expect(ATTACHMENT_KINDS).toContain(attachmentKindOf(type));
    for (const type of ['text/html', 'image/svg+xml', 'application/octet-stream', 'text/plain', 'text/plain; charset=utf-7']) expect(attachmentKindOf(type)).toBeNull();
  });
});

describe('attachmentReadable', () => {
  const analyst: AttachmentReader = { kind: 'analyst', id: 'ana' };
  const contact: AttachmentReader = { kind: 'contact', id: 'c1', customerId: 'cust-1' };
  const facts = (over: Partial<AttachmentFacts>): AttachmentFacts => ({ uploadedBy: { kind: 'analyst', id: 'ana' }, ocCustomerId: 'cust-1', interactionKind: 'public_reply', ...over });

  it.each<[string, AttachmentReader, Partial<AttachmentFacts>, boolean]>([
    ['an analyst reads an internal note’s print', analyst, { interactionKind: 'internal_note' }, true],
    ['an analyst reads another analyst’s loose upload', analyst, { uploadedBy: { kind: 'analyst', id: 'rafael' }, ocCustomerId: null, interactionKind: null }, true],
    ['a contact reads a public reply on their customer’s OC', contact, {}, true],
    ['a contact reads their own customer reply', contact, { interactionKind: 'customer_reply', uploadedBy: { kind: 'contact', id: 'c1' } }, true],
    ['a contact reads their colleague’s customer reply', contact, { interactionKind: 'customer_reply', uploadedBy: { kind: 'contact', id: 'c2' } }, true],
    ['a contact reads their own loose upload', contact, { uploadedBy: { kind: 'contact', id: 'c1' }, ocCustomerId: null, interactionKind: null }, true],
    ['not an internal note', contact, { interactionKind: 'internal_note' }, false],
    ['not a simulation record', contact, { interactionKind: 'simulation_record' }, false],
    ['not a call log', contact, { interactionKind: 'call_log' }, false],
    ['not an analyst upload on no interaction yet', contact, { interactionKind: null }, false],
    ['not another customer’s public reply', contact, { ocCustomerId: 'cust-2' }, false],
    ['not a colleague’s loose upload', contact, { uploadedBy: { kind: 'contact', id: 'c2' }, ocCustomerId: null, interactionKind: null }, false],
    ['not an analyst’s upload that shares the contact’s id', contact, { uploadedBy: { kind: 'analyst', id: 'c1' }, ocCustomerId: 'cust-2', interactionKind: null }, false],
  ])('%s', (_case, reader, over, expected) => {
    expect(attachmentReadable(reader, facts(over))).toBe(expected);
  });
});

describe('attachmentTargetAllowed', () => {
  it.each<[string, AttachmentReader, { ocId: string | null; ocCustomerId: string | null }, boolean]>([
    ['an analyst, an OC not on the server yet (created offline)', { kind: 'analyst', id: 'ana' }, { ocId: 'oc-x', ocCustomerId: null }, true],
    ['a contact, their own OC', { kind: 'contact', id: 'c1', customerId: 'cust-1' }, { ocId: 'oc-1', ocCustomerId: 'cust-1' }, true],
    ['a contact, alone', { kind: 'contact', id: 'c1', customerId: 'cust-1' }, { ocId: null, ocCustomerId: null }, true],
    ['a contact, another customer’s OC', { kind: 'contact', id: 'c1', customerId: 'cust-1' }, { ocId: 'oc-2', ocCustomerId: 'cust-2' }, false],
    ['a contact, an OC that does not exist', { kind: 'contact', id: 'c1', customerId: 'cust-1' }, { ocId: 'oc-9', ocCustomerId: null }, false],
  ])('%s', (_case, who, target, expected) => {
    expect(attachmentTargetAllowed(who, target)).toBe(expected);
  });
});
