/** Puts `text` on the clipboard; false when the browser refuses (an address without https, a permission denied). */
export async function copyToClipboard(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
