import { cnpjCheckDigits, DEFAULT_MODULES, DEFAULT_SEGMENTS, foldText, type Analyst, type Contact, type Customer, type Plan } from '../domain';
import { COMPANY_SUFFIXES, COMPANY_WORDS, FIRST_NAMES, SEGMENT_NOUNS, SURNAMES } from './names';
import type { Prng } from './prng';

const MODULE_IDS = DEFAULT_MODULES.map((m) => m.id);
const SEGMENT_IDS = DEFAULT_SEGMENTS.map((s) => s.id);
const DAY = 86_400_000;

const personName = (rng: Prng): string => `${rng.pick(FIRST_NAMES)} ${rng.pick(SURNAMES)}`;
const emailOf = (name: string, domain: string): string =>
  `${foldText(name).replace(/[^a-z ]/g, '').trim().replace(/\s+/g, '.')}@${domain}`;

export const DEMO_PASSWORD = 'demo';

/**
 * The S.O.E. team: N1 and N2 analysts with module and segment specialties, two leads and an admin. Fixed logins
 * (ana.n1, …) so the README can name them.
 */
export const demoAnalysts = (rng: Prng, now: number): Analyst[] => {
  const base = { active: true, createdAt: now - 400 * DAY, updatedAt: now - 400 * DAY };
  const staff: Array<Pick<Analyst, 'name' | 'login' | 'level' | 'role'>> = [
    { name: 'Ana Souza', login: 'ana', level: 'n1', role: 'analyst' },
    { name: 'Bruno Lima', login: 'bruno', level: 'n1', role: 'analyst' },
    { name: 'Carla Dias', login: 'carla', level: 'n1', role: 'analyst' },
    { name: 'Diego Nunes', login: 'diego', level: 'n1', role: 'analyst' },
    { name: 'Eduarda Rocha', login: 'eduarda', level: 'n1', role: 'analyst' },
    { name: 'Felipe Costa', login: 'felipe', level: 'n1', role: 'analyst' },
    { name: 'Gabriela Alves', login: 'gabriela', level: 'n1', role: 'analyst' },
    { name: 'Henrique Gomes', login: 'henrique', level: 'n1', role: 'analyst' },
    { name: 'Isabela Martins', login: 'isabela', level: 'n1', role: 'analyst' },
    { name: 'João Pereira', login: 'joao', level: 'n1', role: 'analyst' },
    { name: 'Juliana Ribeiro', login: 'juliana', level: 'n1', role: 'analyst' },
    { name: 'Lucas Ferreira', login: 'lucas', level: 'n1', role: 'analyst' },
    { name: 'Mariana Lopes', login: 'mariana', level: 'n1', role: 'analyst' },
    { name: 'Natália Mendes', login: 'natalia', level: 'n1', role: 'analyst' },
    { name: 'Otávio Barbosa', login: 'otavio', level: 'n1', role: 'analyst' },
    { name: 'Patrícia Vieira', login: 'patricia', level: 'n1', role: 'analyst' },
    { name: 'Rafael Andrade', login: 'rafael', level: 'n2', role: 'analyst' },
    { name: 'Renata Moreira', login: 'renata', level: 'n2', role: 'analyst' },
    { name: 'Rodrigo Marques', login: 'rodrigo', level: 'n2', role: 'analyst' },
    { name: 'Sabrina Freitas', login: 'sabrina', level: 'n2', role: 'analyst' },
    { name: 'Thiago Cardoso', login: 'thiago', level: 'n2', role: 'analyst' },
    { name: 'Vanessa Teixeira', login: 'vanessa', level: 'n2', role: 'analyst' },
    { name: 'Vinícius Almeida', login: 'vinicius', level: 'n2', role: 'analyst' },
    { name: 'Wagner Soares', login: 'wagner', level: 'n2', role: 'analyst' },
    { name: 'Beatriz Santos', login: 'beatriz', level: 'n2', role: 'lead' },
    { name: 'Sérgio Machado', login: 'sergio', level: 'n2', role: 'lead' },
    { name: 'Larissa Carvalho', login: 'admin', level: 'n2', role: 'admin' },
  ];
  return staff.map((person, i) => {
    const isLeadOrAdmin = person.role !== 'analyst';
    // Every module and segment is covered by at least two analysts per level: specialties rotate over the team.
    const modules = isLeadOrAdmin ? [...MODULE_IDS] : [0, 1, 2, 3].map((k) => MODULE_IDS[(i * 3 + k * 5) % MODULE_IDS.length] as string);
    const segments = isLeadOrAdmin ? [...SEGMENT_IDS] : [0, 1, 2].map((k) => SEGMENT_IDS[(i + k * 2) % SEGMENT_IDS.length] as string);
    return {
      ...base,
      ...person,
      id: rng.uuid(),
      email: emailOf(person.name, 'unosolucoes.com.br'),
      modules: [...new Set(modules)],
      segments: [...new Set(segments)],
      capacity: isLeadOrAdmin ? 30 : rng.int(8, 14),
      presence: rng.weighted([['available', 6], ['on_call', 2], ['break', 1], ['offline', 1]] as const),
    };
  });
};

