/**
 * What a real browser has and Jest's jsdom lacks, for pane tests that run the real campaign use
 * cases (WebCrypto's HMAC and SHA-256, TextEncoder/TextDecoder, structuredClone): Node's own
 * implementations, put on the jsdom global. Import it before the code under test.
 */
import { webcrypto } from 'node:crypto';
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from 'node:util';
import { deserialize, serialize } from 'node:v8';

const g = globalThis as Record<string, unknown>;
if (!(globalThis.crypto as Crypto | undefined)?.subtle)
  Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });
g.TextEncoder ??= NodeTextEncoder;
g.TextDecoder ??= NodeTextDecoder;
g.structuredClone ??= (value: unknown) => deserialize(serialize(value));
// jsdom has no layout engine and so no ResizeObserver (Fluent's MessageBar observes its width);
// with no layout there is never a resize to report, so an observer that reports none is exact.
g.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
