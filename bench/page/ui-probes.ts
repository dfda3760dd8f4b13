// Runs inside the page (bench/ui.ts installs it with page.evaluate, transpiled to plain JavaScript): the timings
// of the UI benchmark, each from an action to the frame after its result is in the DOM. A script, not a module:
// everything hangs off one global, so it typechecks with the renderer's DOM types and adds no other names.
{
  const probes = {
    /** Resolves after the next two frames: whatever the DOM holds now has been painted. */
    painted(): Promise<void> {
      return new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done())));
    },

    /** Polls once a frame until `ready()` holds. */
    until(ready: () => boolean): Promise<void> {
      return new Promise((done) => {
        const check = (): void => {
          if (ready()) done();
          else requestAnimationFrame(check);
        };
        check();
      });
    },

    /**
     * The app: from the click on "Equipe" to its table showing the first rows of `expected` OCs (`first`), and to
     * every row being loaded (`all`: sorting and grouping then work on the whole view).
     */
    async renderTeam(expected: number): Promise<{ first: number; all: number }> {
      const start = performance.now();
      (document.querySelector('[data-testid="nav-team"]') as HTMLElement).click();
      await this.until(() => {
        const sub = document.querySelector('[data-testid="team-page"] .page-sub')?.textContent ?? '';
        const rows = document.querySelectorAll('[data-testid="team-table-body"] [data-testid="queue-row"]').length;
        return sub.replace(/\D/g, '').startsWith(String(expected)) && rows > 10;
      });
      await this.painted();
      const first = performance.now() - start;
      await this.until(() => document.querySelector('[data-testid="team-loading-rest"]') === null);
      await this.painted();
      return { first, all: performance.now() - start };
    },

    /** The app: a click on the customer column's sort until the header says the new order. */
    async sortTeam(): Promise<number> {
      const button = document.querySelector('[data-testid="sort-customer"]') as HTMLElement;
      const header = button.closest('[aria-sort]') as HTMLElement;
      const before = header.getAttribute('aria-sort');
      const start = performance.now();
      button.click();
      await this.until(() => header.getAttribute('aria-sort') !== before);
      await this.painted();
      return performance.now() - start;
    },

    /** Scrolls `selector` from the top, `step` px a frame for `frames` frames. */
    async scroll(options: { selector: string; step: number; frames: number }): Promise<number> {
      const el = document.querySelector(options.selector) as HTMLElement;
      for (let i = 0; i < options.frames; i += 1) {
        el.scrollTop += options.step;
        await new Promise((r) => requestAnimationFrame(r));
      }
      return options.frames;
    },

    top(selector: string): void {
      (document.querySelector(selector) as HTMLElement).scrollTop = 0;
    },

    plain: {
      socket: null as WebSocket | null,
      rows: [] as Array<Record<string, unknown>>,
    },

    /** The baseline page: an empty scroll box, and a socket to the shell's core authenticated with its token. */
    async plainSetup(options: { path: string; protocol: number; token: string }): Promise<void> {
      document.body.replaceChildren();
      Object.assign(document.body.style, { margin: '0', font: '13px system-ui, sans-serif' });
      const box = document.createElement('div');
      box.id = 'plain';
      Object.assign(box.style, { height: '100vh', overflow: 'auto' });
      document.body.append(box);
      const ws = new WebSocket(`ws://${location.host}${options.path}`);
      await new Promise<void>((ready, fail) => {
        ws.onopen = () => ws.send(JSON.stringify({ t: 'auth', token: options.token, protocol: options.protocol }));
        ws.onmessage = (m) => {
          if ((JSON.parse(String(m.data)) as { t: string }).t === 'ready') ready();
        };
        ws.onclose = () => fail(new Error('the baseline socket closed'));
      });
      this.plain.socket = ws;
    },

    /** The rows as a plain table body: nine text cells a row, the deadline formatted once per row. */
    plainBody(rows: Array<Record<string, unknown>>): HTMLTableSectionElement {
      const when = new Intl.DateTimeFormat('pt-BR', { dateStyle: 'short', timeStyle: 'short' });
      const tbody = document.createElement('tbody');
      for (const r of rows) {
        const sla = r.sla as { dueAt: number | null } | null;
        const tr = document.createElement('tr');
        for (const text of [r.displayNumber, r.subject, r.customerName, r.plan, r.module, r.status, r.level, r.assigneeName ?? '—',
          sla?.dueAt == null ? '—' : when.format(sla.dueAt)]) {
          const td = document.createElement('td');
          td.textContent = String(text);
          tr.append(td);
        }
        tbody.append(tr);
      }
      return tbody;
    },

    /** The baseline's first render: the app's own queue.list call, then every row in a <table>. */
    async plainRender(options: { args: unknown; id: number }): Promise<number> {
      const box = document.getElementById('plain') as HTMLElement;
      const ws = this.plain.socket as WebSocket;
      box.replaceChildren();
      await this.painted();
      const start = performance.now();
      this.plain.rows = await new Promise((done) => {
        ws.onmessage = (m) => {
          const message = JSON.parse(String(m.data)) as { t: string; id?: number; result?: { value?: Array<Record<string, unknown>> } };
          if (message.t === 'result' && message.id === options.id) done(message.result?.value ?? []);
        };
        ws.send(JSON.stringify({ t: 'call', id: options.id, method: 'queue.list', args: options.args }));
      });
      const table = document.createElement('table');
      const head = table.createTHead().insertRow();
      for (const name of ['OC', 'Assunto', 'Cliente', 'Plano', 'Módulo', 'Status', 'Nível', 'Responsável', 'Prazo']) {
        const th = document.createElement('th');
        th.textContent = name;
        head.append(th);
      }
      table.append(this.plainBody(this.plain.rows));
      box.append(table);
      await this.painted();
      return performance.now() - start;
    },

    /** The baseline's sort: the array by customer name (pt-BR collation), the body rebuilt. */
    async plainSort(descending: boolean): Promise<number> {
      const table = document.querySelector('#plain table') as HTMLTableElement;
      const start = performance.now();
      const collator = new Intl.Collator('pt-BR');
      this.plain.rows.sort((a, b) => (descending ? -1 : 1) * collator.compare(String(a.customerName), String(b.customerName)));
      table.tBodies[0]?.replaceWith(this.plainBody(this.plain.rows));
      await this.painted();
      return performance.now() - start;
    },
  };
  (globalThis as unknown as { soeBenchProbes: typeof probes }).soeBenchProbes = probes;
}
