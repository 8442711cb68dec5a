/**
 * Windows-1252 (Notepad's "ANSI" on a Western Windows, and the bytes of text typed in TCVN3/VNI fonts) as the
 * WHATWG Encoding Standard defines it: Latin-1 but for 0x80–0x9F. Decoded here rather than with
 * `new TextDecoder("windows-1252")` because Node 20.18.3+ and 22.13+ decode that label as Latin-1
 * (nodejs/node#60888), which turns "–" into an invisible control character.
 */
const C1_BLOCK = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ";

export function decodeWindows1252(bytes: Uint8Array): string {
  let out = "";
  const CHUNK = 8192;
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const codes = Array.from(bytes.subarray(start, start + CHUNK), (b) =>
      b >= 0x80 && b <= 0x9f ? C1_BLOCK.charCodeAt(b - 0x80) : b,
    );
    out += String.fromCharCode(...codes);
  }
  return out;
}
