// Hands a file the core produced (a penalty statement, a report table) to the person: a Blob and a download link,
// the same in the browser shell and in Electron (whose session asks where to save it).

const save = (blob: Blob, fileName: string): void => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
};

export const downloadBase64 = (file: { fileName: string; mimeType: string; base64: string }): void => {
  const binary = atob(file.base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  save(new Blob([bytes], { type: file.mimeType }), file.fileName);
};

const cell = (value: string | number): string => {
  const text = String(value);
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** A table as CSV for Brazilian spreadsheets (';' separators, UTF-8 with BOM). */
export const downloadCsv = (fileName: string, rows: readonly (readonly (string | number)[])[]): void => {
  const text = `\uFEFF${rows.map((row) => row.map(cell).join(';')).join('\r\n')}\r\n`;
  save(new Blob([text], { type: 'text/csv;charset=utf-8' }), fileName);
};
