import { expect, test } from '@playwright/test';
import { layoutFindings, type LayoutFinding } from './support/layout-integrity';

// The layout-integrity check itself, on small static pages in Chromium: a clean page full of things that look
// like defects but are not (sizers, scroll containers, an ellipsis with its title, an open modal over text…)
// yields nothing, and each defect page yields exactly its defect. A check that cannot fail is a defect.

const page = (body: string, css = ''): string => `<!doctype html><html><head><style>
  body { margin: 0; font: 20px/1.3 'DejaVu Sans', sans-serif; }
  ${css}
</style></head><body>${body}</body></html>`;

const LONG = 'Cooperativa Agroindustrial dos Produtores Rurais do Vale do Rio Paranapanema Ltda.';

const CLEAN = page(`
  <main style="display:grid; grid-template-columns: max-content minmax(0, 1fr) 200px; gap: 16px; padding: 16px">
    <div style="display:grid"><span style="grid-area:1/1; font-size: 60px">42m</span><span style="grid-area:1/1; visibility:hidden; font-size: 60px">−99d 23h</span></div>
    <div><div style="white-space:nowrap; overflow:hidden; text-overflow:ellipsis" title="${LONG}">${LONG}</div>
      <div style="display:-webkit-box; -webkit-line-clamp:2; -webkit-box-orient:vertical; overflow:hidden" title="${LONG} ${LONG}">${LONG} ${LONG}</div></div>
    <div>vence 16:54</div>
  </main>
  <div style="overflow:hidden; width: 400px; margin: 16px"><div style="width: 300px; white-space:nowrap; overflow:hidden; text-overflow:ellipsis" title="${LONG}">${LONG}</div></div>
  <span style="position:absolute; top: 20px; left: 20px; opacity: 0">hidden by opacity</span>
  <span style="position:absolute; top: 20px; left: 20px; color: transparent">transparent</span>
  <span style="position:absolute; width:1px; height:1px; overflow:hidden; clip: rect(0 0 0 0); white-space:nowrap">screen reader only text</span>
  <section style="height: 120px; overflow: auto; margin: 16px; border: 1px solid">
    <div style="position: sticky; top: 0; background: white">Sticky header over the rows</div>
    ${Array.from({ length: 20 }, (_, i) => `<div>row ${i + 1} of a scrolling list</div>`).join('')}
  </section>
  <p style="margin-top: 900px">Below the fold: the page scrolls to it.</p>
  <div style="position: fixed; inset: 0; background: rgb(0 0 0 / 50%)"></div>
  <div role="dialog" style="position: fixed; top: 40px; left: 40px; width: 500px; padding: 20px; background: white">
    A modal over the page: the texts behind its backdrop are not what a person reads now.
  </div>
`);

const cases: Array<{ name: string; html: string; kinds: LayoutFinding['kind'][]; mentions: string[] }> = [
  {
    name: 'a countdown that overprints the OC number',
    html: page(`<div class="bn-row" style="position:relative; height:100px"><span class="bn-countdown" style="font-size:90px">10h 01m</span>
      <span class="bn-number" style="position:absolute; left:250px; top:30px">OC-2026-000001</span></div>`),
    kinds: ['overlap'],
    mentions: ['"10h 01m"', '"OC-2026-000001"', 'span.bn-countdown', 'span.bn-number'],
  },
  {
    name: 'a name cut by a box with overflow hidden and no ellipsis',
    html: page(`<div class="name" style="width:160px; overflow:hidden; white-space:nowrap">${LONG}</div>`),
    kinds: ['cut'],
    mentions: ['div.name', 'overflow x:hidden with no ellipsis'],
  },
  {
    name: 'an ellipsis without the whole text on hover',
    html: page(`<div class="name" style="width:160px; overflow:hidden; white-space:nowrap; text-overflow:ellipsis">${LONG}</div>`),
    kinds: ['cut'],
    mentions: ['ellipsis', 'title'],
  },
  {
    name: 'an ellipsis that cannot render (a flex line) cuts the breach age',
    html: page(`<div class="bs-line1" title="OC-2026-000001 há 5h 20m" style="display:flex; gap:12px; width:260px; overflow:hidden; white-space:nowrap; text-overflow:ellipsis">
      <span>OC-2026-000001</span><span class="bs-right" style="margin-left:auto">há 5h 20m</span></div>`),
    kinds: ['cut'],
    mentions: ['"há 5h 20m"', 'div.bs-line1'],
  },
  {
    name: 'a single-line box that scrolls sideways',
    html: page(`<div class="cell" style="width:140px; height:30px; overflow:auto; white-space:nowrap">−10h 04m RESOLUÇÃO</div>`),
    kinds: ['cut'],
    mentions: ['div.cell', 'x:auto'],
  },
  {
    name: 'a badge shorter than its text',
    html: page(`<span class="badge" style="display:inline-block; height:12px; overflow:hidden">Crítica</span>`),
    kinds: ['cut'],
    mentions: ['span.badge', 'y:hidden'],
  },
  {
    name: 'rows hidden entirely below a list that does not scroll',
    html: page(`<ul style="list-style:none; margin:0; padding:0; height:60px; overflow:hidden">
      <li style="height:30px">first</li><li style="height:30px">second</li><li style="height:30px">third</li><li style="height:30px">fourth</li></ul>`),
    kinds: ['cut', 'cut'],
    mentions: ['"third"', '"fourth"', 'hidden entirely'],
  },
  {
    name: 'a menu that opens below the window',
    html: page(`<div role="menu" class="menu" style="position:fixed; top:650px; left:20px">
      ${['Saudação', 'Pedido de print', 'Orientação fiscal', 'Encerramento', 'Retorno N2'].map((t) => `<div role="menuitem">${t}</div>`).join('')}</div>`),
    kinds: ['outside-viewport', 'outside-viewport', 'outside-viewport'],
    mentions: ['"Orientação fiscal"', '"Encerramento"', '"Retorno N2"', 'leaves the 1280×720 window at the bottom'],
  },
  {
    name: 'a label past the right edge of a page that cannot scroll',
    html: page('<span class="far" style="position:absolute; left:1200px; top:10px; white-space:nowrap">Sound blocked: click the board</span>', 'html, body { overflow: hidden; }'),
    kinds: ['outside-viewport'],
    mentions: ['span.far', 'at the right'],
  },
  {
    name: 'a KPI tile whose second line runs out of it',
    html: page(`<div data-layout-region class="kpi" style="height:60px; width:240px; background:#eee">
      <div style="font-size:44px; line-height:1">82,5%</div><div>Cumprimento hoje</div><div>30 dias: 79,1%</div></div>`),
    kinds: ['outside-panel', 'outside-panel'],
    mentions: ['div.kpi', '"Cumprimento hoje"', '"30 dias: 79,1%"'],
  },
  {
    name: 'an icon-only button outside the window',
    html: page('<button aria-label="Fechar" style="position:fixed; top:700px; left:10px; width:40px; height:40px"></button>'),
    kinds: ['outside-viewport'],
    mentions: ['<button> Fechar'],
  },
];

