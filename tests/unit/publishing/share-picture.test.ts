import { ImageResponse } from "next/og";
import { afterEach, expect, it, vi } from "vitest";
import { SharePicture, SHARE_PICTURE_SIZE } from "@/components/public/share-picture";
import { shareFonts } from "@/lib/publishing/share-fonts";

afterEach(() => vi.restoreAllMocks());

/**
 * Draws the share picture of `title` on a server that cannot reach the network, and says which
 * addresses the drawing tried to fetch (fonts for the characters its fonts lack).
 */
async function drawOffline(title: string, fonts: Awaited<ReturnType<typeof shareFonts>> | undefined) {
  const fetched: string[] = [];
  const fetchInMemory = globalThis.fetch;
  vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const address = input instanceof Request ? input.url : String(input);
    // next/og reads its own WebAssembly from data: addresses, which need no network.
    if (address.startsWith("data:")) return fetchInMemory(input, init);
    fetched.push(address);
    throw new TypeError("fetch failed: this server is offline");
  });
  vi.spyOn(console, "error").mockImplementation(() => undefined);
  const card = { title, byline: "Олена Коваль", verdicts: [{ verdict: "false" as const, count: 2 }, { verdict: "half_true" as const, count: 1 }] };
  const picture = new ImageResponse(SharePicture({ card, newsroomName: "Перевірка фактів" }), { ...SHARE_PICTURE_SIZE, fonts });
  const png = Buffer.from(await picture.arrayBuffer());
  return { png, fetched };
}

const TITLES = {
  Ukrainian: "США передадуть Україні протипіхотні міни",
  Serbian: "Ђоковић није рекао оно што му се приписује",
  Greek: "Η κυβέρνηση δεν μείωσε τους φόρους κατά 20%",
  Vietnamese: "Chính phủ chưa từng hứa giảm thuế xăng dầu",
  Polish: "Źródła nie potwierdzają słów ministra zdrowia",
  Turkish: "Bakanın açıkladığı işsizlik oranı yanlış",
};

it.each(Object.entries(TITLES))("draws a %s title with the app's own fonts, fetching none", async (_language, title) => {
  const { png, fetched } = await drawOffline(title, await shareFonts());
  expect(fetched).toEqual([]);
  expect(png.subarray(1, 4).toString("latin1")).toBe("PNG");
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
});

it("would otherwise have had to fetch a font for a Greek title, and drawn boxes offline", async () => {
  const { fetched } = await drawOffline(TITLES.Greek, undefined);
  expect(fetched.some((address) => address.startsWith("https://fonts.googleapis.com/"))).toBe(true);
});

it("reads its fonts once", async () => {
  expect(await shareFonts()).toBe(await shareFonts());
  expect((await shareFonts()).map((font) => font.weight).sort()).toEqual([...Array(7).fill(400), ...Array(7).fill(700)]);
});
