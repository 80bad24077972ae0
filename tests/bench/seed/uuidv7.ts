/**
 * A drop-in for the `uuidv7` package's `uuidv7()`, used only when the generator runs (the Vite
 * config under tests/bench aliases `uuidv7` to this file). Ids are real UUIDv7s, but their time comes
 * from the generator's virtual clock and their random bits from its seeded generator, so the same
 * seed gives the same ids, and ids sort by the (virtual) moment they were made, as in real use.
 */
let clock: () => number = () => Date.now();
let random: () => number = Math.random;
let lastMs = -1;
let counter = 0;

export function setUuidSource(source: { clock: () => number; random: () => number }): void {
  clock = source.clock;
  random = source.random;
  lastMs = -1;
  counter = 0;
}

function hex(value: number, digits: number): string {
  return value.toString(16).padStart(digits, '0');
}

function randomBits(bits: number): number {
  return Math.floor(random() * 2 ** bits);
}

export function uuidv7(): string {
  let ms = Math.max(0, Math.floor(clock()));
  if (ms <= lastMs) {
    ms = lastMs;
    counter++;
    if (counter > 0xfff) {
      ms = lastMs + 1;
      counter = randomBits(10);
    }
  } else {
    counter = randomBits(10);
  }
  lastMs = ms;
  const time = hex(ms, 12);
  const variant = 0x8000 | randomBits(14);
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-7${hex(counter, 3)}-${hex(variant, 4)}-${hex(randomBits(24), 6)}${hex(randomBits(24), 6)}`;
}