const cnpjFor = (rng: Prng): string => {
  const base = `${String(rng.int(10, 99))}${String(rng.int(100, 999))}${String(rng.int(100, 999))}0001`;
  return base + cnpjCheckDigits(base);
};

/** Customers across every plan and segment; about one in twelve has not met the three prerequisites yet. */
export const demoCustomers = (rng: Prng, count: number, now: number): Customer[] => {
  const used = new Set<string>();
  return Array.from({ length: count }, (_, i) => {
    const segment = SEGMENT_IDS[i % SEGMENT_IDS.length] as string;
    let name = '';
    do {
      name = `${rng.pick(SEGMENT_NOUNS[segment] ?? ['Comercial'])} ${rng.pick(COMPANY_WORDS)} ${rng.pick(COMPANY_SUFFIXES)}`;
    } while (used.has(name) && used.size < 5_000);
    if (used.has(name)) name = `${name} ${i}`;
    used.add(name);
    const plan: Plan = rng.weighted([['prata', 5], ['ouro', 3], ['vip', 2]] as const);
    const since = now - rng.int(200, 1_500) * DAY;
    const eligible = !rng.chance(1 / 12);
    const missing = eligible ? null : rng.int(0, 2);
    return {
      id: rng.uuid(),
      name,
      cnpj: cnpjFor(rng),
      segment,
      modules: [...new Set(['financeiro', 'fiscal', 'faturamento', ...rng.sample(MODULE_IDS, rng.int(2, 7))])],
      plan,
      monthlyFeeCents: (plan === 'vip' ? rng.int(6_000, 15_000) : plan === 'ouro' ? rng.int(3_000, 6_000) : rng.int(1_200, 3_000)) * 100,
      implantacaoTermSignedAt: missing === 0 ? null : since,
      eadExtranetCompletedAt: missing === 1 ? null : since + 10 * DAY,
      slaAcknowledgedAt: missing === 2 ? null : since + 12 * DAY,
      createdAt: since,
      updatedAt: since,
    };
  });
};

/** The project manager always; VIP customers also one contact of their choice; plus users without Extranet access. */
export const demoContacts = (rng: Prng, customer: Customer): Contact[] => {
  const domain = `${foldText(customer.name.split(' ')[1] ?? 'cliente').replace(/[^a-z]/g, '')}.com.br`;
  const make = (role: Contact['role'], extranetAccess: boolean): Contact => {
    const name = personName(rng);
    return {
      id: rng.uuid(),
      customerId: customer.id,
      name,
      email: emailOf(name, domain),
      phone: `(${rng.int(11, 99)}) 9${rng.int(1000, 9999)}-${rng.int(1000, 9999)}`,
      role,
      extranetAccess,
      active: true,
      createdAt: customer.createdAt,
      updatedAt: customer.createdAt,
    };
  };
  const contacts = [make('gerente_projeto', true)];
  if (customer.plan === 'vip') contacts.push(make('contato_adicional', true));
  if (rng.chance(0.6)) contacts.push(make('usuario', false));
  return contacts;
};
