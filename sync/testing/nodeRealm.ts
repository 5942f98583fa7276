// Jest runs tests in a separate V8 realm whose Symbol.dispose is not the one Node's own modules use.
// undici (jsforce's HTTP client) disposes abort listeners through Node's events.addAbortListener
// with `[Symbol.dispose]`, which then finds nothing. Point the realm's Symbol.dispose at Node's.
import { addAbortListener } from 'node:events';

const probe = addAbortListener(new AbortController().signal, () => undefined);
const nodeDispose = Object.getOwnPropertySymbols(Object.getPrototypeOf(probe) ?? {})
    .concat(Object.getOwnPropertySymbols(probe))
    .find((symbol) => symbol.description === 'nodejs.dispose' || symbol.description === 'Symbol.dispose');
if (nodeDispose && (Symbol as { dispose?: symbol }).dispose !== nodeDispose) {
    Object.defineProperty(Symbol, 'dispose', { value: nodeDispose, configurable: true });
}
(probe as unknown as Record<symbol, () => void>)[nodeDispose ?? Symbol.for('none')]?.();
