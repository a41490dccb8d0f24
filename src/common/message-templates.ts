/**
 * A locale's sentences of a catalogue of problem keys: one function per key, typed by the facts
 * (parameters) that key's problems carry. Each layer declares its `…Params` (key → facts) beside
 * its problem keys; its Vietnamese templates and the pane's English ones are both
 * `MessageTemplates<…Params>`, so a key without a template in either locale does not compile, and
 * both locales say the same facts.
 */
export type MessageTemplates<P> = { readonly [K in keyof P]: (params: P[K]) => string };

/** What a problem says: its key, its facts and their Vietnamese sentence (a layer's `…Message`). */
export interface Saying<K extends string = string> {
  rule: K;
  params: object;
  message: string;
}
