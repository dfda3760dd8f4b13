import { describe, expect, it } from 'vitest';
import { composeReplyCopy, ExtranetOcUrl, extranetLink } from '../../../src/server/mail/compose';
import type { Contact, Interaction, Ocorrencia } from '../../../src/shared/domain';

// Issue 13, item 10: the e-mail copy of a reply links to the OC on the customer portal when its address is
// configured (SOE_EXTRANET_OC_URL), and never ends on "acesse a ocorrência na Extranet:" with nothing after it.

const oc = { number: 'OC-2026-004217', subject: 'NF-e rejeitada' } as Ocorrencia;
const reply = { id: 'r1', authorName: 'Ana Souza', body: 'Segue o passo a passo.', createdAt: Date.parse('2026-12-07T12:00:00Z') } as Interaction;
const contact = { name: 'Helena Prado', email: 'helena@cliente.com.br' } as Contact;

describe('the Extranet link of an e-mail copy', () => {
  it('puts the OC number into the configured address, encoded', () => {
    expect(extranetLink('https://extranet.uno.com.br/ocorrencias/{numero}', oc)).toBe('https://extranet.uno.com.br/ocorrencias/OC-2026-004217');
    expect(extranetLink('https://x.example/oc?n={numero}', { ...oc, number: 'OC 1/2' })).toBe('https://x.example/oc?n=OC%201%2F2');
    expect(extranetLink(null, oc)).toBeNull();
    expect(extranetLink('https://x.example/{numero}', { ...oc, number: null })).toBeNull();
  });

  it('links the OC under the invitation to answer on the Extranet; without an address, names the OC instead', () => {
    const linked = composeReplyCopy('suporte@uno', oc, reply, contact, [], 'https://extranet.uno.com.br/ocorrencias/{numero}').text.split('\n');
    const at = linked.indexOf('Esta é uma cópia da resposta publicada na Extranet UNO. Para responder, acesse a ocorrência na Extranet:');
    expect(at).toBeGreaterThan(0);
    expect(linked[at + 1]).toBe('https://extranet.uno.com.br/ocorrencias/OC-2026-004217');
    expect(linked.at(-1)).toBe('This is a copy of a reply published on the UNO Extranet; please answer there: https://extranet.uno.com.br/ocorrencias/OC-2026-004217');
    const plain = composeReplyCopy('suporte@uno', oc, reply, contact).text;
    expect(plain).toContain('Para responder, acesse a ocorrência OC-2026-004217 na Extranet;');
    expect(plain).not.toMatch(/Extranet:\s*$/m);
  });

  it('refuses an address that is not http(s) or lacks the number exactly once', () => {
    for (const bad of ['ftp://x.example/{numero}', 'https://x.example/ocorrencias', 'https://x.example/{numero}/{numero}', 'javascript:alert(1)//{numero}', 'not a url {numero}', '']) {
      expect(ExtranetOcUrl.safeParse(bad).success, bad).toBe(false);
    }
    expect(ExtranetOcUrl.safeParse(' https://x.example/{numero} ').data).toBe('https://x.example/{numero}');
  });
});
