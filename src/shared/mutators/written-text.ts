// What a person wrote in a change (issue 13 item 5): when the server refuses a reply, a note or a simulation
// record, the refusal keeps their words so they can copy them to where they belong — a refused change leaves
// the replica with the rebase, and the text would otherwise be gone.

/** Argument fields that hold prose an analyst typed, in the order they read (subject before description…). */
const WRITTEN_FIELDS = ['subject', 'description', 'body', 'reply', 'note', 'reason', 'message', 'steps', 'environment', 'evidence', 'expected', 'actual'] as const;

/** Fields whose value is an object of written fields (a simulation record, a resolution). */
const NESTED_FIELDS = ['simulation', 'resolution', 'call'] as const;

const MAX_CHARS = 60_000;

const collect = (value: unknown, into: string[], depth: number): void => {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || depth > 1) return;
  const record = value as Record<string, unknown>;
  for (const field of WRITTEN_FIELDS) {
    const text = record[field];
    if (typeof text === 'string' && text.trim() !== '') into.push(text.trim());
  }
  for (const field of NESTED_FIELDS) collect(record[field], into, depth + 1);
};

/** The prose of a change's arguments, paragraphs apart; null when it carried none (a take, a pause). */
export const writtenTextOf = (args: unknown): string | null => {
  const parts: string[] = [];
  collect(args, parts, 0);
  if (parts.length === 0) return null;
  const text = parts.join('\n\n');
  return text.length > MAX_CHARS ? text.slice(0, MAX_CHARS) : text;
};
