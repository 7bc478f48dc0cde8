import { readFile } from "node:fs/promises";
import path from "node:path";

/**
 * The scripts a share picture draws with fonts shipped with the app (Noto Sans, from
 * `@fontsource/noto-sans`): Latin with its accents (Polish, Turkish, Romanian...), Cyrillic (Ukrainian,
 * Russian, Serbian...), Greek and Vietnamese, regular and bold. A title in another script (Arabic,
 * Hebrew, Devanagari, Chinese...) is left to next/og, which fetches a font for it from Google Fonts when
 * the server can reach it. next/og's own font (Geist) has no bold, so titles came out regular, and no
 * Greek, which it had to fetch, or drew as boxes offline.
 */
const SUBSETS = ["latin", "latin-ext", "cyrillic", "cyrillic-ext", "greek", "greek-ext", "vietnamese"] as const;
const WEIGHTS = [400, 700] as const;

export type ShareFont = { name: string; data: ArrayBuffer; weight: (typeof WEIGHTS)[number]; style: "normal" };

const FONT_FILES = path.join(process.cwd(), "node_modules", "@fontsource", "noto-sans", "files");

async function load(): Promise<ShareFont[]> {
  const fonts = SUBSETS.flatMap((subset) => WEIGHTS.map((weight) => ({ subset, weight })));
  return Promise.all(
    fonts.map(async ({ subset, weight }) => {
      // WOFF, not WOFF2: the picture's renderer (satori) reads TTF, OTF and WOFF only.
      const file = await readFile(path.join(FONT_FILES, `noto-sans-${subset}-${weight}-normal.woff`));
      const data = file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
      // One family per script: the renderer falls back from family to family for a character the
      // first lacks, but within a family it only chooses between weights.
      return { name: `Noto Sans ${subset}`, data, weight, style: "normal" as const };
    }),
  );
}

let loaded: Promise<ShareFont[]> | null = null;

/** The share picture's fonts, read once per process. */
export function shareFonts(): Promise<ShareFont[]> {
  loaded ??= load().catch((error: unknown) => {
    loaded = null;
    throw error;
  });
  return loaded;
}
