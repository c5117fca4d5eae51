// refractor's slimmed Prism core (no globals, no DOM), reached by a Vite alias: refractor's own entry
// adds hastscript and an HTML entity decoder, 10 KB gzip that a tokenizer does not need.
declare module 'codeblanks-prism-core' {
  export interface PrismToken {
    type: string;
    alias?: string | string[];
    content: string | PrismToken | (string | PrismToken)[];
  }
  export const Prism: {
    languages: Record<string, unknown>;
    tokenize(text: string, grammar: unknown): (string | PrismToken)[];
  };
}