test.describe('layout-integrity check', () => {
  test.beforeEach(async ({ page: browser }) => {
    await browser.setViewportSize({ width: 1280, height: 720 });
  });

  test('a clean page yields nothing', async ({ page: browser }) => {
    await browser.setContent(CLEAN);
    expect(await layoutFindings(browser)).toEqual([]);
  });

  test('the same clean page without its modal still yields nothing (the texts behind it are fine)', async ({ page: browser }) => {
    await browser.setContent(CLEAN);
    await browser.evaluate('document.querySelectorAll("[role=dialog], div[style*=\\"position: fixed\\"]").forEach((e) => e.remove())');
    expect(await layoutFindings(browser)).toEqual([]);
  });

  for (const c of cases) {
    test(`finds ${c.name}`, async ({ page: browser }) => {
      await browser.setContent(c.html);
      const findings = await layoutFindings(browser);
      expect(findings.map((f) => f.kind).sort(), findings.map((f) => f.description).join('\n')).toEqual([...c.kinds].sort());
      const text = findings.map((f) => f.description).join('\n');
      for (const mention of c.mentions) expect(text).toContain(mention);
    });
  }

  test('an overprint behind an open modal is not what a person sees; in front of it, it is', async ({ page: browser }) => {
    const overprint = '<div style="position:relative"><span style="font-size:60px">10h 01m</span><span style="position:absolute; left:100px; top:10px">OC-2026-000001</span></div>';
    await browser.setContent(page(`${overprint}<div style="position:fixed; inset:0; background:rgb(0 0 0 / 45%)"></div>`));
    expect(await layoutFindings(browser)).toEqual([]);
    await browser.setContent(page(`<div style="position:fixed; inset:0; background:rgb(0 0 0 / 45%)"></div><div role="dialog" style="position:fixed; top:10px; left:10px; width:600px; background:white">${overprint}</div>`));
    expect((await layoutFindings(browser)).map((f) => f.kind)).toEqual(['overlap']);
  });

  test('a popover paints over the texts it partly covers; a transparent one overprints them', async ({ page: browser }) => {
    const line = '<p style="margin: 60px 0 0 20px">Cada prazo conta no período em que foi decidido: cumprido quando parou dentro da meta</p>';
    const popover = (background: string) => `<div role="menu" style="position:fixed; top:50px; left:20px; padding:0 8px; background:${background}"><div role="menuitem">Orientação fiscal (fora do escopo)</div></div>`;
    await browser.setContent(page(`${line}${popover('white')}`));
    expect(await layoutFindings(browser)).toEqual([]);
    await browser.setContent(page(`${line}${popover('transparent')}`));
    expect((await layoutFindings(browser)).map((f) => f.kind)).toEqual(['overlap']);
  });

  test('an opaque card in a transparent fixed stack (a toast) paints over the page; a transparent card does not', async ({ page: browser }) => {
    const line = '<p style="margin: 60px 0 0 20px">Mensalidade R$ 9.454,00 · 12 OCs abertas · Apto a acionar o suporte</p>';
    const toast = (background: string) => `<div style="position:fixed; top:52px; left:40px; width:380px"><div role="status" style="padding:6px 10px; background:${background}">OC-2026-001442: Primeira resposta estourou o prazo</div></div>`;
    await browser.setContent(page(`${line}${toast('white')}`));
    expect(await layoutFindings(browser)).toEqual([]);
    await browser.setContent(page(`${line}${toast('transparent')}`));
    expect((await layoutFindings(browser)).map((f) => f.kind)).toEqual(['overlap']);
  });

  test('root and ignore narrow the check', async ({ page: browser }) => {
    await browser.setContent(page(`<section id="a"><div style="width:100px; overflow:hidden; white-space:nowrap">${LONG}</div></section><section id="b">fine</section>`));
    expect(await layoutFindings(browser, { root: '#b' })).toEqual([]);
    expect(await layoutFindings(browser, { ignore: ['#a'] })).toEqual([]);
    expect((await layoutFindings(browser, { root: '#a' })).map((f) => f.kind)).toEqual(['cut']);
  });
});
