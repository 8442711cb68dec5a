/**
 * Windows-1252 as the WHATWG Encoding Standard (and every browser) decodes it. Node 20.18.3+ and 22.13+ decode
 * the "windows-1252" label as Latin-1 (nodejs/node#60888, #56542): a TCVN3/VNI plan saved as ANSI lost its
 * dashes ("Số: 07 – KH/ĐTN" became "Số: 07  KH/ĐTN") and its bullets in the CLI.
 */
import { decodeWindows1252 } from "../../../src/core/text/windows-1252";
import { readPlanDocument } from "../../../src/file/read-plan-document";
import { encodeVni } from "../../../src/core/text/legacy-encoding";

const C1 = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

test("bytes 0x80–0x9F decode to the standard's characters (five undefined bytes stay as C1 controls)", () => {
  const bytes = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
  expect(decodeWindows1252(bytes)).toBe(C1);
});

test("ASCII and 0xA0–0xFF are Latin-1", () => {
  const bytes = Uint8Array.from([0x41, 0x20, 0xa0, 0xc0, 0xe9, 0xff]);
  expect(decodeWindows1252(bytes)).toBe("A \u00a0Àéÿ");
});

test("a VNI plan saved as ANSI keeps its en dash and bullets when read", async () => {
  const text = "Số: 07 – KH/ĐTN\n• Huyện đoàn;\nKẾ HOẠCH\nTổ chức hội thi\n";
  const vni = encodeVni(text);
  const bytes = Uint8Array.from(
    [...vni].map((ch) => (ch === "–" ? 0x96 : ch === "•" ? 0x95 : ch.charCodeAt(0))),
  );
  const document = await readPlanDocument(bytes, "plan.txt", {
    pdf: () => Promise.reject(new Error("not a PDF")),
    docxHtml: () => Promise.reject(new Error("not a .docx")),
    docText: () => Promise.reject(new Error("not a .doc")),
  });
  expect(document.text.split("\n").slice(0, 2)).toEqual(["Số: 07 – KH/ĐTN", "• Huyện đoàn;"]);
});
