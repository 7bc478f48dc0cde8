/** Whether "Mod" means Cmd here: Apple keyboards. False outside a browser, as in ProseMirror's keymap. */
export function isApplePlatform(): boolean {
  return typeof navigator !== "undefined" && /Mac|iPhone|iPad|iPod/.test(navigator.platform || navigator.userAgent);
}
