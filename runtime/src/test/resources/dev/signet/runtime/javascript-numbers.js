// Writes javascript-numbers.txt: one double a line, as its IEEE 754 bits in hex, a tab, and
// String(x) as a JavaScript engine writes it (the same text JSON.stringify writes).
// Regenerate with: node javascript-numbers.js > javascript-numbers.txt
// A seeded generator (xorshift64*), so that the file is reproducible.
let state = 0x9E3779B97F4A7C15n;
const MASK = (1n << 64n) - 1n;
function next64() {
  state ^= state >> 12n; state ^= (state << 25n) & MASK; state ^= state >> 27n;
  return (state * 0x2545F4914F6CDD1Dn) & MASK;
}
const view = new DataView(new ArrayBuffer(8));
function fromBits(bits) { view.setBigUint64(0, bits); return view.getFloat64(0); }
function toBits(x) { view.setFloat64(0, x); return view.getBigUint64(0); }
const values = [];
// Any bit pattern: every exponent, subnormals included.
while (values.length < 1500) {
  const x = fromBits(next64());
  if (Number.isFinite(x)) values.push(x);
}
// Short decimals at every scale, where the shortest digits are few.
for (let i = 0; i < 1000; i++) {
  const digits = Number(next64() % 100000n);
  const exponent = Number(next64() % 60n) - 30;
  values.push(Number(digits + "e" + exponent));
}
// Subnormals with few bits, where the shortest digits are few too.
for (let m = 1n; m < 200n; m++) values.push(fromBits(m));
// Around the thresholds of the notation: 1e21 and 1e-7.
for (let e = -10; e <= 25; e++) {
  for (const d of [1, 1.5, 9.999999999999999, 123456789]) values.push(d * Math.pow(10, e));
}
// Integers near 2^53 and powers of two.
for (let e = -1074; e <= 1023; e += 7) values.push(Math.pow(2, e));
for (let d = -5; d <= 5; d++) values.push(9007199254740992 + d * 2);
for (const x of values) {
  for (const y of [x, -x]) {
    if (y === 0) continue;
    console.log(toBits(y).toString(16).padStart(16, "0") + "\t" + String(y));
  }
}
