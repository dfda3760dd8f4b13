// What a pasted print is called (the clipboard gives it no real name).

/** "print-2026-12-07-10h42.png": the name of a screenshot pasted at `at`, in the machine's local time. */
export const pastedName = (at: number, mediaType: string): string => {
  const d = new Date(at);
  const two = (n: number): string => String(n).padStart(2, '0');
  const extension = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp' }[mediaType] ?? 'png';
  return `print-${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}-${two(d.getHours())}h${two(d.getMinutes())}.${extension}`;
};
