// A GBK encoder for tests, built by inverting Node's WHATWG GBK decoder (Node has no GBK encoder of its own):
// the bytes Excel on Chinese Windows writes when it saves a CSV.
let table: Map<string, number[]> | null = null;

function encodingTable(): Map<string, number[]> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gbk');
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.of(lead, trail));
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return table;
}

export function encodeGbk(text: string): Buffer {
  const t = encodingTable();
  const bytes: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) bytes.push(cp);
    else {
      const pair = t.get(ch);
      if (!pair) throw new Error(`not in GBK: ${ch}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}
